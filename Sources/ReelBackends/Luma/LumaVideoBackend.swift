import Foundation
import ReelKit

/// Clips on Luma's `ray-3.2` (`type: video`): the still goes inline as `video.start_frame`, the
/// shot's motion as the prompt, at the settings' resolution. Image-to-video makes 5 s clips
/// only, so a shot is made at 5 s and cut to its length, and longer shots are chained by the
/// engine.
///
/// A long shot is made natively: the first piece as above, each later one as an extension of
/// the piece before (`video.start_frame: {"generation_id": prior}`, backend-apis.md §6b), which
/// Luma answers as a new 5 s continuation starting from the prior's last frame (*secondary*:
/// docs.comfy.org LumaRay32ExtendVideoNode, docs.gmicloud.ai "one 5s block per call"; whether
/// its first frame repeats the prior's last is UNCONFIRMED: the join drops it). A prior Luma no
/// longer has (404, or 400/422 on the reference) throws ``ExtensionSourceLost``, and the engine
/// makes that piece from the last frame instead. A shot's end frame (``ClipRequest/endImage``)
/// goes inline as `video.end_frame`, on the last piece only, an extension included (start from a
/// generation and end on an image, as Dream Machine's `frame0`/`frame1` interpolation does;
/// UNCONFIRMED on the Agents API's extensions).
///
/// ```swift
/// let ray = LumaVideoBackend(client: client, model: LumaPrices.model("ray-3.2")!, resolution: "720p")
/// let clip = try await ray.animate(request, to: output, context: context)
/// ```
public struct LumaVideoBackend: ResumableVideoBackend, SetupChecked {
    public let name = "luma"
    public var model: LumaModel
    /// `540p`, `720p` or `1080p`.
    public var resolution: String
    let client: LumaClient

    public init(client: LumaClient, model: LumaModel, resolution: String) {
        self.client = client
        self.model = model
        self.resolution = resolution
    }

    public var capabilities: VideoCapabilities {
        var capabilities = VideoCapabilities(
            maxClipSeconds: model.durations.last ?? 5, cameraMoves: false, motionPrompt: true,
            durations: model.durations, pricePerSecondUSD: model.pricePerSecond(resolution: resolution),
            endFrame: true)
        capabilities.nativeExtension = model.extensionSeconds.map {
            NativeExtension(seconds: $0, returnsWholeVideo: false)
        }
        return capabilities
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String {
        let seconds = Int(capabilities.snappedSeconds(request.duration).rounded())
        let motion = request.motion.isEmpty ? "subtle natural motion" : request.motion
        let start =
            try request.continuing.map { LumaWire.Media(generation_id: $0) }
            ?? LumaWire.Media.inline(try context.data(of: request.image))
        let body = LumaWire.Create(
            model: model.id, type: "video", prompt: String(motion.prefix(6000)),
            video: LumaWire.Video(
                duration: "\(seconds)s", resolution: resolution, start_frame: start,
                end_frame: try request.endImage.map { LumaWire.Media.inline(try context.data(of: $0)) }))
        guard let prior = request.continuing else { return try await client.create(body, model: model.id) }
        do {
            return try await client.create(body, model: model.id)
        } catch let error as BackendError where [400, 404, 410, 422].contains(error.status ?? 0) {
            throw ExtensionSourceLost(source: prior, backend: name, reason: error.message)
        }
    }

    /// Waits for the clip and streams it to `output` at once (Luma's URLs last an hour).
    public func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let urls = try await client.outputs(of: jobID, model: model.id) { note in context.progress(0.1, note) }
        context.progress(0.9, "downloading the clip")
        try await client.download(output: 0, of: jobID, urls: urls, model: model.id, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
        context.progress(1, "done")
        let seconds = capabilities.snappedSeconds(request.duration)
        return GeneratedClip(
            duration: min(request.duration, seconds), costUSD: model.pricePerSecond(resolution: resolution) * seconds)
    }

    /// The Agents API has no cancel call: a generation Reel gives up on runs to its end.
    public func cancel(jobID: String) async {}
}
