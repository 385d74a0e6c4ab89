import Foundation
import Hummingbird
import HummingbirdTesting
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

@Suite("Studio API over a real socket")
struct StudioAPITests {
    @Test func readsNeedTheToken() async throws {
        try await StudioFixture.with { _, client in
            let bare = try await client.execute(uri: "/api/shots", method: .get)
            #expect(bare.status == .unauthorized)
            #expect(try bare.errorCode() == "unauthorized")

            let wrong = try await client.execute(uri: "/api/shots", method: .get, headers: [.cookie: "reel_token=nope"])
            #expect(wrong.status == .unauthorized)

            let cookie = try await client.execute(uri: "/api/shots", method: .get, headers: StudioFixture.page())
            #expect(cookie.status == .ok)
            let ids = try #require(try cookie.json() as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(ids == ["wide", "face", "glow"])

            let bearer = try await client.execute(
                uri: "/api/film", method: .get, headers: [.authorization: "Bearer \(StudioFixture.token.value)"])
            #expect(bearer.status == .ok)
            #expect(try bearer.object()["title"] as? String == "Test Film")
        }
    }

    @Test func thePrintedURLTradesItsTokenForAStrictCookie() async throws {
        try await StudioFixture.with { _, client in
            let landing = try await client.execute(uri: "/?token=\(StudioFixture.token.value)", method: .get)
            #expect(landing.status == .seeOther)
            #expect(landing.headers[.location] == "/")
            let cookie = try #require(landing.headers[.setCookie])
            #expect(cookie.contains("reel_token=\(StudioFixture.token.value)"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))

            let locked = try await client.execute(uri: "/shots/wide", method: .get)
            #expect(locked.status == .unauthorized)
            let wrong = try await client.execute(uri: "/?token=guess", method: .get)
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)

            let page = try await client.execute(uri: "/shots/wide", method: .get, headers: StudioFixture.page())
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("/assets/app.js"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        }
    }

    @Test(
        arguments: [
            ("http://evil.example", nil),
            ("http://localhost.evil.example", nil),
            ("null", nil),
            (nil, "http://evil.example/shots/wide"),
            (nil, nil),
        ] as [(String?, String?)])
    func crossOriginChangesAreRefused(origin: String?, referer: String?) async throws {
        try await StudioFixture.with { fixture, client in
            var headers: HTTPFields = [.cookie: "reel_token=\(StudioFixture.token.value)"]
            if let origin { headers[.origin] = origin }
            if let referer { headers[.referer] = referer }
            let response = try await client.execute(
                uri: "/api/shots/wide/generate?wait=1", method: .post, headers: headers)
            #expect(response.status == .forbidden)
            #expect(try response.errorCode() == "forbidden")
            #expect(try fixture.openStudio().store.takes(shot: "wide").isEmpty)
        }
    }

    @Test func aSameOriginRefererIsEnoughWithoutOrigin() async throws {
        try await StudioFixture.with { fixture, client in
            _ = try await fixture.openStudio().generate(shotID: "wide")
            let response = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post,
                headers: [.cookie: "reel_token=\(StudioFixture.token.value)", .referer: "http://localhost/shots/wide"],
                body: StudioFixture.json(["candidate": 2]))
            #expect(response.status == .ok)
            #expect(try fixture.openStudio().store.pick(for: "wide")?.candidateIndex == 2)
        }
    }

    @Test func aChangeFromTheStudioPageWithoutTheTokenIsRefused() async throws {
        try await StudioFixture.with { _, client in
            let response = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: [.origin: StudioFixture.origin],
                body: StudioFixture.json(["candidate": 1]))
            #expect(response.status == .unauthorized)
        }
    }

    @Test(arguments: [
        "..%2F..%2Ffilm.yaml",
        "..",
        "%2E%2E%2Freel.sqlite",
        String(repeating: "A", count: 64),
        String(repeating: "a", count: 63) + "/",
        String(repeating: "0", count: 63),
    ])
    func blobIdsThatAreNotHashesAreRefused(id: String) async throws {
        try await StudioFixture.with { _, client in
            let response = try await client.execute(
                uri: "/api/blobs/\(id)", method: .get, headers: StudioFixture.page())
            #expect(response.status == .badRequest || response.status == .notFound)
            #expect(!String(buffer: response.body).contains("title:"))
        }
    }

    @Test func blobsComeOnlyFromTheStoreWithTheirSniffedType() async throws {
        try await StudioFixture.with { fixture, client in
            let missing = try await client.execute(
                uri: "/api/blobs/\(String(repeating: "0", count: 64))", method: .get, headers: StudioFixture.page())
            #expect(missing.status == .notFound)

            let outcome = try await fixture.openStudio().generate(shotID: "wide")
            let candidate = try #require(outcome.take.candidates.first)
            let image = try await client.execute(
                uri: "/api/blobs/\(candidate.blob.hex)", method: .get, headers: StudioFixture.page())
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(Data(image.body.readableBytesView) == (try fixture.openStudio().store.blobs.data(candidate.blob)))
        }
    }

    @Test func generateThenPickIsInTheStore() async throws {
        try await StudioFixture.with { fixture, client in
            let generated = try await client.execute(
                uri: "/api/shots/wide/generate?wait=1", method: .post, headers: StudioFixture.page())
            #expect(generated.status == .ok)
            let takeID = try #require(try generated.object()["take"] as? Int)

            let picked = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: StudioFixture.page(),
                body: StudioFixture.json(["candidate": 3]))
            #expect(picked.status == .ok)

            let pick = try #require(try fixture.openStudio().store.pick(for: "wide"))
            #expect(pick.takeID == Int64(takeID) && pick.candidateIndex == 3 && !pick.auto)

            let detail = try await client.execute(uri: "/api/shots/wide", method: .get, headers: StudioFixture.page())
            let object = try detail.object()
            let takes = try #require(object["takes"] as? [[String: Any]])
            #expect(takes.first?["picked"] as? Int == 3)
            #expect((takes.first?["candidates"] as? [Any])?.count == 4)
            #expect((object["request"] as? [String: Any])?["prompt"] is String)
            #expect((object["shot"] as? [String: Any])?["state"] as? String == "picked")
        }
    }

    @Test func varyMakesATakeUnderItsParent() async throws {
        try await StudioFixture.with { fixture, client in
            let first = try await fixture.openStudio().generate(shotID: "face")
            let varied = try await client.execute(
                uri: "/api/shots/face/vary?wait=1", method: .post, headers: StudioFixture.page(),
                body: ByteBuffer(string: #"{"candidate": 2, "strong": true}"#))
            #expect(varied.status == .ok)
            let takes = try fixture.openStudio().store.takes(shot: "face")
            let child = try #require(takes.first { $0.id != first.take.id })
            #expect(child.parentTakeID == first.take.id && child.parentCandidateIndex == 2 && child.kind == .varyStrong)
        }
    }

    @Test func unknownShotsAndCandidatesAnswerJSONErrors() async throws {
        try await StudioFixture.with { _, client in
            let shot = try await client.execute(uri: "/api/shots/nope", method: .get, headers: StudioFixture.page())
            #expect(shot.status == .notFound)
            #expect(try shot.errorCode() == "not-found")

            let pick = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: StudioFixture.page(),
                body: StudioFixture.json(["candidate": 9]))
            #expect(pick.status == .notFound)
            let message = try #require((try pick.object()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("no takes yet"))

            let garbage = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: StudioFixture.page(),
                body: ByteBuffer(string: "{not json"))
            #expect(garbage.status == .badRequest)

            let output = try await client.execute(
                uri: "/api/out/..%2Ffilm.yaml", method: .get, headers: StudioFixture.page())
            #expect(output.status == .notFound)
            let notMade = try await client.execute(
                uri: "/api/out/film.mp4", method: .get, headers: StudioFixture.page())
            #expect(notMade.status == .notFound)
        }
    }
}

@Suite("Two tabs and a CLI on one project")
struct ConcurrentStudioTests {
    @Test func nothingIsLostWhenTabsAndACommandWorkAtOnce() async throws {
        try await StudioFixture.with { fixture, client in
            let first = try await fixture.openStudio().generate(shotID: "wide")
            // Tab A varies, tab B rerolls, a CLI command generates another shot, all at once.
            async let tabA = client.execute(
                uri: "/api/shots/wide/vary?wait=1", method: .post, headers: StudioFixture.page(),
                body: StudioFixture.json(["candidate": 1]))
            async let tabB = client.execute(
                uri: "/api/shots/wide/reroll?wait=1", method: .post, headers: StudioFixture.page())
            async let command = fixture.openStudio().generate(shotID: "face")
            let (a, b, c) = try await (tabA, tabB, command)
            #expect(a.status == .ok && b.status == .ok && !c.reused)

            let picked = try await client.execute(
                uri: "/api/shots/wide/pick", method: .post, headers: StudioFixture.page(),
                body: ByteBuffer(string: #"{"take": \#(first.take.id), "candidate": 4}"#))
            #expect(picked.status == .ok)

            let store = try fixture.openStudio().store
            let kinds = try store.takes(shot: "wide").map(\.kind)
            #expect(Set(kinds) == [.generate, .varySubtle, .reroll] && kinds.count == 3)
            #expect(try store.takes(shot: "face").count == 1)
            #expect(
                try store.pick(for: "wide")?.takeID == first.take.id && store.pick(for: "wide")?.candidateIndex == 4)
        }
    }
}
