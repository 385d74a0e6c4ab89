import Foundation
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

/// What the `reel make` tests of every hosted service share: a small film on the service, a real
/// (tiny) MP4 for its fake to serve as every clip, the fake on a local port with a project beside
/// it, and the checks that a key never leaks and that a killed run is finished by re-attaching.
enum HostedMake {
    /// A film of one-second shots, 144 px high at 12 fps, whose `backends:` and settings block
    /// name the service (`settings` is the block's line, e.g. `fal: { url: "…" }`).
    static func film(backends: String, settings: String, shots: [(String, String)]) -> String {
        """
        title: Hosted
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: \(backends)
        \(settings)
        shots:
        \(shots.map { "  - { id: \($0.0), prompt: \"\($0.1)\", duration: 1 }" }.joined(separator: "\n"))
        """
    }

    /// A real H.264 MP4 of `frames` frames at 12 fps, 256×144, made with ffmpeg in `directory`.
    static func clip(frames: Int, in directory: URL) async throws -> Data {
        let file = directory.appending(path: "fake-clip-\(frames).mp4")
        try await FFmpegLocator().locate().run(
            [
                "-f", "lavfi", "-i", "testsrc=s=256x144:r=12", "-frames:v", "\(frames)", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-f", "mp4", file.path,
            ], purpose: "make the fake service's clip")
        return try Data(contentsOf: file)
    }

    /// Runs `body` with a local server answering with `handler` and a project made from
    /// `film(baseURL)`, in a temporary directory (`body` gets the project and that directory).
    static func withProject(
        _ prefix: String, handler: @escaping @Sendable (TestServerRequest) async -> TestServerResponse,
        film: @escaping @Sendable (String) -> String, prepare: @Sendable (URL) async throws -> Void = { _ in },
        _ body: @Sendable (URL, URL) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory(prefix) { parent in
            try await prepare(parent)
            try await TestHTTPServer.with(handler: handler) { baseURL in
                try await body(try TestFilms.makeProject(film(baseURL), in: parent), parent)
            }
        }
    }

    /// Checks that `key` is in nothing the run printed and in no file under `.reel/` or `out/`.
    static func expectKeyNeverLeaks(
        _ key: String, printed result: ReelProcess.Result, project: URL,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(!result.stdout.contains(key) && !result.stderr.contains(key), sourceLocation: sourceLocation)
        for folder in [".reel", "out"] {
            #expect(
                try filesContaining(key, under: project.appending(path: folder)).isEmpty, sourceLocation: sourceLocation
            )
        }
    }

    /// Kills the first `make` (as a laptop dies), lets the service finish (`release`), and checks
    /// that the next `make` succeeds by re-attaching to the journaled jobs of `backend`.
    static func killThenMakeAgain(
        _ first: Process, reel: ReelProcess, project: URL, environment: [String: String], backend: String,
        release: @Sendable () async -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        await release()
        let second = try await reel.run(["make"], in: project, environment: environment)
        #expect(second.status == 0, "\(second.stderr)", sourceLocation: sourceLocation)
        #expect(second.stderr.contains("re-attaching to \(backend) job"), sourceLocation: sourceLocation)
    }

    /// Files under `folder` whose bytes contain `text`.
    static func filesContaining(_ text: String, under folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [String] = []
        let needle = Data(text.utf8)
        for case let url as URL in walker {
            if let data = try? Data(contentsOf: url), data.range(of: needle) != nil { found.append(url.path) }
        }
        return found
    }
}
