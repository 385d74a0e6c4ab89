import ReelKit
import ReelStore

/// A step of a `make` that failed for good, or that could not run because a step it waits for
/// failed. The rest of the film goes on; the failure is kept in the store until the step succeeds.
public struct StepFailure: Sendable, Hashable, Codable {
    /// The shot it belongs to; nil for the board and the cut.
    public var shotID: String?
    /// The plan step: `take:ridge`, `clip:ridge`, `speech:ridge#1`, `board`, `cut`.
    public var stepID: String
    /// Who can fix it: the error's ``FailureKind`` (`backend`, `invalid-input`, `not-found`,
    /// `missing-tool`, `internal`, …), or `blocked`.
    public var code: String
    /// What went wrong, in the words of the error.
    public var message: String
    /// The step whose failure kept this one from running, if that is why it did not run.
    public var blockedBy: String?

    public init(shotID: String?, stepID: String, code: String, message: String, blockedBy: String? = nil) {
        self.shotID = shotID
        self.stepID = stepID
        self.code = code
        self.message = message
        self.blockedBy = blockedBy
    }

    /// The code of a step that did not run because one it waits for failed.
    public static let blockedCode = "blocked"

    /// Whether the fault is Reel's own (exit code 2) rather than the input's or a backend's.
    public var isReelsFault: Bool { code == FailureKind.internal.rawValue }

    /// A failure from any error a step threw.
    init(step: PlanStep, error: any Error) {
        // An error that is not a ReelFailure comes from a backend's own machinery.
        let kind = (error as? any ReelFailure)?.kind ?? .backend
        self.init(shotID: step.shotID, stepID: step.id, code: kind.rawValue, message: Studio.message(of: error))
    }
}

/// An error that stops a whole run instead of failing one shot: the store cannot be written, the
/// process is being stopped. Everything else a step throws fails that step and what waits for it.
public protocol StopsTheRun: Error {}

extension StoreError: StopsTheRun {}
