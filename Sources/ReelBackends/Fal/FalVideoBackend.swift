import Foundation
import ReelKit

/// Clips on fal from an image-to-video model (`fal-ai/kling-video/v2.1/standard/image-to-video`):
/// the still goes as `image_url`, the shot's motion as `prompt`, and the length is snapped to
/// one the model makes (Kling 2.1: 5 or 10 s). Longer shots are chained by the engine up to the
/// model's longest length. The request id is journaled by the engine as soon as submit returns.
/// A shot's end frame goes in the model's ``FalModel/endImageField`` (Kling O3: `end_image_url`);
/// models without one drop it.
///
/// ```swift
/// let kling = FalVideoBackend(client: client, model: FalPrices.model("fal-ai/kling-video/v2.1/standard/image-to-video")!)
/// let clip = try await kling.animate(request, to: output, context: context)
/// ```
public struct FalVideoBackend: ResumableVideoBackend, SetupChecked {
    public let name = "fal"
    public var model: FalModel
    let client: FalClient

    public init(client: FalClient, model: FalModel) {
        self.client = client
        self.model = model
    }

    public var capabilities: VideoCapabilities {
        VideoCapabilities(
            maxClipSeconds: model.durations.last ?? 5, cameraMoves: false, motionPrompt: true,
            durations: model.durations, pricePerSecondUSD: model.pricePerSecond,
            endFrame: model.endImageField != nil)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        try await client.slotted { try await submitRequest(request, context: context) }
    }

    private func submitRequest(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        let seconds = capabilities.snappedSeconds(request.duration)
        var input: [String: JSONValue] = [
            "prompt": .string(request.motion),
            "image_url": .string(DataURI.encode(try context.data(of: request.image))),
            "duration": .string(String(Int(seconds.rounded())) + model.durationUnit),
        ]
        if let field = model.endImageField, let end = request.endImage {
            input[field] = .string(DataURI.encode(try context.data(of: end)))
        }
        for (key, value) in model.fixedInput { input[key] = value }
        let submitted = try await client.submit(model: model.id, input: input)
        return FalHandle(requests: [submitted]).encoded
    }

    /// Waits for the clip and streams it to `output` at once (fal's URLs expire).
    public func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        try await client.finishing(jobID) {
            try await collectRequest(jobID: jobID, request: request, to: output, context: context)
        }
    }

    private func collectRequest(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        guard let handle = FalHandle(encoded: jobID), let submitted = handle.requests.first else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        let body = try await client.result(of: submitted, model: model.id) { note in context.progress(0.1, note) }
        let result = try HTTPAnswer(status: 200, headers: [], body: body).decoded(
            FalWire.VideoOutput.self, backend: name, what: "the result of \(model.id)")
        context.progress(0.9, "downloading the clip")
        try await client.download(result.video, jobID: jobID, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
        context.progress(1, "done")
        // The clip is as long as the model makes and paid as such; the shot uses its first
        // `request.duration` seconds (the cut trims every clip to the length recorded here).
        let seconds = capabilities.snappedSeconds(request.duration)
        return GeneratedClip(duration: min(request.duration, seconds), costUSD: model.pricePerSecond * seconds)
    }

    public func cancel(jobID: String) async {
        await client.pace?.finish(jobID, succeeded: false)
        for submitted in FalHandle(encoded: jobID)?.requests ?? [] { await client.cancel(submitted) }
    }
}
