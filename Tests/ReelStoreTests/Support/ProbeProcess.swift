import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A running `reel-store-probe` (Tests/Probes/StoreProbe): a second process that writes to a
/// project, so tests can kill a writer mid-blob or share a project between processes.
///
/// Tests wait on the lines it prints, never on time: a read returns when the probe has reached
/// the point it announces, or at end of file if it died.
final class ProbeProcess {
    private let process = Process()
    private let output = Pipe()
    /// Kept open so a probe told to pause blocks on its stdin until it is killed.
    private let input = Pipe()
    private var buffered = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = try ProbeProcess.executable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardInput = input
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The next line the probe prints, or nil once it has exited without printing one.
    func nextLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { return nil }
            buffered.append(more)
        }
    }

    /// Kills the probe with SIGKILL (no cleanup of any kind runs) and waits until it is gone.
    func killAndWait() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the probe to exit by itself and returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SwiftPM builds the probe next to the test bundle because ReelStoreTests depends on it.
    private static func executable() throws -> URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL, URL(filePath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent().appending(path: "reel-store-probe") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProbeNotFound(searched: candidates.map(\.path))
        }
        return found
    }

    struct ProbeNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "reel-store-probe not built; looked at \(searched.joined(separator: ", "))" }
    }
}

/// The content `reel-store-probe blob` writes, rebuilt here to know its hash independently.
enum ProbeContent {
    /// The first `mebibytes` MiB: a fixed pattern per mebibyte, whose first 8 bytes are the
    /// chunk's index (little endian).
    static func data(mebibytes: Int) -> Data {
        let pattern = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 7) ^ ($0 >> 9)) }
        var data = Data(capacity: mebibytes << 20)
        for index in 0..<mebibytes {
            var chunk = pattern
            for offset in 0..<8 { chunk[offset] = UInt8(truncatingIfNeeded: UInt64(index) >> (8 * UInt64(offset))) }
            data.append(contentsOf: chunk)
        }
        return data
    }
}
