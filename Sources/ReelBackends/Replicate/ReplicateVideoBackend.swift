import Foundation
import ReelKit

/// Clips on Replicate from an image-to-video model (`kwaivgi/kling-v2.1`): the still goes as
/// `start_image`, the shot's motion as `prompt`, and the length is snapped to one the model makes
/// (Kling 2.1: 5 or 10 s, sent as an integer). The engine chains longer shots and journals the
/// prediction's id as soon as submit returns.
///
/// ```swift
/// let kling = ReplicateVideoBackend(client: client, model: ReplicatePrices.model("kwaivgi/kling-v2.1")!)
/// let clip = try await kling.animate(request, to: output, context: context)
/// ```
public struct ReplicateVideoBackend: ResumableVideoBackend, SetupChecked {
    public let name = "replicate"
    public var model: ReplicateModel
    let client: ReplicateClient

    public init(client: ReplicateClient, model: ReplicateModel) {
        self.client = client
        self.model = model
    }

    public var capabilities: VideoCapabilities {
        VideoCapabilities(
            maxClipSeconds: model.durations.last ?? 5, cameraMoves: false, motionPrompt: true,
            durations: model.durations, pricePerSecondUSD: model.pricePerSecond)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        let seconds = capabilities.snappedSeconds(request.duration)
        var input: [String: JSONValue] = [
            "prompt": .string(request.motion),
            model.imageInput ?? "image": .string(try await client.inputImage(context.data(of: request.image))),
            "duration": .int(Int(seconds.rounded())),
        ]
        for (key, value) in model.fixedInput { input[key] = value }
        let entry = try await client.create(model: model, input: input)
        return ReplicateHandle(predictions: [entry]).encoded
    }

    /// Waits for the clip and streams it to `output` at once (outputs expire in an hour).
    public func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        guard let entry = ReplicateHandle(encoded: jobID)?.predictions.first else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        let prediction = try await client.succeeded(entry, model: model.id) { note in context.progress(0.1, note) }
        guard let url = prediction.outputURLs.first else { throw RemoteJobLost(jobID: jobID, backend: name) }
        context.progress(0.9, "downloading the clip")
        try await client.download(url, jobID: entry.id, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
        context.progress(1, "done")
        // The clip is as long as the model makes and paid as such; the shot uses its first
        // `request.duration` seconds (the cut trims every clip to the length recorded here).
        let seconds = capabilities.snappedSeconds(request.duration)
        return GeneratedClip(duration: min(request.duration, seconds), costUSD: model.pricePerSecond * seconds)
    }

    public func cancel(jobID: String) async {
        for entry in ReplicateHandle(encoded: jobID)?.predictions ?? [] { await client.cancel(entry) }
    }
}
