import Foundation
import ReelKit

/// Clips on Runway (`POST /v1/image_to_video`, `gen4_turbo` by default): the still goes as the
/// first frame (`promptImage`), the shot's motion as `promptText`, the shot's shape as the
/// closest ratio the model allows, and the length snapped to one the model makes (gen4: 2–10 s;
/// Veo 3.1: 4, 6 or 8 s). A shot's end frame goes as `promptImage` `position: last` on the
/// models that take one (Veo 3.1; the gen4 models take a first frame only). Runway has no extend endpoint, so longer shots are chained by the
/// engine from each piece's last frame.
///
/// ```swift
/// let runway = RunwayVideoBackend(client: client, model: RunwayPrices.model("gen4_turbo")!)
/// let clip = try await runway.animate(request, to: output, context: context)
/// ```
public struct RunwayVideoBackend: ResumableVideoBackend, SetupChecked {
    public let name = "runway"
    public var model: RunwayModel
    let client: RunwayClient

    public init(client: RunwayClient, model: RunwayModel) {
        self.client = client
        self.model = model
    }

    public var capabilities: VideoCapabilities {
        VideoCapabilities(
            maxClipSeconds: model.durations.last ?? 10, cameraMoves: false, motionPrompt: true,
            durations: model.durations, pricePerSecondUSD: model.pricePerSecond,
            endFrame: model.takesLastFrame)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        let image = try RunwayImageInput.dataURI(try context.data(of: request.image), what: "the still")
        let last = try (model.takesLastFrame ? request.endImage : nil).map {
            try RunwayImageInput.dataURI(try context.data(of: $0), what: "the end frame")
        }
        // gen4.5 needs words; the others animate the still unprompted.
        let words = request.motion.isEmpty && model.needsPrompt ? "subtle natural motion" : request.motion
        let motion = RunwayWire.promptText(words)
        let body = RunwayWire.ImageToVideo(
            model: model.id, promptImage: RunwayWire.PromptImage(first: image, last: last),
            promptText: motion.isEmpty ? nil : motion,
            ratio: model.ratio(width: request.width, height: request.height).wire,
            duration: Int(capabilities.snappedSeconds(request.duration).rounded()),
            seed: model.takesSeed ? request.seed : nil)
        return try await client.create("image_to_video", body: body, model: model.id)
    }

    /// Waits for the clip and streams it to `output` at once (Runway's URLs expire).
    public func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let urls = try await client.outputs(of: jobID, model: model.id) { fraction, note in
            context.progress(0.9 * fraction, note)
        }
        context.progress(0.9, "downloading the clip")
        try await client.download(output: 0, of: jobID, urls: urls, model: model.id, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
        context.progress(1, "done")
        // The clip is as long as asked for on the wire and paid as such; the shot uses its first
        // `request.duration` seconds.
        let seconds = capabilities.snappedSeconds(request.duration)
        return GeneratedClip(duration: min(request.duration, seconds), costUSD: model.pricePerSecond * seconds)
    }

    public func cancel(jobID: String) async { await client.cancel(jobID) }
}
