import Foundation
import GRDB

/// One entry of the engine's journal: a step it has started, so a crashed or interrupted run
/// resumes it (polling a remote job by ``remoteID``) instead of paying for it twice.
public struct Job: Identifiable, Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "job"

    /// Where a job is in its life.
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case queued
        case submitted
        case running
        case downloading
        case finished
        case failed
        case cancelled

        /// Whether the job is over, successfully or not; a resumed run skips these.
        public var isTerminal: Bool {
            switch self {
            case .finished, .failed, .cancelled: true
            case .queued, .submitted, .running, .downloading: false
            }
        }

        static var unfinished: [State] { allCases.filter { !$0.isTerminal } }
    }

    public var id: Int64
    /// The step's key; one job per step.
    public var stepKey: String
    /// What the step makes (the engine's step kind, e.g. "image", "clip").
    public var kind: String
    /// The shot the step belongs to; nil for whole-film steps such as the cut.
    public var shotID: String?
    public var state: State
    public var backend: String
    /// The backend's id for an asynchronous job, to poll it after a restart.
    public var remoteID: String?
    /// How many times the job left `.queued`, i.e. was tried.
    public var attempts: Int
    /// The last failure's message, for `reel status`.
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// What the job produced (the engine's own JSON), once finished.
    public var resultJSON: String?
}
