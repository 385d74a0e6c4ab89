import Foundation
import Hummingbird
import HummingbirdTesting
import ReelKit
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

@Suite struct ServerErrorTests {
    @Test(
        arguments: [
            (ServerError.Code.invalidInput, 400), (.invalidFilm, 422), (.notFound, 404), (.unauthorized, 401),
            (.forbidden, 403), (.backend, 502), (.unavailable, 503), (.interrupted, 503), (.internal, 500),
        ] as [(ServerError.Code, Int)])
    func studioCodesChooseTheirStatus(code: ServerError.Code, status: Int) {
        #expect(ServerError(code, "x").status.code == status)
    }

    @Test func anyReelFailureKeepsItsCodeAndStatus() {
        let error = ServerError(StoreError(.corruptBlob, "blob abc is damaged"))
        #expect(error.code.rawValue == "corrupt-blob")
        #expect(error.status == .internalServerError)
        #expect(ServerError(StoreError(.missingBlob, "x")).status == .notFound)
    }

    @Test func suggestionsAreSaidInTheStudiosWords() {
        let error = ServerError(
            ReelError(.invalidInput, "shot 'ridge' has no pick", suggesting: [.pick(shot: "ridge"), .make]))
        #expect(error.message == "shot 'ridge' has no pick; pick a candidate of shot 'ridge' or make the film")
    }

    @Test func anEngineErrorAnswersJSONWithItsStatusAndNoCommand() async throws {
        try await StudioFixture.with { _, client in
            let response = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: StudioFixture.page(),
                body: StudioFixture.json(["candidate": 1]))
            #expect(response.status == .notFound)
            let error = try #require(try response.object()["error"] as? [String: Any])
            #expect(error["code"] as? String == "not-found")
            let message = try #require(error["message"] as? String)
            #expect(message == "shot 'wide' has no takes yet; generate a take of shot 'wide'")
            #expect(!message.contains("reel "))
            let actions = try #require(error["actions"] as? [[String: Any]])
            #expect(actions.first?["action"] as? String == "generate")
            #expect(actions.first?["shot"] as? String == "wide")
            #expect(actions.first?["label"] as? String == "Generate")
        }
    }

    @Test func aFilmNotMadeYetSuggestsMakingIt() async throws {
        try await StudioFixture.with { _, client in
            let response = try await client.execute(
                uri: "/api/out/film.mp4", method: .get, headers: StudioFixture.page())
            #expect(response.status == .notFound)
            let error = try #require(try response.object()["error"] as? [String: Any])
            #expect(error["message"] as? String == "film.mp4 has not been made yet; make the film")
        }
    }
}
