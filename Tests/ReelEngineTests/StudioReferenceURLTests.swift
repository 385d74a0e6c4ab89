import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelSession
import ReelStore
import ReelTesting
import ReelTestingServers
import Synchronization
import Testing

/// Reference images given as URLs (`--cref https://…`) through the session's real HTTP client
/// and a server on 127.0.0.1: downloaded once into the store, checked to be an image, and a URL
/// that fails fails only the shots that name it, saying why and where the prompt is written.
@Suite struct StudioReferenceURLTests {
    @Test func aReferenceURLIsDownloadedOnceAndABadOneFailsOnlyItsShot() async throws {
        let png = try RGBAImage(width: 16, height: 16, fill: (200, 40, 40, 255)).encoded(as: .png)
        let hits = Mutex<[String: Int]>([:])
        try await TestHTTPServer.with(handler: { request in
            hits.withLock { $0[request.path, default: 0] += 1 }
            switch request.path {
            case "/ref.png": return TestServerResponse(status: 200, headers: [("Content-Type", "image/png")], body: png)
            case "/page":
                return TestServerResponse(
                    status: 200, headers: [("Content-Type", "text/html")], body: Data("<html>".utf8))
            default: return .empty(404)
            }
        }) { base in
            try await withTemporaryDirectory { parent in
                let yaml = """
                    title: Refs
                    shots:
                      - { id: good, prompt: "a pilot on a cliff --cref \(base)/ref.png", duration: 1 }
                      - { id: page, prompt: "a pilot at sea --cref \(base)/page", duration: 1 }
                      - { id: gone, prompt: "a pilot in the rain --cref \(base)/gone.png", duration: 1 }
                      - { id: plain, prompt: "an empty harbour", duration: 1 }
                    """
                let project = Project(directory: try TestFilms.makeProject(yaml, in: parent))
                // The session's HTTP client downloads; the session shuts it down when done.
                let (studio, report) = try await withProjectSession(project, options: TestStudio.options()) {
                    ($0.studio, try await $0.studio.make())
                }
                #expect(Set(report.failedShots) == ["page", "gone"])
                let page = try #require(report.failures.first { $0.shotID == "page" })
                #expect(page.message.contains("film.yaml:4:"), "\(page.message)")
                #expect(page.message.contains("'text/html', not an image"), "\(page.message)")
                let gone = try #require(report.failures.first { $0.shotID == "gone" })
                #expect(gone.message.contains("HTTP 404"), "\(gone.message)")

                let pick = try #require(try studio.store.pick(for: "good"))
                let take = try #require(try studio.store.take(id: pick.takeID))
                let references = try take.decodedRequest().characterReferences.map(\.source)
                #expect(references == [.blob(BlobID.of(png).hex)])
                #expect(try studio.store.pick(for: "plain") != nil)

                // A new session (a new run) takes the stored bytes, never the URL again.
                _ = try await withProjectSession(project, options: TestStudio.options()) { try await $0.studio.make() }
                #expect(hits.withLock { $0["/ref.png"] } == 1)
            }
        }
    }
}
