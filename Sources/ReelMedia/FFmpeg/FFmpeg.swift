import Foundation

/// The ffmpeg and ffprobe executables, and the one place in Reel that runs them.
///
/// Every run is scoped: the child process lives exactly as long as the `with…` call, is killed when
/// the calling task is cancelled or the body throws, and a non-zero exit becomes an ``FFmpegError``
/// carrying ffmpeg's last stderr lines.
///
/// ```swift
/// let ffmpeg = try FFmpegLocator().locate()
/// try await ffmpeg.withInput(["-f", "rawvideo", …, "-i", "pipe:0", "out.mp4"], purpose: "encode out.mp4") { input in
///     for frame in frames { try await input.write(frame) }
/// }
/// ```
public struct FFmpeg: Sendable {
    public var ffmpegURL: URL
    public var ffprobeURL: URL

    public init(ffmpeg: URL, ffprobe: URL) {
        ffmpegURL = ffmpeg
        ffprobeURL = ffprobe
    }

    /// Options every ffmpeg run starts with: quiet except for errors (they feed the stderr tail),
    /// no keyboard interaction, overwrite outputs (they are always Reel's own files).
    static let commonOptions = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"]

    /// Runs ffmpeg to completion without piping anything in or out.
    /// - Parameter purpose: what the run does, for error messages ("encode film.mp4").
    public func run(_ arguments: [String], purpose: String) async throws {
        try await withChild(
            ffmpegURL, Self.commonOptions + arguments, pipeInput: false, pipeOutput: false,
            purpose: purpose
        ) { _ in }
    }

    /// Runs ffmpeg with its stdin connected to the writer handed to `body` (use `-i pipe:0`).
    /// Input ends when `body` returns; then ffmpeg is awaited.
    nonisolated(nonsending) public func withInput<Result>(
        _ arguments: [String], purpose: String, _ body: (FFmpegInput) async throws -> Result
    ) async throws -> Result {
        try await withChild(
            ffmpegURL, Self.commonOptions + arguments, pipeInput: true, pipeOutput: false,
            purpose: purpose
        ) { child in
            try await body(FFmpegInput(child: child))
        }
    }

    /// Runs ffmpeg with its stdout connected to the reader handed to `body` (use `pipe:1` as output).
    /// When `body` returns before the output ended, ffmpeg is stopped and its exit status ignored.
    nonisolated(nonsending) public func withOutput<Result>(
        _ arguments: [String], purpose: String, _ body: (FFmpegOutput) async throws -> Result
    ) async throws -> Result {
        try await withChild(
            ffmpegURL, Self.commonOptions + arguments, pipeInput: false, pipeOutput: true,
            purpose: purpose
        ) { child in
            try await body(FFmpegOutput(child: child))
        }
    }

    /// Runs ffprobe and returns its stdout.
    func probeOutput(_ arguments: [String], purpose: String) async throws -> Data {
        try await withChild(
            ffprobeURL, ["-hide_banner", "-v", "error"] + arguments, pipeInput: false,
            pipeOutput: true, purpose: purpose
        ) { child in
            await child.readToEnd()
        }
    }

    /// Runs ffmpeg to completion and returns its last `lines` lines of log (at `info` level), for
    /// filters that report on stderr (`loudnorm`, `ebur128`).
    func runCollectingLog(_ arguments: [String], purpose: String, lines: Int = 200) async throws -> [String] {
        try await withChild(
            ffmpegURL, Self.commonOptions + ["-loglevel", "info", "-nostats"] + arguments, pipeInput: false,
            pipeOutput: false, purpose: purpose, stderrLines: lines
        ) { child in child }.stderrTail.lines
    }

    nonisolated(nonsending) private func withChild<Result>(
        _ executable: URL, _ arguments: [String], pipeInput: Bool, pipeOutput: Bool, purpose: String,
        stderrLines: Int = 20, _ body: (ChildProcess) async throws -> Result
    ) async throws -> Result {
        try Task.checkCancellation()
        let child = try ChildProcess(
            executable: executable, arguments: arguments, pipeInput: pipeInput, pipeOutput: pipeOutput,
            stderrLines: stderrLines)
        return try await withTaskCancellationHandler {
            let result: Result
            do {
                result = try await body(child)
            } catch {
                // Our pipe to this tool broke, or its output ended early: it stopped first, and its own
                // words say why. A pipe to another tool (an encoder this decoder feeds) is that one's story.
                let pipeBroke = (error as? BrokenPipe)?.child == ObjectIdentifier(child)
                let toolStopped = pipeBroke || (error as? FFmpegError)?.code == .invalidOutput
                if !toolStopped { child.kill() }
                // Closing both pipes unblocks a tool that is still reading or writing, so the wait ends.
                await child.closeInput()
                await child.closeOutput()
                let status = await child.waitForExit()
                if Task.isCancelled { throw CancellationError() }
                if toolStopped && (status != 0 || pipeBroke) {
                    throw failure(of: child, status: status, purpose: purpose)
                }
                throw error
            }
            await child.closeInput()
            let abandoned = pipeOutput && !child.reachedEndOfOutput
            if abandoned {
                child.kill()
                await child.closeOutput()
            }
            let status = await child.waitForExit()
            if Task.isCancelled { throw CancellationError() }
            if status != 0 && !abandoned { throw failure(of: child, status: status, purpose: purpose) }
            return result
        } onCancel: {
            child.kill()
        }
    }

    private func failure(of child: ChildProcess, status: Int32, purpose: String) -> FFmpegError {
        let tail = child.stderrTail.lines
        let hint = tail.isEmpty ? "" : "; its last messages follow"
        return FFmpegError(
            .failed, "\(child.tool) could not \(purpose)\(hint)", tool: child.tool,
            exitCode: status, stderrTail: tail)
    }
}

/// The writing end of a running ffmpeg's stdin, handed out by ``FFmpeg/withInput(_:purpose:_:)``.
public struct FFmpegInput: Sendable {
    let child: ChildProcess

    /// Writes bytes (typically one raw frame), waiting while ffmpeg catches up.
    public func write(_ bytes: [UInt8]) async throws {
        try await child.write(bytes)
    }
}

/// The reading end of a running ffmpeg's stdout, handed out by ``FFmpeg/withOutput(_:purpose:_:)``.
public struct FFmpegOutput: Sendable {
    let child: ChildProcess

    /// Reads exactly `count` bytes (one raw frame); `nil` once ffmpeg has written everything.
    public func read(exactly count: Int) async throws -> [UInt8]? {
        try await child.read(exactly: count)
    }

    /// Reads everything ffmpeg writes until it closes its output.
    public func readToEnd() async -> Data {
        await child.readToEnd()
    }
}
