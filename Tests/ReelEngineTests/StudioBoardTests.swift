import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelTesting
import Testing

/// `out/contact.png` from a real project, measured from its pixels.
@Suite struct StudioBoardTests {
    static let film = """
        title: Contact Test
        aspect: "16:9"
        fps: 12
        resolution: 144
        shots:
          - id: vista
            prompt: "a city under a wide sky --ar 21:9"
            duration: 1
          - id: pier
            prompt: "an empty pier at dawn"
            duration: 1
          - id: boats
            prompt: "boats in a harbour at night"
            duration: 1
        """

    /// The sheet's panel borders (a 1-pixel line of one grey around each panel), left to right.
    static func panels(in sheet: RGBAImage) -> [(minX: Int, minY: Int, maxX: Int, maxY: Int)] {
        func isBorder(_ x: Int, _ y: Int) -> Bool {
            let p = sheet[x, y]
            return p.r == 0x34 && p.g == 0x36 && p.b == 0x3E
        }
        // Top and bottom edges: long horizontal runs of the border grey.
        var edges: [(y: Int, minX: Int, maxX: Int)] = []
        for y in 0..<sheet.height {
            var x = 0
            while x < sheet.width {
                guard isBorder(x, y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < sheet.width && isBorder(x, y) { x += 1 }
                if x - start > 100 { edges.append((y, start, x - 1)) }
            }
        }
        var panels: [(minX: Int, minY: Int, maxX: Int, maxY: Int)] = []
        for top in edges {
            guard !panels.contains(where: { $0.minX == top.minX && $0.maxY == top.y }) else { continue }
            guard let bottom = edges.first(where: { $0.minX == top.minX && $0.maxX == top.maxX && $0.y > top.y })
            else { continue }
            panels.append((top.minX, top.y, top.maxX, bottom.y))
        }
        return panels.sorted { $0.minX < $1.minX }
    }

    /// How many rows at the top of the panel's inside are the panel's dark fill, edge to edge.
    static func barHeight(in panel: (minX: Int, minY: Int, maxX: Int, maxY: Int), of sheet: RGBAImage) -> Int {
        var rows = 0
        for y in (panel.minY + 1)..<panel.maxY {
            let dark = ((panel.minX + 1)..<panel.maxX).allSatisfy { x in
                let p = sheet[x, y]
                return p.r == 0x0B && p.g == 0x0B && p.b == 0x0D
            }
            guard dark else { break }
            rows += 1
        }
        return rows
    }

    @Test func panelsTakeTheFilmsAspectAndLetterboxAWiderShot() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            for id in ["vista", "pier", "boats"] {
                _ = try await studio.generate(shotID: id)
                try studio.pick(shotID: id, candidate: CandidateReference(index: 1))
            }
            let output = try await studio.board()
            let sheet = try RGBAImage(decoding: try Data(contentsOf: output.contactSheet))
            let panels = Self.panels(in: sheet)
            try #require(panels.count == 3, "found \(panels.count) panels")
            for panel in panels {
                // The border sits half a pixel outside the panel: inside is (max - min - 1) pixels.
                let width = Double(panel.maxX - panel.minX - 1)
                let height = Double(panel.maxY - panel.minY - 1)
                #expect(abs(width / height - 16.0 / 9) < 0.02, "a panel of \(width)x\(height)")
            }
            // 21:9 in a 16:9 panel: bars of (1 - (16/9) / (21/9)) / 2 of the height, top and bottom.
            let height = Double(panels[0].maxY - panels[0].minY - 1)
            let expected = height * (1 - 16.0 / 21) / 2
            #expect(abs(Double(Self.barHeight(in: panels[0], of: sheet)) - expected) <= 2)
            #expect(Self.barHeight(in: panels[1], of: sheet) == 0)
            #expect(Self.barHeight(in: panels[2], of: sheet) == 0)
        }
    }
}

/// The board after one new pick is put together from the frames already encoded, and comes out
/// the same as a board made from scratch.
@Suite struct StudioBoardReuseTests {
    @Test func aBoardAfterOneNewPickEqualsOneMadeFromScratch() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let studio = try TestStudio.open(directory)
            _ = try await studio.make()
            _ = try await studio.reroll(shotID: "wide")
            let reroll = try #require(try studio.store.latestTake(shot: "wide"))
            try studio.pick(shotID: "wide", candidate: CandidateReference(take: reroll.id, index: 2))
            let again = try await studio.board()
            #expect(!again.reused)
            let files = ["storyboard.gif", "storyboard.webp", "contact.png"]
            let incremental = try files.map { try Data(contentsOf: directory.appending(path: "out/\($0)")) }

            // The same picks in a store that has never drawn a board.
            let fresh = try TestStudio.open(directory)
            for key in try fresh.store.metaKeys(prefix: "board.") { try fresh.store.setMeta(nil, for: key) }
            for name in files { try FileManager.default.removeItem(at: directory.appending(path: "out/\(name)")) }
            _ = try await fresh.board()
            let scratch = try files.map { try Data(contentsOf: directory.appending(path: "out/\($0)")) }
            #expect(incremental == scratch)
            let frames = try AnimatedWebP.decodeFrames(incremental[1])
            #expect(frames.count == 3)
            #expect(frames.allSatisfy { $0.duration == .milliseconds(1000) })
            #expect(try GIFDecoder.decodeFrames(incremental[0], limit: 10).count == 3)
        }
    }
}
