/// What the engine reports while it works. The CLI draws these as a progress bar on a terminal
/// and as plain lines otherwise; the studio forwards them to the browser.
public enum ProgressEvent: Sendable, Equatable {
    /// A step started: `total` units of work are expected (frames, candidates, clips).
    case started(step: String, detail: String, total: Int)
    /// `done` of the step's units are finished; `message` says what the backend is doing now
    /// ("candidate 2 of 4: node 3 (KSampler) 12/20"), when it says.
    case advanced(step: String, done: Int, total: Int, message: String? = nil)
    case finished(step: String, detail: String)
    /// Something the user should read: an auto-pick, a dropped parameter, a reused result.
    case note(String)
    case warning(String)
}

/// Receives progress events; must be cheap and thread-safe.
public struct ProgressSink: Sendable {
    public var emit: @Sendable (ProgressEvent) -> Void

    public init(_ emit: @escaping @Sendable (ProgressEvent) -> Void) {
        self.emit = emit
    }

    public static let silent = ProgressSink { _ in }

    public func note(_ text: String) { emit(.note(text)) }
    public func warning(_ text: String) { emit(.warning(text)) }
}
