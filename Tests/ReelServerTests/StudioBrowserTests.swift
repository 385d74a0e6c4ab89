import Foundation
import ReelStore
import ReelTesting
import Testing

/// The studio in Debian's Chromium, driven by Playwright for Python (scripts/bootstrap installs
/// both): storyboard → shot → "2" picks → "V" "3" varies → film. Screenshots of each page are
/// left in the project's out/screenshots/ and copied to /tmp/studio-screens/.
@Suite("Studio in a real browser")
struct StudioBrowserTests {
    static let chromium = "/usr/bin/chromium"
    static var script: URL {
        URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Browser/studio_browser.py")
    }

    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: chromium) else { return false }
        return (try? run("/usr/bin/env", ["python3", "-c", "import playwright"]).status) == 0
    }

    @Test(.enabled(if: available, "needs /usr/bin/chromium and playwright (scripts/bootstrap installs them)"))
    func pickAndVaryWithTheKeyboard() async throws {
        let reel = try ReelProcess()
        try await withTemporaryDirectory("reel-browser") { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let made = try await reel.run(["make", directory.path])
            try #require(made.status == 0, "reel make failed: \(made.stderr)")
            let before = try #require(try Store.open(projectDirectory: directory).pick(for: "wide"))
            #expect(before.candidateIndex == 1 && before.auto)

            let result = try Self.run(
                "/usr/bin/env",
                [
                    "python3", Self.script.path, "--reel", reel.executable.path, "--project", directory.path, "--shot",
                    "wide",
                ])
            try #require(result.status == 0, "browser script failed:\n\(result.stdout)\n\(result.stderr)")
            let seen = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(result.stdout.utf8.split(separator: UInt8(ascii: "\n")).last ?? []))
                    as? [String: Any])
            #expect((seen["errors"] as? [Any])?.isEmpty == true, "page errors: \(seen)")
            #expect(seen["token_in_address"] as? Bool == false)
            #expect(seen["video_range_status"] as? Int == 206)

            let store = try Store.open(projectDirectory: directory)
            let after = try #require(try store.pick(for: "wide"))
            #expect(after.candidateIndex == 2 && !after.auto && after.takeID == before.takeID)
            let takes = try store.takes(shot: "wide")
            #expect(
                takes.contains {
                    $0.parentTakeID == before.takeID && $0.parentCandidateIndex == 3 && $0.kind == .varySubtle
                })
            // The Cast page made Mira's sheet, which her shots now carry.
            #expect(try store.pickedCandidate(for: "@mira") != nil)
            for page in ["storyboard", "shot", "cast", "film"] {
                #expect(
                    FileManager.default.fileExists(
                        atPath: directory.appending(path: "out/screenshots/\(page).png").path))
            }
        }
    }

    static func run(
        _ executable: String, _ arguments: [String]
    ) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = URL(filePath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Errors are few; read them after stdout closes, as the child exits.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}
