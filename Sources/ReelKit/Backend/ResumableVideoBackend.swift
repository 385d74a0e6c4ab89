import Foundation

/// A video backend whose clips are jobs on a server that outlives Reel (fal, Replicate…), the
/// clip-making twin of ``ResumableImageBackend``: the engine journals the job's remote id between
/// `submit` and `collect`, so a run that crashed or was killed re-attaches to the job instead of
/// paying for the clip again.
public protocol ResumableVideoBackend: VideoBackend {
    /// Starts the clip and returns the job's id, without waiting for it.
    func submit(_ request: ClipRequest, context: GenerationContext) async throws -> String
    /// Waits for the job and writes its clip (an MP4) to `output`. Throws `RemoteJobLost` when
    /// the server no longer knows the job: the engine submits again.
    func collect(
        jobID: String, request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip
    /// Asks the server to stop the job (Ctrl-C, a cancelled run); best effort.
    func cancel(jobID: String) async
}

extension ResumableVideoBackend {
    /// Submit and collect in one go, for callers that keep no journal.
    public func animate(
        _ request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let id = try await submit(request, context: context)
        return try await withTaskCancellationHandler {
            try await collect(jobID: id, request: request, to: output, context: context)
        } onCancel: {
            // The handler cannot await; the cancel request goes out on its own and is best effort.
            Task { await cancel(jobID: id) }
        }
    }
}
