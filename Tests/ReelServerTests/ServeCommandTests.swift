import Foundation
import HummingbirdTesting
import ReelTesting
import Testing

/// `reel serve` as a user starts it: the built binary, a free port, the printed URL.
@Suite("reel serve")
struct ServeCommandTests {
    @Test func printsAWorkingURLAndWarnsAboutOtherHosts() async throws {
        let reel = try ReelProcess()
        try await withTemporaryDirectory("reel-serve") { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let process = Process()
            process.executableURL = reel.executable
            process.arguments = ["serve", directory.path, "--port", "0", "--host", "0.0.0.0"]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }

            var printed = Data()
            while !printed.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
            }
            let line = String(decoding: printed, as: UTF8.self)
            let url = try #require(
                line.split(separator: " ").last.flatMap {
                    URLComponents(string: $0.trimmingCharacters(in: .whitespacesAndNewlines))
                },
                "no URL in: \(line)")
            let port = try #require(url.port)
            let token = try #require(url.queryItems?.first { $0.name == "token" }?.value)
            #expect(port != 0 && port != 8630)
            #expect(token.count == 64)

            // Generous: the rest of the suite may keep the machine busy.
            let patient = TestClient.Configuration(timeout: .seconds(120))
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: patient) { client in
                let film = try await client.execute(
                    .init(
                        "/api/film", method: .get, authority: "127.0.0.1:\(port)",
                        headers: [.authorization: "Bearer \(token)"]))
                #expect(film.head.status == .ok)
                let refused = try await client.execute(.init("/api/film", method: .get, authority: "127.0.0.1:\(port)"))
                #expect(refused.head.status == .unauthorized)
            }

            process.terminate()
            process.waitUntilExit()
            let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(warnings.contains("warning: binding 0.0.0.0"))
            #expect(process.terminationStatus == 0)
        }
    }

    @Test func refusesAPortOutOfRange() async throws {
        let result = try await ReelProcess().run(["serve", "--port", "70000"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--port must be from 0 to 65535"))
    }
}
