import Foundation
import ReelEngine
import Synchronization

/// Draws engine progress: a redrawn bar per step on a terminal, plain lines otherwise (CI
/// logs, pipes), so long renders show they are alive without flooding a log.
final class ProgressPrinter: Sendable {
    private struct State {
        var active: [String: (done: Int, total: Int, detail: String)] = [:]
        var barShown = false
        var lastPlainPercent: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let interactive: Bool
    private let quiet: Bool

    init(interactive: Bool = Output.stderrIsTerminal, quiet: Bool = false) {
        self.interactive = interactive
        self.quiet = quiet
    }

    var sink: ProgressSink { ProgressSink { [self] event in self.handle(event) } }

    func handle(_ event: ProgressEvent) {
        state.withLock { state in
            switch event {
            case .started(let step, let detail, let total):
                state.active[step] = (0, total, detail)
                if !interactive && !quiet { write(&state, "\(step): \(detail)") }
            case .advanced(let step, let done, let total, let message):
                guard var entry = state.active[step] else { return }
                entry.done = done
                entry.total = total
                if let message { entry.detail = message }
                state.active[step] = entry
                if !interactive && !quiet && total > 0 {
                    // Plain output: one line per quarter, never a flood, with what the backend
                    // says it is doing (which server of a pool runs which candidate).
                    let quarter = done * 4 / total
                    if quarter > (state.lastPlainPercent[step] ?? 0), quarter < 4 {
                        state.lastPlainPercent[step] = quarter
                        write(&state, "\(step): \(quarter * 25)%" + (message.map { " (\($0))" } ?? ""))
                    }
                }
            case .finished(let step, let detail):
                state.active[step] = nil
                state.lastPlainPercent[step] = nil
                if !quiet { write(&state, "\(step): \(detail)") }
            case .note(let text):
                write(&state, text)
            case .warning(let text):
                write(&state, (interactive ? "\u{1B}[1;35mwarning:\u{1B}[0m " : "warning: ") + text)
            }
            if interactive { drawBar(&state) }
        }
    }

    /// Clears the bar line so later output starts clean.
    func finish() {
        state.withLock { state in
            if interactive && state.barShown { Output.standardError("\r\u{1B}[2K") }
            state.barShown = false
        }
    }

    private func write(_ state: inout State, _ line: String) {
        if interactive && state.barShown { Output.standardError("\r\u{1B}[2K") }
        state.barShown = false
        Output.standardError(line + "\n")
    }

    private func drawBar(_ state: inout State) {
        guard let (step, entry) = state.active.min(by: { $0.key < $1.key }) else {
            if state.barShown { Output.standardError("\r\u{1B}[2K") }
            state.barShown = false
            return
        }
        let width = 28
        let fraction = entry.total > 0 ? min(1, Double(entry.done) / Double(entry.total)) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let others = state.active.count > 1 ? " (+\(state.active.count - 1) more)" : ""
        Output.standardError("\r\u{1B}[2K\(step) \(bar) \(entry.done)/\(entry.total) \(entry.detail)\(others)")
        state.barShown = true
    }
}
