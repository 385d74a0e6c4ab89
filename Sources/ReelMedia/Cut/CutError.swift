/// A cut that cannot be made as planned: an empty plan, a transition longer than its shots, a bad size.
public struct CutError: Error, Sendable, CustomStringConvertible, Equatable {
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
