import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// `out/board.pdf` from a real project: picks from the store, the film's shots, the cut's timing.
@Suite struct StudioBoardSheetTests {
    static let film = """
        title: Board Test
        aspect: "16:9"
        fps: 12
        resolution: 144
        title_card: { text: "Board Test", duration: 2 }
        characters:
          mira: { description: "a woman in a red coat" }
        shots:
          - id: wide
            framing: long shot
            prompt: "@mira on a cliff at dusk --chaos 10"
            camera: push-in
            duration: 2
            transition: crossfade 0.5
          - id: face
            framing: close-up
            prompt: "@mira, calm face, night"
            duration: 1.5
            dialog: { mira: "The lights are going out across the bay." }
          - id: after
            prompt: "an empty pier at dawn"
            duration: 1
            narration: "Nobody came back for the boats."
        """

    @Test func everyShotIsAPanelWithItsPickTimingAndWords() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            for id in ["wide", "face"] {
                _ = try await studio.generate(shotID: id)
                try studio.pick(shotID: id, candidate: CandidateReference(index: 2))
            }
            let output = try studio.boardSheet(paper: .letter, date: Date(timeIntervalSince1970: 1_780_000_000))
            #expect(output.pdf == parent.appending(path: "film/out/board.pdf"))
            #expect(output.missing == ["after"])
            #expect(output.pages == 1)

            let pdf = PDFReader(output.pdf)
            #expect(try pdf.info()["Page size"] == "792 x 612 pts (letter)")
            let text = try pdf.text()
            for expected in [
                "wide", "face", "after", "long shot · push-in · 2 s", "close-up", "→ crossfade 0.5s",
                "The lights are going out across the bay.", "MIRA", "NARRATOR", "Nobody came back for the boats.",
                "no pick yet",
            ] {
                #expect(text.contains(expected), "'\(expected)' is not on the board")
            }
            // The title card takes 2 s (24 frames); the crossfade overlaps 0.5 s of "wide"'s 2 s.
            #expect(text.contains("00:00:02:00") && text.contains("00:00:03:06") && text.contains("00:00:05:00"))
            #expect(text.contains("running time 00:00:06:00"))
            // Parameters are for the backend, not the crew.
            #expect(!text.contains("--chaos"))

            let images = try pdf.images().filter { $0.type == "image" }
            #expect(images.count == 2)
            let pick = try #require(try studio.store.pickedCandidate(for: "wide"))
            #expect(images.allSatisfy { $0.width == pick.width && $0.height == pick.height })
        }
    }
}
