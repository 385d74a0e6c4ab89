import Testing

@testable import ReelMedia

@Suite struct ContactSheetTests {
    static let colors: [(UInt8, UInt8, UInt8)] = [
        (230, 40, 40), (40, 200, 60), (40, 80, 230), (240, 200, 30), (200, 60, 200), (30, 200, 200), (250, 130, 20),
        (120, 240, 120),
    ]

    static func entries(_ count: Int) -> [ContactSheet.Entry] {
        (0..<count).map { i in
            let c = colors[i % colors.count]
            return ContactSheet.Entry(
                image: RGBAImage(width: 140, height: 60, fill: (c.0, c.1, c.2, 255)), shotID: "shot-\(i + 1)",
                framing: "long shot",
                prompt: "a young woman stands on a cliff above a futuristic city at dusk, painterly")
        }
    }

    /// Where the colour of entry `i` shows on the sheet: its bounding box.
    static func box(
        of color: (UInt8, UInt8, UInt8), in sheet: RGBAImage
    ) -> (
        minX: Int, minY: Int, maxX: Int, maxY: Int
    )? {
        var box: (Int, Int, Int, Int)?
        for y in 0..<sheet.height {
            for x in 0..<sheet.width {
                let p = sheet[x, y]
                guard abs(Int(p.r) - Int(color.0)) < 4, abs(Int(p.g) - Int(color.1)) < 4,
                    abs(Int(p.b) - Int(color.2)) < 4
                else { continue }
                box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
            }
        }
        return box.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }
    }

    @Test func everyPickAppearsInAGridWithReadableTextUnderneath() throws {
        let sheet = try ContactSheet(title: "Harbour", entries: Self.entries(8), thumbnailWidth: 280).render()
        // Eight frames lay out three to a row: three rows.
        #expect(sheet.width > 3 * 280 && sheet.width < 3 * 280 + 200)
        #expect(sheet.height > 3 * 120)
        var rows = Set<Int>()
        for i in 0..<8 {
            let frame = try #require(Self.box(of: Self.colors[i], in: sheet))
            #expect(
                frame.maxX - frame.minX + 1 >= 276 && frame.maxY - frame.minY + 1 >= 116, "frame \(i) is shown at size")
            rows.insert(frame.minY)
            // Light caption text right under the frame, on the dark background.
            var light = 0
            for y in (frame.maxY + 4)..<min(sheet.height, frame.maxY + 70) {
                for x in frame.minX...frame.maxX where sheet[x, y].r > 120 && sheet[x, y].g > 120 { light += 1 }
            }
            #expect(light > 400, "caption pixels under frame \(i): \(light)")
        }
        #expect(rows.count == 3)
        let corner = sheet[sheet.width - 3, sheet.height - 3]
        #expect(corner.r < 40 && corner.g < 40 && corner.b < 40)
    }

    @Test(arguments: [1, 2, 4, 5])
    func columnsCanBeChosen(columns: Int) throws {
        let sheet = try ContactSheet(entries: Self.entries(5), columns: columns, thumbnailWidth: 200).render()
        let rows = (5 + columns - 1) / columns
        #expect(sheet.width >= columns * 200 && sheet.width < columns * 200 + columns * 60)
        #expect(sheet.height >= rows * Int(200 / (140.0 / 60)))
    }

    @Test func panelsTakeTheAspectGivenNotTheFirstFrames() throws {
        var entries = Self.entries(2)
        entries[1].image = RGBAImage(width: 160, height: 90, fill: (40, 200, 60, 255))
        let sheet = try ContactSheet(entries: entries, aspect: 16.0 / 9, thumbnailWidth: 280).render()
        // The 7:3 first frame is letterboxed in its 16:9 panel; the 16:9 one fills its panel.
        let wide = try #require(Self.box(of: Self.colors[0], in: sheet))
        #expect(wide.maxX - wide.minX + 1 >= 278 && abs(wide.maxY - wide.minY + 1 - 120) <= 2)
        let fitting = try #require(Self.box(of: Self.colors[1], in: sheet))
        #expect(fitting.maxX - fitting.minX + 1 >= 278 && abs(fitting.maxY - fitting.minY + 1 - 158) <= 2)
    }

    @Test func anEmptySheetStillRenders() throws {
        let sheet = try ContactSheet(title: "Nothing yet", entries: []).render()
        #expect(sheet.width > 100 && sheet.height > 100)
    }
}
