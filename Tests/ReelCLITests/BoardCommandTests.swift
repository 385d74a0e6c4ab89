import Foundation
import ReelTesting
import Testing

/// `reel board --pdf` as a user runs it on the example film.
@Suite struct BoardCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    @Test func pdfPrintsEveryShotAndSaysWhereItIs() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let bare = try await reel.run(["board", "--pdf", "f"], in: parent)
            #expect(bare.status == 0, "\(bare.stderr)")
            #expect(bare.stderr.contains("no shot has a pick yet"))
            let pdf = PDFReader(parent.appending(path: "f/out/board.pdf"))
            #expect(bare.stdout.contains("out/board.pdf"))
            #expect(try pdf.images().isEmpty)

            #expect(try await reel.run(["gen", "-C", "f", "ridge"], in: parent).status == 0)
            #expect(try await reel.run(["pick", "-C", "f", "ridge", "3"], in: parent).status == 0)
            let board = try await reel.run(["board", "--pdf", "--paper", "letter", "f"], in: parent)
            #expect(board.status == 0, "\(board.stderr)")
            let printed = board.stdout.split(separator: "\n").map(String.init)
            #expect(printed.contains { $0.hasSuffix("storyboard.gif") })
            #expect(printed.last?.hasSuffix("out/board.pdf") == true)
            #expect(try pdf.info()["Page size"] == "792 x 612 pts (letter)")
            #expect(try pdf.pageCount() == 2, "9 shots at 6 a page")
            #expect(try pdf.images().filter { $0.type == "image" }.count == 1)
            let text = try pdf.text()
            #expect(text.contains("ridge") && text.contains("First Light"))
            #expect(text.components(separatedBy: "no pick yet").count - 1 == 8)
        }
    }

    @Test func paperIsCheckedBeforeAnythingRuns() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let unknown = try await reel.run(["board", "--pdf", "--paper", "a3", "f"], in: parent)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("a4 or letter"))
            let withoutPDF = try await reel.run(["board", "--paper", "letter", "f"], in: parent)
            #expect(withoutPDF.status == 1)
            #expect(withoutPDF.stderr.contains("add --pdf"))
            #expect(!FileManager.default.fileExists(atPath: parent.appending(path: "f/out/board.pdf").path))
        }
    }
}
