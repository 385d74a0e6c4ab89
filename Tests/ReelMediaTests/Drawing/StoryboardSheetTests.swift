import Foundation
import ReelKit
import ReelTesting
import Testing

@testable import ReelMedia

/// The printed storyboard, read back with poppler: pages, text, word positions and images.
@Suite struct StoryboardSheetTests {
    static let date = Date(timeIntervalSince1970: 1_780_000_000)

    /// `count` shots; every third has no pick; shot 2 has a long exchange of dialog.
    static func panels(_ count: Int, pictureWidth: Int = 1792, pictureHeight: Int = 768) -> [StoryboardSheet.Panel] {
        (0..<count).map { i in
            StoryboardSheet.Panel(
                number: i + 1, shotID: "shot-\(i + 1)",
                picture: i % 3 == 2
                    ? nil : TestImages.gradient(width: pictureWidth, height: pictureHeight, seed: UInt32(i + 1)),
                framing: "long shot", camera: "push-in", duration: 4, startFrame: i * 96,
                transition: i == count - 1 ? nil : "crossfade 0.5s",
                dialog: [DialogLine(speaker: "ria", text: "Line \(i + 1) is spoken here.")],
                prompt: "a pilot on a cliff above a harbour city at dusk, painterly")
        }
    }

    /// A fresh folder for one test's files, removed afterwards.
    static func inScratch(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "reel-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    static func write(_ sheet: StoryboardSheet, in directory: URL) throws -> PDFReader {
        let url = directory.appending(path: "board.pdf")
        try sheet.render().write(to: url, options: .atomic)
        return PDFReader(url)
    }

    @Test func twentyShotsFillSeveralPagesWithTheirTextAndOnePicturePerPick() throws {
        try Self.inScratch { directory in
            let panels = Self.panels(20)
            let sheet = StoryboardSheet(
                title: "Harbour", aspect: 7.0 / 3, fps: 24, date: Self.date, totalFrames: 20 * 96, panels: panels)
            let pdf = try Self.write(sheet, in: directory)
            let bytes = try Data(contentsOf: pdf.file)
            #expect(bytes.starts(with: Data("%PDF-".utf8)))

            let layout = sheet.layout
            #expect(layout.panelsPerPage == 6)
            #expect(try pdf.pageCount() == 4)

            let text = try pdf.text()
            for panel in panels {
                #expect(text.contains(panel.shotID), "\(panel.shotID) is not in the PDF's text")
                #expect(text.contains("Line \(panel.number) is spoken here."))
            }
            #expect(text.contains("RIA"))
            #expect(text.contains("Harbour"))
            #expect(text.contains("page 1 of 4") && text.contains("page 4 of 4"))
            #expect(text.contains("00:00:04:00"), "shot 2's start timecode")
            #expect(text.contains("crossfade 0.5s"))
            let unpicked = panels.filter { $0.picture == nil }.count
            #expect(text.components(separatedBy: "no pick yet").count - 1 == unpicked)

            let images = try pdf.images().filter { $0.type == "image" }
            #expect(images.count == panels.count - unpicked)
            #expect(images.allSatisfy { $0.encoding == "jpeg" })
            // Big picks are resampled to about 200 dpi of their printed width, not left at full size.
            let printedWidth = layout.cells[0].picture.width
            #expect(images.allSatisfy { $0.width <= Int((printedWidth / 72 * 200).rounded(.up)) && $0.width >= 600 })
            #expect(
                images.map(\.page) == panels.enumerated().filter { $0.element.picture != nil }.map { $0.offset / 6 + 1 }
            )
        }
    }

    @Test func picturesAreEmbeddedAsThePicksLookAtTheirOwnResolution() throws {
        try Self.inScratch { directory in
            let picture = TestImages.gradient(width: 336, height: 144, seed: 7)
            let panel = StoryboardSheet.Panel(
                number: 1, shotID: "vista", picture: picture, duration: 3, startFrame: 0, prompt: "a cliff")
            let pdf = try Self.write(
                StoryboardSheet(title: "One", aspect: 7.0 / 3, fps: 24, date: Self.date, panels: [panel]),
                in: directory)
            let extracted = try pdf.extractImages(into: directory)
            #expect(extracted.count == 1)
            let embedded = try RGBAImage(decoding: try Data(contentsOf: try #require(extracted.first)))
            #expect(embedded.width == 336 && embedded.height == 144)
            #expect(TestImages.meanDistance(embedded, picture) < 3, "the embedded JPEG is the pick")
        }
    }

    @Test func longDialogWrapsAndStaysInsideItsPanel() throws {
        try Self.inScratch { directory in
            let speech = Array(repeating: "the harbour burns tonight and nobody here will remember our names", count: 8)
                .joined(separator: " ")
            var panels = Self.panels(6)
            panels[1].dialog = [
                DialogLine(speaker: "ria", text: speech), DialogLine(speaker: "narrator", text: "Later, much later."),
            ]
            panels[1].prompt = String(repeating: "an enormous sprawling description of light and weather ", count: 6)
            panels[4].shotID = "a-shot-id-much-too-long-to-fit-on-one-line-of-a-panel-caption-anywhere"
            let sheet = StoryboardSheet(title: "Wrap", aspect: 16.0 / 9, fps: 24, date: Self.date, panels: panels)
            let pdf = try Self.write(sheet, in: directory)
            let words = try pdf.words()
            let layout = sheet.layout

            // Every word lies inside the page's cells or its title block.
            let boxes = layout.cells.map { cell in
                CanvasRect(
                    x: cell.picture.minX, y: cell.picture.minY, width: cell.caption.width,
                    height: cell.caption.maxY - cell.picture.minY)
            }
            for word in words {
                let inside = (boxes + [layout.header]).contains { box in
                    word.xMin >= box.minX - 0.5 && word.xMax <= box.maxX + 0.5 && word.yMin >= box.minY - 0.5
                        && word.yMax <= box.maxY + 0.5
                }
                #expect(
                    inside, "'\(word.text)' at \(word.xMin)…\(word.xMax), \(word.yMin)…\(word.yMax) leaves its panel")
            }
            // The long speech runs over several lines of panel 2 and is cut short with an ellipsis.
            let caption = layout.cells[1].caption
            let speechLines = Set(
                words.filter {
                    $0.text == "harbour" && $0.xMin >= caption.minX && $0.xMax <= caption.maxX
                        && $0.yMin >= caption.minY
                }.map(\.yMin))
            #expect(speechLines.count >= 3)
            #expect(words.contains { $0.text.hasSuffix("…") && $0.yMin >= caption.minY && $0.xMax <= caption.maxX })
            #expect(words.contains { $0.text == "RIA" })
        }
    }

    @Test(arguments: [(PaperSize.a4, "841.89 x 595.276 pts (A4)"), (.letter, "792 x 612 pts (letter)")])
    func paperSetsThePageSize(paper: PaperSize, expected: String) throws {
        try Self.inScratch { directory in
            let sheet = StoryboardSheet(
                title: "Paper", aspect: 16.0 / 9, fps: 24, paper: paper, date: Self.date, panels: Self.panels(2))
            let info = try Self.write(sheet, in: directory).info()
            #expect(info["Page size"] == expected)
            #expect(info["Title"] == "Paper — storyboard")
        }
    }

    @Test func aFilmWithoutPicksStillPrintsItsPanels() throws {
        try Self.inScratch { directory in
            let panels = Self.panels(3).map { panel in
                var panel = panel
                panel.picture = nil
                return panel
            }
            let pdf = try Self.write(
                StoryboardSheet(title: "Bare", aspect: 2.39, fps: 24, date: Self.date, panels: panels), in: directory)
            #expect(try pdf.pageCount() == 1)
            #expect(try pdf.images().isEmpty)
            #expect(try pdf.text().components(separatedBy: "no pick yet").count == 4)
        }
    }
}
