import ArgumentParser
import Foundation
import ReelKit

/// Prints any error and answers the exit status: the ``ReelFailure``'s own (1 for the user's
/// input, 2 for Reel's faults, 130 when interrupted); ArgumentParser's errors as it decides them.
enum ExitStatus {
    static let ok: Int32 = 0
    static let userInput: Int32 = 1
    static let internalFault: Int32 = 2
    static let interrupted: Int32 = 130

    static func report(_ error: any Error, commandType: any ParsableCommand.Type) -> Int32 {
        switch error {
        case let diagnostics as DiagnosticsError:
            Output.diagnostics(diagnostics.diagnostics)
            return diagnostics.exitCode
        case let failure as any ReelFailure:
            Output.error(CommandWords.message(failure))
            return failure.exitCode
        case let exit as ExitCode:
            return exit.rawValue
        case is CancellationError:
            Output.error("interrupted; what was finished is kept, and the next `reel make` picks up from there")
            return interrupted
        default:
            break
        }
        let code = commandType.exitCode(for: error)
        if code == .success {
            // --help, --version and friends: ArgumentParser prints them.
            let message = commandType.fullMessage(for: error)
            if !message.isEmpty { print(message) }
            return ok
        }
        if code == .validationFailure {
            // ArgumentParser starts its message with its own "Error: "; ours already says "error:".
            let message = commandType.fullMessage(for: error)
            Output.error(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
            return userInput
        }
        if let localized = (error as? LocalizedError)?.errorDescription, !localized.isEmpty {
            Output.error(localized)
        } else {
            Output.error("\(error)")
        }
        return internalFault
    }
}
