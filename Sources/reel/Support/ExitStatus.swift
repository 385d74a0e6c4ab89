import ArgumentParser
import Foundation
import ReelBackends
import ReelKit
import ReelMedia
import ReelStore

/// Maps any error to Reel's exit codes and prints it: 1 for the user's input (bad film file,
/// unknown shot, wrong arguments), 2 for Reel's own faults.
enum ExitStatus {
    static let ok: Int32 = 0
    static let userInput: Int32 = 1
    static let internalFault: Int32 = 2

    static func report(_ error: any Error, commandType: any ParsableCommand.Type) -> Int32 {
        switch error {
        case let diagnostics as DiagnosticsError:
            Output.diagnostics(diagnostics.diagnostics)
            return userInput
        case let reelError as ReelError:
            Output.error(reelError.message)
            return reelError.isUserError ? userInput : internalFault
        case let backend as BackendError:
            // A server refused or failed: the user fixes the server, its settings or the workflow.
            Output.error(backend.message)
            return userInput
        case let exit as ExitCode:
            return exit.rawValue
        case let ffmpeg as FFmpegError where ffmpeg.code == .notFound:
            // A tool missing from the machine: the user can fix it, as the message says.
            Output.error(ffmpeg.message)
            return userInput
        case let store as StoreError where store.code == .newerStore || store.code == .noProjectDirectory:
            Output.error(store.message)
            return userInput
        case is CancellationError:
            Output.error("interrupted; what was finished is kept, and the next `reel make` picks up from there")
            return 130
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
        if code == .validationFailure || error is ValidationError || "\(type(of: error))".contains("ParserError") {
            Output.error(commandType.fullMessage(for: error))
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
