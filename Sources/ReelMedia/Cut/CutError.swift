import ReelKit

/// A cut that cannot be made as planned: an empty plan, a transition longer than its shots, a bad size.
public struct CutError: ReelFailure, Equatable {
    public var code: ReelError.Code { ReelError.Code(rawValue: "invalid-cut") }
    /// The plan comes from the film's shots and transitions, which the user can change.
    public var kind: FailureKind { .invalidInput }
    /// The entry concerned, as `entry N` (film order: title card, clips, end card).
    public var location: FailureLocation? { entry.map { .field("entry \($0)") } }
    /// What is wrong and how to fix the plan.
    public var message: String
    /// The index (in film order: title card, clips, end card) of the entry concerned, if any.
    public var entry: Int?

    public init(_ message: String, entry: Int? = nil) {
        self.message = message
        self.entry = entry
    }

    public var description: String { message }
}
