import Foundation
import ReelKit

/// A failure at the ffmpeg edge: the tool is missing, a run exited non-zero, or its output made no sense.
///
/// Carries a stable ``code`` to branch on, a message that says what to do, ffmpeg's exit status and
/// the last lines it wrote to stderr, which is where ffmpeg explains itself.
public struct FFmpegError: ReelFailure {
    /// A stable kind of failure. New kinds may be added; switch with a `default`.
    public struct Code: FailureCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// ffmpeg or ffprobe could not be found or run.
        public static let notFound = Code(rawValue: "tool-not-found")
        /// The tool ran and exited with a non-zero status.
        public static let failed = Code(rawValue: "tool-failed")
        /// The tool's output could not be understood (bad JSON, a short frame, a missing stream).
        public static let invalidOutput = Code(rawValue: "invalid-tool-output")
        /// The request itself cannot work (an odd frame size, a zero frame rate, a missing file).
        public static let invalidRequest = Code(rawValue: "invalid-tool-request")
    }

    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String
    /// `ffmpeg` or `ffprobe`.
    public var tool: String
    /// The exit status, when the tool ran and exited.
    public var exitCode: Int32?
    /// The last lines the tool wrote to stderr, oldest first.
    public var stderrTail: [String]

    public init(
        _ code: Code, _ message: String, tool: String = "ffmpeg", exitCode: Int32? = nil,
        stderrTail: [String] = []
    ) {
        self.code = code
        self.message = message
        self.tool = tool
        self.exitCode = exitCode
        self.stderrTail = stderrTail
    }

    /// A missing tool is the machine's to fix, as the message says; anything else is Reel's.
    public var kind: FailureKind { code == .notFound ? .missingTool : .internal }

    public var description: String {
        var text = message
        if let exitCode { text += " (\(tool) exited with status \(exitCode))" }
        if !stderrTail.isEmpty {
            text += "\n" + stderrTail.map { "  \(tool): \($0)" }.joined(separator: "\n")
        }
        return text
    }

    static func invalidRequest(_ message: String) -> FFmpegError {
        FFmpegError(.invalidRequest, message)
    }
}
