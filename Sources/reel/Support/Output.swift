import Foundation
import ReelKit

/// Where the CLI writes: results to standard output, diagnostics and progress to standard error,
/// colour only on a terminal.
enum Output {
    static var stderrIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func line(_ text: String) {
        print(text)
    }

    static func error(_ message: String) {
        let label = stderrIsTerminal ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        standardError("\(label) \(message)\n")
    }

    static func warning(_ message: String) {
        let label = stderrIsTerminal ? "\u{1B}[1;35mwarning:\u{1B}[0m" : "warning:"
        standardError("\(label) \(message)\n")
    }

    static func note(_ message: String) {
        standardError("\(message)\n")
    }

    /// Compiler-style diagnostics with the source line and a caret, reading the files they name.
    static func diagnostics(_ diagnostics: [Diagnostic], extraSources: [String?: String] = [:]) {
        var sources = extraSources
        for file in Set(diagnostics.compactMap { $0.location?.file }) where sources[file] == nil {
            sources[file] = try? String(contentsOfFile: file, encoding: .utf8)
        }
        let renderer = DiagnosticRenderer(useColor: stderrIsTerminal, sources: sources)
        standardError(renderer.render(diagnostics) + "\n")
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            standardError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
