import ReelKit
import Testing

/// One broken film file and the single error it must produce: where, and what it says.
struct BrokenFilm: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    /// A substring of the error's message.
    let message: String
    let line: Int
    let column: Int

    init(_ name: String, _ yaml: String, _ message: String, at line: Int, _ column: Int) {
        self.name = name
        self.yaml = yaml
        self.message = message
        self.line = line
        self.column = column
    }

    var testDescription: String { name }
}

extension BrokenFilm {
    /// The smallest film around one shot: line 3 is `  - id: a`, line 4 its prompt.
    static func shot(_ extra: String, id: String = "a", prompt: String = "\"a cliff\"") -> String {
        "title: T\nshots:\n  - id: \(id)\n    prompt: \(prompt)\n" + extra
    }
}
