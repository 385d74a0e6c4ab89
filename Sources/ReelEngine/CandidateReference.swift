import ReelKit

/// Which candidate a command means: `2` (candidate 2 of the shot's latest take) or `7:2`
/// (candidate 2 of take 7).
public struct CandidateReference: Sendable, Hashable, CustomStringConvertible {
    public var take: Int64?
    public var index: Int

    public init(take: Int64? = nil, index: Int) {
        self.take = take
        self.index = index
    }

    /// Parses `N` or `TAKE:N`; candidates are numbered 1–4 as in Midjourney's U1–U4.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        func number(_ part: Substring, what: String) throws -> Int {
            guard let value = Int(part), value >= 1 else {
                throw ReelError(
                    .invalidInput,
                    "'\(text)' is not a candidate: \(what) must be a whole number from 1, as in `2` or `7:2`")
            }
            return value
        }
        switch parts.count {
        case 1:
            self.init(index: try number(parts[0], what: "the candidate"))
        case 2:
            self.init(
                take: Int64(try number(parts[0], what: "the take")), index: try number(parts[1], what: "the candidate"))
        default:
            throw ReelError(.invalidInput, "'\(text)' is not a candidate; write N (of the latest take) or TAKE:N")
        }
    }

    public var description: String { take.map { "\($0):\(index)" } ?? "\(index)" }
}
