import Foundation
import ReelEngine
import ServiceLifecycle
import Synchronization

/// Builds a studio over the project as it is on disk now: the film file read again, the store
/// opened, the backends registered. The composition root provides it; the server calls it per
/// request so that edits made elsewhere (an editor, a CLI command, another tab) are seen.
public typealias StudioOpener = @Sendable (ProgressSink) throws -> Studio

/// Work the page asks for that takes a while: it runs here, not in the request.
public enum JobAction: Sendable, Equatable {
    case generate(shot: String)
    case reroll(shot: String)
    case vary(shot: String, candidate: CandidateReference, strong: Bool)
    /// A character's or location's reference sheet (`@vela`), made and picked if it has none.
    case castSheet(shot: String)
    case make

    var shot: String? {
        switch self {
        case .generate(let shot), .reroll(let shot), .vary(let shot, _, _), .castSheet(let shot): shot
        case .make: nil
        }
    }
}

/// What a finished job made.
public struct JobResult: Sendable, Codable, Equatable {
    public var job: Int
    public var shot: String?
    public var take: Int64?
    /// True when an identical take existed and nothing was generated.
    public var reused: Bool
    public var summary: String
}

/// Runs the studio's long jobs as child tasks of one task group that lives as long as the
/// server (a service: `run()` returns on graceful shutdown, after running jobs finish), and
/// reports each job's life on the event hub.
public final class JobRunner: Service, Sendable {
    struct Submission: Sendable {
        var id: Int
        var action: JobAction
        var completion: @Sendable (Result<JobResult, any Error>) -> Void
    }

    private let hub: EventHub
    private let openStudio: StudioOpener
    private let heartbeat: Duration
    private let queue: AsyncStream<Submission>
    private let continuation: AsyncStream<Submission>.Continuation
    private let lastID = Mutex(0)
    private let active = Mutex<[Int: String]>([:])

    /// Shots with a job queued or running: the storyboard shows them as generating.
    public var activeShots: Set<String> { Set(active.withLock { $0.values }) }

    public init(hub: EventHub, openStudio: @escaping StudioOpener, heartbeat: Duration = .seconds(15)) {
        self.hub = hub
        self.openStudio = openStudio
        self.heartbeat = heartbeat
        (queue, continuation) = AsyncStream.makeStream(of: Submission.self)
    }

    /// Queues `action`; `completion` is called once with its result. Returns the job's id.
    @discardableResult
    public func submit(
        _ action: JobAction, completion: @escaping @Sendable (Result<JobResult, any Error>) -> Void = { _ in }
    ) -> Int {
        let id = lastID.withLock { value in
            value += 1
            return value
        }
        if let shot = action.shot { active.withLock { $0[id] = shot } }
        hub.publish(ServerEvent(type: .job, job: id, shot: action.shot, state: "queued"))
        if case .terminated = continuation.yield(Submission(id: id, action: action, completion: completion)) {
            _ = active.withLock { $0.removeValue(forKey: id) }
            let error = ServerError(.unavailable, "the studio is shutting down; start `reel serve` again")
            hub.publish(ServerEvent(type: .job, job: id, shot: action.shot, state: "failed", message: error.message))
            completion(.failure(error))
        }
        return id
    }

    /// Queues `action` and waits for its result.
    public func run(_ action: JobAction) async throws -> JobResult {
        try await withCheckedThrowingContinuation { waiter in
            submit(action) { waiter.resume(with: $0) }
        }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { [hub, heartbeat] in
                    while !Task.isCancelled {
                        try? await Task.sleep(for: heartbeat)
                        hub.publish(ServerEvent(type: .hello))
                    }
                }
                for await submission in queue {
                    group.addTask { await self.execute(submission) }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: { [continuation, hub] in
            continuation.finish()
            hub.close()
        }
    }

    private func execute(_ submission: Submission) async {
        let id = submission.id
        let action = submission.action
        defer { _ = active.withLock { $0.removeValue(forKey: id) } }
        hub.publish(ServerEvent(type: .job, job: id, shot: action.shot, state: "running"))
        do {
            let studio = try openStudio(hub.progressSink(job: id))
            let result: JobResult
            switch action {
            case .generate(let shot):
                result = Self.result(id, try await studio.generate(shotID: shot))
            case .reroll(let shot):
                result = Self.result(id, try await studio.reroll(shotID: shot))
            case .vary(let shot, let candidate, let strong):
                result = Self.result(id, try await studio.vary(shotID: shot, candidate: candidate, strong: strong))
            case .castSheet(let shot):
                result = Self.result(id, try await studio.ensureCastSheet(named: shot).outcome)
            case .make:
                let report = try await studio.make()
                let length = String(format: "%.1f", report.duration)
                var summary =
                    report.nothingToDo
                    ? "nothing to do: the film is up to date"
                    : "generated \(report.generated.count), animated \(report.animated.count), film \(length)s"
                if !report.failures.isEmpty {
                    summary =
                        "generated \(report.generated.count), animated \(report.animated.count); "
                        + "failed: \(report.failedShots.joined(separator: ", ")) (see each shot)"
                }
                result = JobResult(job: id, shot: nil, take: nil, reused: report.nothingToDo, summary: summary)
            }
            hub.publish(
                ServerEvent(
                    type: .job, job: id, shot: result.shot, state: "done", take: result.take, message: result.summary))
            hub.publish(ServerEvent(type: .changed, shot: result.shot))
            submission.completion(.success(result))
        } catch {
            let failure = ServerError(error)
            hub.publish(ServerEvent(type: .job, job: id, shot: action.shot, state: "failed", message: failure.message))
            submission.completion(.failure(error))
        }
    }

    private static func result(_ job: Int, _ outcome: TakeOutcome) -> JobResult {
        JobResult(
            job: job, shot: outcome.take.shotID, take: outcome.take.id, reused: outcome.reused,
            summary: outcome.reused ? "take \(outcome.take.id) (already made)" : "take \(outcome.take.id)")
    }
}
