import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// `end_frame:` offline: the camera's clip dissolves into the end shot's pick and ends on it, the
/// clip waits for that shot's take, and a new pick of the end shot remakes exactly the clips that
/// end on it.
@Suite struct StudioEndFrameTests {
    static let film = """
        title: Hand-over
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 9
        shots:
          - id: harbour
            prompt: "a harbour of red boats at dawn"
            camera: static
            duration: 2
            end_frame: next
          - id: tower
            prompt: "a blue lighthouse in a storm"
            camera: static
            duration: 2
          - id: field
            prompt: "a green field under a white sky"
            camera: static
            duration: 2
        """

    /// The first and last frames of a shot's current clip.
    func ends(of shot: String, in studio: Studio) async throws -> (first: RGBAImage, last: RGBAImage) {
        let clip = try #require(try studio.store.latestClip(shot: shot))
        let frames = try await FFmpegLocator().locate().rgbaFrames(of: studio.store.blobs.url(clip.blob))
        return (try #require(frames.first), try #require(frames.last))
    }

    @Test func theClipEndsOnTheNextShotsPickAndANewPickRemakesOnlyThatClip() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            let before = try studio.plan()
            #expect(try #require(before.step("clip:harbour")).dependsOn.contains("take:tower"))
            #expect(try #require(before.step("clip:tower")).dependsOn.contains("take:field") == false)
            #expect(try #require(before.step("clip:harbour")).warnings == nil, "the camera honours end frames")
            _ = try await studio.make()

            // A static camera shows its pick whole on every frame: the tower's first frame is its pick.
            let harbour = try await ends(of: "harbour", in: studio)
            let tower = try await ends(of: "tower", in: studio)
            let startGap = TestImages.meanDistance(harbour.first, tower.first)
            let endGap = TestImages.meanDistance(harbour.last, tower.first)
            #expect(startGap > 10, "the two picks differ (\(startGap))")
            #expect(endGap < 4, "the harbour's clip ends on the tower's pick (off by \(endGap))")
            #expect(TestImages.meanDistance(harbour.first, tower.last) > 10, "and starts on its own")

            let clips = try ["harbour", "tower", "field"].map { try #require(try studio.store.latestClip(shot: $0)) }
            // Another candidate of the tower: its own clip and the harbour's are made again, the field's is kept.
            _ = try studio.pick(shotID: "tower", candidate: CandidateReference(index: 3))
            let after = try studio.plan()
            #expect(after.toRun.filter { $0.kind == .clip }.map(\.id).sorted() == ["clip:harbour", "clip:tower"])
            #expect(after.step("clip:harbour")?.reason?.text.contains("end frame") == true)
            _ = try await studio.make()
            let remade = try ["harbour", "tower", "field"].map { try #require(try studio.store.latestClip(shot: $0)) }
            #expect(remade[0].id != clips[0].id && remade[1].id != clips[1].id)
            #expect(remade[2].id == clips[2].id)
            let newTower = try await ends(of: "tower", in: studio)
            let newHarbour = try await ends(of: "harbour", in: studio)
            #expect(TestImages.meanDistance(newTower.first, tower.first) > 4, "a different pick")
            #expect(TestImages.meanDistance(newHarbour.last, newTower.first) < 4)
        }
    }
}
