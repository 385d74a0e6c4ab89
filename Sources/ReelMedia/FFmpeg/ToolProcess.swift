import Foundation

/// Another command-line tool (espeak-ng) run through the same child-process edge as ffmpeg: no
/// shell, stdin and stdout closed, stderr's last lines kept, the process killed when the task
/// is cancelled.
///
/// ```swift
/// let run = try await ToolProcess.run(espeak, arguments: ["-w", "line.wav", "-f", "line.txt"],
///                                     installHint: "install it with `sudo apt-get install espeak-ng`")
/// if run.status != 0 { print(run.stderr) }
/// ```
public enum ToolProcess {
    public struct Outcome: Sendable {
        /// The exit status; a death by signal N reads as 128 + N.
        public var status: Int32
        /// The last lines the tool wrote to stderr.
        public var stderr: String
    }

    /// Runs `executable` to completion.
    /// - Throws: ``FFmpegError`` `.notFound` (with `installHint`) when the tool cannot be started,
    ///   `CancellationError` when the task is cancelled.
    public static func run(_ executable: URL, arguments: [String], installHint: String) async throws -> Outcome {
        try Task.checkCancellation()
        let child = try ChildProcess(
            executable: executable, arguments: arguments, pipeInput: false, pipeOutput: false,
            installHint: installHint)
        return try await withTaskCancellationHandler {
            let status = await child.waitForExit()
            try Task.checkCancellation()
            return Outcome(status: status, stderr: child.stderrTail.lines.joined(separator: "\n"))
        } onCancel: {
            child.kill()
        }
    }
}
