import Foundation
import Synchronization

/// Runs the built `reel` executable as a user would, capturing its output and exit code.
public struct ReelProcess: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let executable: URL

    /// Finds `reel` next to the test bundle (SwiftPM puts every product in one directory).
    public init() throws {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL, URL(filePath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent().appending(path: "reel") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
        }
        executable = found
    }

    /// Runs `reel arguments…` in `directory` with no terminal, no standard input and no user config
    /// file; `environment` adds to (or replaces) this process's variables. The wait happens on a
    /// thread of its own: blocking one of the few threads Swift concurrency runs tests on would
    /// starve every other test of the run (their local servers stop answering in time).
    public func run(
        _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Swift.Result { try runBlocking(arguments, in: directory, environment: extra) })
            }
        }
    }

    private func runBlocking(
        _ arguments: [String], in directory: URL?, environment extra: [String: String]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = Self.environment(adding: extra)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errData = Mutex<Data>(Data())
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            let data = errHandle.readDataToEndOfFile()
            errData.withLock { $0 = data }
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: errData.withLock { String(decoding: $0, as: UTF8.self) })
    }

    /// Starts `reel arguments…` in `directory` without waiting, its output going to `log`, so
    /// a test can kill it mid-run; `environment` adds to this process's variables.
    public func start(
        _ arguments: [String], in directory: URL, log: URL, environment extra: [String: String] = [:]
    ) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment(adding: extra)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// This process's variables for a `reel` child: no terminal, and no user config file, so
    /// the developer's own config cannot change what the tests see.
    private static func environment(adding extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "dumb"
        environment["COLUMNS"] = "100"
        environment["REEL_CONFIG"] = nil
        environment["XDG_CONFIG_HOME"] = "/nonexistent/reel-tests"
        environment.merge(extra) { _, new in new }
        return environment
    }
}
