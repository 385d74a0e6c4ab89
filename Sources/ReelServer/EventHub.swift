import Foundation
import ReelEngine
import Synchronization

/// Fans server events out to every connected browser (each `/api/events` stream).
///
/// A lock, not an actor: the engine's `ProgressSink` is synchronous, and hopping onto an actor
/// from it would need a stray task per event. Each subscriber gets a bounded buffer that keeps
/// the newest events, so a slow tab never holds up the engine.
public final class EventHub: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<ServerEvent>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream of every event published from now on; it ends when the hub closes or the
    /// consumer stops listening.
    public func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ServerEvent.self, bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.subscribers[id] = continuation
            return true
        }
        guard accepted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public func publish(_ event: ServerEvent) {
        let continuations = state.withLock { Array($0.subscribers.values) }
        for continuation in continuations { continuation.yield(event) }
    }

    /// Ends every stream, so open event requests finish and the server can shut down.
    public func close() {
        let continuations = state.withLock { state -> [AsyncStream<ServerEvent>.Continuation] in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// A progress sink that publishes the engine's events for job `job`.
    func progressSink(job: Int?) -> ProgressSink {
        ProgressSink { [self] event in publish(ServerEvent(progress: event, job: job)) }
    }
}
