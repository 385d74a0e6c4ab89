import Foundation
import Hummingbird
import HummingbirdTesting
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

/// The Cast page's API over a real socket: every character and location with its sheet's
/// state, a sheet made as a job, and the sheet's grid paged like a shot's.
@Suite("Studio cast API")
struct StudioCastAPITests {
    static let film = """
        title: Cast
        aspect: "16:9"
        characters:
          oda: a tall woman in a yellow coat
          kit:
            description: a small girl in a red raincoat
            references: [kit.png]
        locations:
          harbour: a stone harbour at dawn
        shots:
          - { id: quay, prompt: "@oda on the quay at @harbour", duration: 1 }
          - { id: rain, prompt: "@kit in the rain", duration: 1 }
        """

    @Test func theCastListsEveryoneAndASheetIsMadeAndPagedLikeAShot() async throws {
        try await StudioFixture.with(Self.film) { fixture, client in
            try TestImages.gradient(width: 32, height: 32).encoded(as: .png).write(
                to: fixture.directory.appending(path: "kit.png"))
            let before = try await client.execute(uri: "/api/cast", method: .get, headers: StudioFixture.page())
            #expect(before.status == .ok)
            let rows = try #require(try before.json() as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["oda", "kit", "harbour"])
            #expect(rows.map { $0["kind"] as? String } == ["character", "character", "location"])
            #expect(rows.map { $0["state"] as? String } == ["no sheet", "no sheet", "no sheet"])
            #expect(rows[1]["references"] as? [String] == ["kit.png"])
            #expect(rows[0]["shots"] as? [String] == ["quay"] && rows[2]["shots"] as? [String] == ["quay"])

            let made = try await client.execute(
                uri: "/api/cast/oda/sheet?wait=1", method: .post, headers: StudioFixture.page())
            #expect(made.status == .ok)
            #expect(try made.object()["shot"] as? String == "@oda")
            let picked = try #require(try fixture.openStudio().store.pickedCandidate(for: "@oda"))

            let after = try #require(
                try await client.execute(uri: "/api/cast", method: .get, headers: StudioFixture.page()).json()
                    as? [[String: Any]])
            #expect(after[0]["state"] as? String == "picked")
            #expect(after[0]["pickBlob"] as? String == picked.blob.hex)
            #expect(after[1]["state"] as? String == "no sheet")

            // The sheet's own page: its grid, among the other sheets rather than the film's shots.
            let page = try await client.execute(
                uri: "/api/shots/%40oda", method: .get, headers: StudioFixture.page())
            #expect(page.status == .ok)
            let detail = try page.object()
            #expect((detail["shot"] as? [String: Any])?["state"] as? String == "picked")
            #expect(detail["previous"] == nil || detail["previous"] is NSNull)
            #expect(detail["next"] as? String == "@kit")
            #expect(((detail["takes"] as? [[String: Any]])?.first?["candidates"] as? [Any])?.count == 4)
        }
    }

    @Test func anUnknownNameIsANotFoundThatSaysWhoIsInTheCast() async throws {
        try await StudioFixture.with(Self.film) { fixture, client in
            let response = try await client.execute(
                uri: "/api/cast/odda/sheet?wait=1", method: .post, headers: StudioFixture.page())
            #expect(response.status == .notFound)
            let message = try #require((try response.object()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("oda"))
            #expect(try fixture.openStudio().store.takes(shot: "@oda").isEmpty)
        }
    }
}
