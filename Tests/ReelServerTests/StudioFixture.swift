import Foundation
import Hummingbird
import HummingbirdTesting
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

/// A studio server over a temporary project, spoken to over a real socket on localhost.
struct StudioFixture {
    static let token = AccessToken("test-token-0123456789abcdef")
    /// The live test client connects as `localhost`, so that is the studio's own origin.
    static let origin = "http://localhost"

    let directory: URL

    var project: Project { Project(directory: directory) }

    func openStudio() throws -> Studio { try TestStudio.open(directory) }

    /// Runs `body` with a client of a studio server for a project made from `yaml`.
    static func with<T: Sendable>(
        _ yaml: String = TestFilms.threeShots,
        _ body: @Sendable (StudioFixture, any TestClientProtocol) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory("reel-server") { parent in
            let fixture = StudioFixture(directory: try TestFilms.makeProject(yaml, in: parent))
            let server = StudioServer(
                configuration: .init(port: 0, token: token), project: fixture.project,
                openStudio: { progress in try TestStudio.open(fixture.directory, progress: progress) })
            return try await server.makeApplication().test(.live) { client in try await body(fixture, client) }
        }
    }

    /// Headers of a request from the studio's own page.
    static func page(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers: HTTPFields = [.cookie: "reel_token=\(token.value)", .origin: origin]
        headers.append(contentsOf: extra)
        return headers
    }

    static func json(_ value: some Encodable) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONEncoder().encode(value)) ?? Data())
    }
}

extension TestResponse {
    /// The body parsed as a JSON object or array.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) }

    func object() throws -> [String: Any] { try #require(try json() as? [String: Any]) }

    /// `error.code` of an API error body.
    func errorCode() throws -> String? { (try object()["error"] as? [String: Any])?["code"] as? String }
}
