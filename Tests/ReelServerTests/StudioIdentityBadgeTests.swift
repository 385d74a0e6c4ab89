import Foundation
import Hummingbird
import HummingbirdTesting
import ReelFaces
import ReelMedia
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

/// The shot page's identity badges: every candidate of a shot that names a character, scored on
/// real photographs when the page asks, and kept for the next page.
@Suite(.enabled(if: FacePhotos.isCI || (FacePhotos.present && (try? FaceModels.locate()) != nil)))
struct StudioIdentityBadgeTests {
    static let film = """
        title: Badges
        aspect: "4:3"
        fps: 12
        resolution: 144
        characters:
          obama: { description: "a man in a dark suit", references: [refs/obama.jpg] }
        shots:
          - { id: podium, prompt: "@obama at a podium", duration: 1 }
          - { id: sky, prompt: "an empty sky", duration: 1 }
        """

    /// A photograph 480 pixels high.
    static func photo(_ name: String) throws -> RGBAImage {
        let image = try FacePhotos.image(name)
        return image.resized(width: image.width * 480 / image.height, height: 480)
    }

    @Test func everyCandidateOfAShotNamingACharacterHasABadge() async throws {
        try await StudioFixture.with(Self.film) { fixture, client in
            let refs = fixture.directory.appending(path: "refs")
            try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
            try FacePhotos.data("obama.jpg").write(to: refs.appending(path: "obama.jpg"))
            let store = try fixture.openStudio().store
            let images = [
                try Self.photo("obama2.jpg"), try Self.photo("biden.jpg"),
                RGBAImage(width: 320, height: 240, fill: (90, 140, 200, 255)),
            ]
            let candidates = try images.map { image in
                Candidate.Draft(
                    blob: try store.blobs.put(image.encoded(as: .png)), seed: 1, width: image.width,
                    height: image.height)
            }
            _ = try store.recordTake(
                Take.Draft(
                    shotID: "podium", kind: .generate, stepKey: "test-podium", promptKey: "test-podium",
                    backend: "test", requestJSON: "{}", seeds: [1, 1, 1], durationSeconds: 0, candidates: candidates))
            #expect(try !store.hasIdentityScores())

            // The first page shows no badge and has them scored in the background; a later one has them.
            var shown: [[String: Any]] = []
            let deadline = Date().addingTimeInterval(180)
            repeat {
                let response = try await client.execute(
                    uri: "/api/shots/podium", method: .get, headers: StudioFixture.page())
                #expect(response.status == .ok)
                let takes = try #require(try response.object()["takes"] as? [[String: Any]])
                shown = try #require(takes.first?["candidates"] as? [[String: Any]])
                if shown.allSatisfy({ $0["identity"] != nil }) { break }
                try await Task.sleep(for: .milliseconds(200))
            } while Date() < deadline
            let badges = shown.map { $0["identity"] as? [String: Any] }
            #expect(badges.map { $0?["state"] as? String } == ["holds", "off-model", "no-face"])
            #expect((badges[0]?["distance"] as? Double ?? 1) < 0.6)
            #expect((badges[1]?["text"] as? String)?.hasPrefix("obama drift 0.") == true)
            #expect(try store.hasIdentityScores(), "the scores are kept for the next page")
        }
    }
}
