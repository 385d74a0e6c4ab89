import ReelEngine

/// One message on `/api/events`: engine progress, a job's state, or a change another tab or
/// command made. Sent as a server-sent event whose data is this value as JSON.
public struct ServerEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case started, advanced, finished, note, warning
        /// A job changed state (`state` says which).
        case job
        /// A shot's takes, pick or prompt changed.
        case changed
        /// Sent when a stream opens and now and then, so proxies keep it open.
        case hello
    }

    public var type: Kind
    public var job: Int?
    public var shot: String?
    public var step: String?
    public var detail: String?
    public var done: Int?
    public var total: Int?
    /// For `job`: queued, running, done, failed.
    public var state: String?
    public var take: Int64?
    public var message: String?

    public init(
        type: Kind, job: Int? = nil, shot: String? = nil, step: String? = nil, detail: String? = nil, done: Int? = nil,
        total: Int? = nil, state: String? = nil, take: Int64? = nil, message: String? = nil
    ) {
        self.type = type
        self.job = job
        self.shot = shot
        self.step = step
        self.detail = detail
        self.done = done
        self.total = total
        self.state = state
        self.take = take
        self.message = message
    }

    init(progress: ProgressEvent, job: Int?) {
        switch progress {
        case .started(let step, let detail, let total):
            self.init(type: .started, job: job, step: step, detail: detail, done: 0, total: total)
        case .advanced(let step, let done, let total, let message):
            self.init(type: .advanced, job: job, step: step, detail: message, done: done, total: total)
        case .finished(let step, let detail):
            self.init(type: .finished, job: job, step: step, detail: detail)
        case .note(let text):
            self.init(type: .note, job: job, message: text)
        case .warning(let text):
            self.init(type: .warning, job: job, message: text)
        }
    }
}
