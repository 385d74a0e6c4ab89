import Foundation
import ReelKit
import ReelMedia

/// Clips from Veo on the Gemini API (backend-apis.md §8a): `predictLongRunning` with the still
/// as the first frame (`image.bytesBase64Encoded`), the shot's motion as the prompt, the length
/// snapped to one the model makes (Veo 3.x: 4, 6 or 8 s) and `16:9` or `9:16` whichever is
/// closer. A shot's end frame goes as `lastFrame` on the models that take one (Veo 3.1), but not
/// with an extension (whether Veo takes both is UNCONFIRMED). The operation's name is the job id
/// the engine journals at once; `collect` polls `GET {base}/{name}` and downloads the clip with
/// the key (only on the base URL's origin).
///
/// A long shot on Veo 3.1 is made natively (see `VeoVideoBackend+Extend.swift`): each piece after
/// the first extends the one before (`instances[].video.uri`, §8a), and the engine cuts the whole
/// video the extension answers to the shot. Older models chain from last frames. Cancel is not
/// sent: the Gemini API documents no `:cancel` for Veo operations (only for tuned models), so a
/// cancelled clip may still finish and be billed.
///
/// ```swift
/// let veo = VeoVideoBackend(client: client, model: GeminiPrices.videoModel("veo-3.1-fast-generate-preview")!)
/// let clip = try await veo.animate(request, to: output, context: context)
/// ```
public struct VeoVideoBackend: ResumableVideoBackend, SetupChecked {
    public let name = "gemini"
    public var model: VeoModel
    /// Sent as `parameters.negativePrompt` with every clip (`video_negative_prompt:`).
    public var negativePrompt: String?
    let client: GeminiClient

    public init(client: GeminiClient, model: VeoModel, negativePrompt: String? = nil) {
        self.client = client
        self.model = model
        self.negativePrompt = negativePrompt
    }

    public var capabilities: VideoCapabilities {
        var capabilities = VideoCapabilities(
            maxClipSeconds: model.durations.last ?? 8, cameraMoves: false, motionPrompt: true,
            durations: model.durations, pricePerSecondUSD: model.perSecond, endFrame: model.takesLastFrame)
        capabilities.nativeExtension = model.extensionSeconds.map {
            NativeExtension(seconds: $0, returnsWholeVideo: true)
        }
        return capabilities
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        if let prior = request.continuing { return try await submitExtension(of: prior, request) }
        func inline(_ source: ImageSource) throws -> GeminiWire.VeoImage {
            let bytes = try context.data(of: source)
            let type = ImageFormat.sniff(bytes).map { "image/\($0.rawValue)" } ?? "image/png"
            return GeminiWire.VeoImage(bytesBase64Encoded: bytes.base64EncodedString(), mimeType: type)
        }
        let last = model.takesLastFrame ? request.endImage : nil
        let body = GeminiWire.PredictLongRunningRequest(
            instances: [
                GeminiWire.VeoInstance(
                    prompt: request.motion.isEmpty ? "subtle natural motion" : request.motion,
                    image: try inline(request.image), lastFrame: try last.map(inline))
            ],
            parameters: GeminiWire.VeoParameters(
                sampleCount: 1, durationSeconds: Int(capabilities.snappedSeconds(request.duration).rounded()),
                aspectRatio: request.height > request.width ? "9:16" : "16:9", negativePrompt: negativePrompt))
        return try await client.predictLongRunning(model: model.id, request: body)
    }

    /// Polls the operation to its end and downloads the clip at once.
    public func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        var poll = VeoPoll(interval: client.pollInterval, maxInterval: client.maxPollInterval, model: model.id)
        context.progress(0.05, "waiting on Veo")
        while true {
            try Task.checkCancellation()
            let operation = try await client.operation(jobID, model: model.id)
            switch poll.action(after: operation) {
            case .poll(let wait, let note):
                context.progress(0.1, note)
                try await client.transport.clock.sleep(for: wait)
            case .fail(let code, let message):
                throw BackendError(code, backend: name, message)
            case .download(let uri):
                context.progress(0.9, "downloading the clip")
                try await client.download(uri, jobID: jobID, to: output)
                try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
                context.progress(1, "done")
                // Paid at the length made; the shot uses its first `request.duration` seconds.
                let seconds = paidSeconds(of: request)
                return GeneratedClip(duration: min(request.duration, seconds), costUSD: model.perSecond * seconds)
            }
        }
    }

    /// Nothing to send: see the type's note on cancel.
    public func cancel(jobID: String) async {}
}
