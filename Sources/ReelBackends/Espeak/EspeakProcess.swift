import Foundation
import ReelKit

/// One espeak-ng run: no shell, no stdin, stderr collected for messages; stdout is discarded.
/// The wait happens off the cooperative pool, and a cancelled task stops the process.
enum EspeakProcess {
    struct Outcome: Sendable {
        var status: Int32
        var stderr: String
    }

    static func run(_ executable: URL, arguments: [String]) async throws -> Outcome {
        try Task.checkCancellation()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ReelError(
                .missingTool,
                "could not start \(executable.path): \(error.localizedDescription); install espeak-ng with "
                    + "`sudo apt-get install espeak-ng`")
        }
        let box = ProcessBox(process)
        return try await withTaskCancellationHandler {
            let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                DispatchQueue(label: "reel.espeak").async {
                    // espeak-ng says little on stderr; reading it to the end returns when the process exits.
                    let data = errors.fileHandleForReading.readDataToEndOfFile()
                    box.process.waitUntilExit()
                    let status =
                        box.process.terminationReason == .exit
                        ? box.process.terminationStatus : 128 + box.process.terminationStatus
                    continuation.resume(
                        returning: Outcome(status: status, stderr: String(decoding: data, as: UTF8.self)))
                }
            }
            try Task.checkCancellation()
            return outcome
        } onCancel: {
            box.process.terminate()
        }
    }
}

/// `Process` is not `Sendable`; the box hands it to the waiting queue and the cancel handler,
/// which only call its thread-safe `waitUntilExit`, `terminate` and status accessors.
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}
