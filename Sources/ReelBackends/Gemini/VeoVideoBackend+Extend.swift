import Foundation
import ReelKit

/// Veo's native extend on the Gemini API (backend-apis.md §8a): a piece that continues an earlier
/// Veo clip is sent as `instances[0].video.uri` = the video that clip's operation answered, with
/// no image. Google answers the whole video, the prior with about 7 s appended (*secondary*:
/// help.apiyi.com, blog.greeden.me; Vertex's extend-videos page says +7 s on 1–30 s inputs), so
/// the engine reads the shot from the last extension's video.
///
/// UNCONFIRMED on the Gemini API: `durationSeconds` 8 with an extension (sent, as Google's video
/// page is remembered to ask), the 720p-only output and the cap of 20 extensions, the price of an
/// extension (taken as 7 s at the model's rate), how long a prior video stays extendable, and the
/// error a stale one gets: an operation Google no longer knows, one without a video, or a 400/404
/// on the extension throws ``ExtensionSourceLost`` (the engine then starts that piece from the
/// last frame).
extension VeoVideoBackend {
    func submitExtension(of prior: String, _ request: ClipRequest) async throws -> String {
        let uri: String
        do {
            let operation = try await client.operation(prior, model: model.id)
            let samples = operation.response?.generateVideoResponse?.generatedSamples ?? []
            guard let found = samples.lazy.compactMap({ $0.video?.uri }).first else {
                throw ExtensionSourceLost(source: prior, backend: name, reason: "its operation answered no video")
            }
            uri = found
        } catch is RemoteJobLost {
            throw ExtensionSourceLost(source: prior, backend: name, reason: "Google no longer knows its operation")
        }
        let body = GeminiWire.PredictLongRunningRequest(
            instances: [
                GeminiWire.VeoInstance(
                    prompt: request.motion.isEmpty ? "subtle natural motion" : request.motion,
                    video: GeminiWire.Video(uri: uri))
            ],
            parameters: GeminiWire.VeoParameters(
                sampleCount: 1, durationSeconds: 8, aspectRatio: request.height > request.width ? "9:16" : "16:9",
                negativePrompt: negativePrompt))
        do {
            return try await client.predictLongRunning(model: model.id, request: body)
        } catch let error as BackendError
            where error.code == .rejected && [400, 404].contains(error.status ?? 0)
            && !error.message.contains(GeminiKey.variable)
        {
            throw ExtensionSourceLost(source: prior, backend: name, reason: error.message)
        }
    }

    /// The seconds a clip is paid for: the length made, or one extension's.
    func paidSeconds(of request: ClipRequest) -> Double {
        if request.continuing != nil, let seconds = model.extensionSeconds { return seconds }
        return capabilities.snappedSeconds(request.duration)
    }
}
