/// An image backend whose generations run as jobs on a server that outlives Reel (ComfyUI,
/// Replicate, fal…). The engine journals the job's remote id between `submit` and `collect`,
/// so after a crash or `kill -9` it re-attaches to the job instead of submitting — and paying
/// for — it again. A server that accepts ids chosen by the client (ComfyUI) lets Reel journal
/// the id before anything is sent, which closes the last window: a kill during `submit`.
public protocol ResumableImageBackend: ImageBackend {
    /// A job id for `request` chosen before anything is sent, when the server accepts the
    /// client's ids; `nil` when the server names its jobs.
    func reserveJobID(for request: Request) -> String?
    /// Starts the generation and returns the job's id, without waiting for results. `reserved`
    /// is the id from `reserveJobID`, which the backend then uses.
    func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String
    /// Waits for the job and downloads its images. Throws `RemoteJobLost` when the server no
    /// longer knows the job (it was restarted and forgot its queue): the engine submits again.
    func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage]
    /// Asks the server to stop the job (Ctrl-C, a cancelled run); best effort.
    func cancel(jobID: String) async
}

extension ResumableImageBackend {
    public func reserveJobID(for request: Request) -> String? { nil }

    /// Starts the generation under a fresh id, for callers that keep no journal.
    public func submit(_ request: Request, context: GenerationContext) async throws -> String {
        try await submit(request, as: reserveJobID(for: request), context: context)
    }

    /// Submit and collect in one go, for callers that keep no journal.
    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let id = try await submit(request, context: context)
        return try await withTaskCancellationHandler {
            try await collect(jobID: id, request: request, context: context)
        } onCancel: {
            // The handler cannot await; the cancel request goes out on its own and is best effort.
            Task { await cancel(jobID: id) }
        }
    }
}

/// The server does not know a job Reel journaled; it must be submitted again.
public struct RemoteJobLost: ReelFailure {
    public var code: ReelError.Code { ReelError.Code(rawValue: "remote-job-lost") }
    public var kind: FailureKind { .backend }
    public var message: String { description }
    public var jobID: String
    public var backend: String

    public init(jobID: String, backend: String) {
        self.jobID = jobID
        self.backend = backend
    }

    public var description: String { "\(backend) no longer knows job \(jobID)" }
}
