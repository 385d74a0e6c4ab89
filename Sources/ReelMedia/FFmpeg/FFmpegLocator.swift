import Foundation

/// Finds the ffmpeg and ffprobe executables: `REEL_FFMPEG` / `REEL_FFPROBE` when set, else `PATH`.
///
/// `REEL_FFMPEG` names the ffmpeg binary; ffprobe is then looked for next to it before `PATH`.
/// The environment is a parameter so tests can simulate a machine without ffmpeg.
public struct FFmpegLocator: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    static let installHint = "install it with `sudo apt-get install ffmpeg` or run scripts/bootstrap"

    /// Both tools, or an ``FFmpegError`` with code `.notFound` saying how to install them.
    public func locate() throws -> FFmpeg {
        FFmpeg(ffmpeg: try ffmpeg(), ffprobe: try ffprobe())
    }

    /// The ffmpeg executable.
    public func ffmpeg() throws -> URL {
        if let explicit = environment["REEL_FFMPEG"], !explicit.isEmpty {
            guard Self.isExecutable(explicit) else {
                throw FFmpegError(
                    .notFound,
                    "ffmpeg was not found at REEL_FFMPEG=\(explicit); point REEL_FFMPEG at an ffmpeg binary or unset it, "
                        + "or \(Self.installHint)")
            }
            return URL(fileURLWithPath: explicit)
        }
        guard let found = search("ffmpeg") else {
            throw FFmpegError(.notFound, "ffmpeg was not found on PATH; \(Self.installHint)")
        }
        return found
    }

    /// The ffprobe executable (it ships with ffmpeg).
    public func ffprobe() throws -> URL {
        if let explicit = environment["REEL_FFPROBE"], !explicit.isEmpty {
            guard Self.isExecutable(explicit) else {
                throw FFmpegError(
                    .notFound,
                    "ffprobe was not found at REEL_FFPROBE=\(explicit); point REEL_FFPROBE at an ffprobe binary or "
                        + "unset it, or \(Self.installHint)",
                    tool: "ffprobe")
            }
            return URL(fileURLWithPath: explicit)
        }
        if let ffmpeg = environment["REEL_FFMPEG"], !ffmpeg.isEmpty {
            let sibling = URL(fileURLWithPath: ffmpeg).deletingLastPathComponent().appendingPathComponent("ffprobe")
            if Self.isExecutable(sibling.path) { return sibling }
        }
        guard let found = search("ffprobe") else {
            throw FFmpegError(.notFound, "ffprobe was not found on PATH; \(Self.installHint)", tool: "ffprobe")
        }
        return found
    }

    private func search(_ name: String) -> URL? {
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if Self.isExecutable(candidate.path) { return candidate }
        }
        return nil
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
