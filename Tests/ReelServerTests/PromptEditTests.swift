import Foundation
import Hummingbird
import HummingbirdTesting
import ReelKit
import ReelTesting
import Testing

@testable import ReelServer

@Suite("Editing a prompt from the studio")
struct PromptEditTests {
    /// A film file with comments, odd spacing and key order a user would keep.
    static let commented = """
        # My film — notes to self
        title: Test Film   # working title
        aspect: "7:3"
        fps: 12
        resolution: 144
        seed: 11
        characters:
          mira: { description: "a woman in a red coat", seed: 99 }
        shots:
          # the opening
          - id: wide
            duration: 1          # keep it short
            prompt: "@mira on a cliff"   # say where she is
            framing: long shot
          - id: face
            prompt: >
              @mira, calm face,
              night
            duration: 1
        """

    @Test func rewritesOnlyThePromptScalar() async throws {
        try await StudioFixture.with(Self.commented) { fixture, client in
            let prompt = #"@mira on a "high" cliff \ at dawn --chaos 5"#
            let response = try await client.execute(
                uri: "/api/shots/wide/prompt", method: .put, headers: StudioFixture.page(),
                body: StudioFixture.json(["prompt": prompt]))
            #expect(response.status == .ok)
            let text = try String(contentsOf: fixture.project.filmURL, encoding: .utf8)
            let before = Self.commented.split(separator: "\n", omittingEmptySubsequences: false)
            let after = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(before.count == after.count)
            for (old, new) in zip(before, after) where !old.contains("prompt: \"@mira on a cliff\"") {
                #expect(old == new)
            }
            #expect(
                after.contains(#"    prompt: "@mira on a \"high\" cliff \\ at dawn --chaos 5"   # say where she is"#))
            #expect(try fixture.openStudio().film.shot("wide")?.promptText == prompt)
        }
    }

    @Test func rewritesAFoldedBlockScalar() async throws {
        try await StudioFixture.with(Self.commented) { fixture, client in
            let response = try await client.execute(
                uri: "/api/shots/face/prompt", method: .put, headers: StudioFixture.page(),
                body: StudioFixture.json(["prompt": "@mira asleep"]))
            #expect(response.status == .ok)
            let text = try String(contentsOf: fixture.project.filmURL, encoding: .utf8)
            #expect(text.hasSuffix("  - id: face\n    prompt: \"@mira asleep\"\n    duration: 1"))
            #expect(try fixture.openStudio().film.shot("face")?.promptText == "@mira asleep")
        }
    }

    @Test func aPromptTheFilmRejectsLeavesTheFileAsItWas() async throws {
        try await StudioFixture.with(Self.commented) { fixture, client in
            let original = try Data(contentsOf: fixture.project.filmURL)
            let response = try await client.execute(
                uri: "/api/shots/wide/prompt", method: .put, headers: StudioFixture.page(),
                body: StudioFixture.json(["prompt": "@nobody on a cliff"]))
            #expect(response.status == .unprocessableContent)
            #expect(try response.errorCode() == "invalid-film")
            let diagnostics = try #require((try response.object()["error"] as? [String: Any])?["diagnostics"] as? [Any])
            #expect(!diagnostics.isEmpty)
            #expect(try Data(contentsOf: fixture.project.filmURL) == original)
        }
    }

    @Test func anEmptyPromptIsRefused() async throws {
        try await StudioFixture.with(Self.commented) { fixture, client in
            let original = try Data(contentsOf: fixture.project.filmURL)
            let response = try await client.execute(
                uri: "/api/shots/wide/prompt", method: .put, headers: StudioFixture.page(),
                body: StudioFixture.json(["prompt": "  "]))
            #expect(response.status == .badRequest)
            #expect(try Data(contentsOf: fixture.project.filmURL) == original)
        }
    }
}
