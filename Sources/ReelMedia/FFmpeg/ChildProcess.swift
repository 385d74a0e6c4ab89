import Foundation
import ReelKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing into the stdin of an ffmpeg that already died must fail with EPIPE rather than kill Reel,
/// and pipes have no per-descriptor way to say so; ignoring SIGPIPE once, process-wide, is the usual answer.
private let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
}()

/// Thrown by ``ChildProcess`` I/O when the other end of a pipe is gone. Names the process, so that
/// with several ffmpegs in flight (a decoder feeding an encoder) the failure is blamed on the right one.
struct BrokenPipe: ReelFailure {
    var errno: Int32
    var child: ObjectIdentifier
    var code: ReelError.Code { ReelError.Code(rawValue: "broken-pipe") }
    var kind: FailureKind { .internal }
    var message: String { "the pipe to a child process broke (errno \(errno))" }
    var description: String { message }
}

/// One running ffmpeg, ffprobe or other tool (``ToolProcess``): stdin and stdout as optional pipes, stderr
/// drained into a ``StderrTail``.
///
/// Blocking reads and writes run on the process's own serial queues, never on the cooperative pool,
/// so a full pipe stalls only this process's I/O. Closing a pipe goes through the same queue as its
/// I/O, so a descriptor is never closed under a pending read or write.
final class ChildProcess: @unchecked Sendable {
    let tool: String
    let stderrTail: StderrTail
    private let process = Process()
    private let input: Pipe?
    private let output: Pipe?
    private let errors = Pipe()
    private let exitStatus = Latch<Int32>()
    private let stderrDrained = Latch<Bool>()
    private let writeQueue = DispatchQueue(label: "reel.ffmpeg.stdin")
    private let readQueue = DispatchQueue(label: "reel.ffmpeg.stdout")
    private let lock = NSLock()
    private var inputOpen: Bool
    private var outputOpen: Bool
    private var outputEnded = false

    /// `stderrLines`: how many of the last stderr lines to keep (more for runs whose report is
    /// read from stderr, like loudness measurements). `installHint` ends the message when the
    /// tool cannot be started.
    init(
        executable: URL, arguments: [String], pipeInput: Bool, pipeOutput: Bool, stderrLines: Int = 20,
        installHint: String = FFmpegLocator.installHint
    ) throws {
        _ = ignoreBrokenPipes
        stderrTail = StderrTail(capacity: stderrLines)
        tool = executable.lastPathComponent
        input = pipeInput ? Pipe() : nil
        output = pipeOutput ? Pipe() : nil
        inputOpen = pipeInput
        outputOpen = pipeOutput
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = errors
        let exitStatus = self.exitStatus
        process.terminationHandler = { process in
            // Shell convention: a death by signal N reads as status 128 + N.
            let status =
                process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
            exitStatus.fulfill(status)
        }
        do {
            try process.run()
        } catch {
            throw FFmpegError(
                .notFound, "could not start \(executable.path): \(error); \(installHint)", tool: tool)
        }
        drainStderr()
    }

    private func drainStderr() {
        let errors = self.errors
        let tail = stderrTail
        let drained = stderrDrained
        DispatchQueue(label: "reel.ffmpeg.stderr").async {
            let fd = errors.fileHandleForReading.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { PipeIO.readSome(fd, $0) }
                guard count > 0 else { break }
                buffer.withUnsafeBytes { tail.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            }
            tail.finish()
            drained.fulfill(true)
        }
    }

    var hasExited: Bool { exitStatus.current != nil }

    /// Whether stdout reached its end (the tool wrote everything it had).
    var reachedEndOfOutput: Bool {
        lock.lock()
        defer { lock.unlock() }
        return outputEnded
    }

    /// Writes all of `bytes` to stdin, waiting while the pipe is full.
    func write(_ bytes: [UInt8]) async throws {
        guard let input else { preconditionFailure("stdin is not piped") }
        let failure: Int32 = await withCheckedContinuation { continuation in
            writeQueue.async { [self] in
                guard isInputOpen else { return continuation.resume(returning: EPIPE) }
                let fd = input.fileHandleForWriting.fileDescriptor
                continuation.resume(returning: bytes.withUnsafeBytes { PipeIO.writeAll(fd, $0) })
            }
        }
        if failure != 0 { throw BrokenPipe(errno: failure, child: ObjectIdentifier(self)) }
    }

    /// Closes stdin so the tool sees the end of its input. Safe to call more than once.
    func closeInput() async {
        guard let input else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            writeQueue.async { [self] in
                if takeOpen(\.inputOpen) { try? input.fileHandleForWriting.close() }
                continuation.resume()
            }
        }
    }

    /// Reads exactly `count` bytes from stdout; `nil` at a clean end of output.
    func read(exactly count: Int) async throws -> [UInt8]? {
        guard let output else { preconditionFailure("stdout is not piped") }
        let result: Result<[UInt8]?, FFmpegError> = await withCheckedContinuation { continuation in
            readQueue.async { [self] in
                guard isOutputOpen else { return continuation.resume(returning: .success(nil)) }
                let fd = output.fileHandleForReading.fileDescriptor
                var filled = 0
                let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                    filled = PipeIO.readFully(fd, UnsafeMutableRawBufferPointer(buffer))
                    initialized = filled
                }
                if filled == count { return continuation.resume(returning: .success(bytes)) }
                markOutputEnded()
                if filled == 0 { return continuation.resume(returning: .success(nil)) }
                continuation.resume(
                    returning: .failure(
                        FFmpegError(
                            .invalidOutput,
                            "\(tool) ended its output in the middle of a frame (\(filled) of \(count) bytes)",
                            tool: tool)))
            }
        }
        return try result.get()
    }

    /// Reads stdout until the tool closes it.
    func readToEnd() async -> Data {
        guard let output else { preconditionFailure("stdout is not piped") }
        return await withCheckedContinuation { continuation in
            readQueue.async { [self] in
                var data = Data()
                guard isOutputOpen else { return continuation.resume(returning: data) }
                let fd = output.fileHandleForReading.fileDescriptor
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = chunk.withUnsafeMutableBytes { PipeIO.readFully(fd, $0) }
                    data.append(contentsOf: chunk[0..<count])
                    if count < chunk.count { break }
                }
                markOutputEnded()
                continuation.resume(returning: data)
            }
        }
    }

    /// Closes our end of stdout; a tool still writing gets EPIPE and stops.
    func closeOutput() async {
        guard let output else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            readQueue.async { [self] in
                if takeOpen(\.outputOpen) { try? output.fileHandleForReading.close() }
                continuation.resume()
            }
        }
    }

    /// Stops the tool at once. Used on cancellation and when the caller gave up on it.
    func kill() {
        guard !hasExited else { return }
        PipeIO.kill(process.processIdentifier)
    }

    /// Waits until the tool has exited and its stderr is fully read; returns the exit status.
    func waitForExit() async -> Int32 {
        let status = await exitStatus.wait()
        _ = await stderrDrained.wait()
        return status
    }

    private var isInputOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return inputOpen
    }

    private var isOutputOpen: Bool {
        lock.lock()
        defer { lock.unlock() }
        return outputOpen
    }

    private func markOutputEnded() {
        lock.lock()
        outputEnded = true
        lock.unlock()
    }

    private func takeOpen(_ flag: ReferenceWritableKeyPath<ChildProcess, Bool>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let wasOpen = self[keyPath: flag]
        self[keyPath: flag] = false
        return wasOpen
    }
}
