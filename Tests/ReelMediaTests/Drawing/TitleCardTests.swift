import Testing

@testable import ReelMedia

@Suite struct TitleCardTests {
    /// Rows that hold light pixels.
    static func litRows(_ image: RGBAImage) -> [Int] {
        (0..<image.height).filter { y in (0..<image.width).contains { image[$0, y].r > 128 } }
    }

    @Test(arguments: [(1344, 576), (1920, 1080), (640, 640)])
    func aTitleIsCentredOnBlackAtTheRequestedSize(width: Int, height: Int) throws {
        let card = try TitleCard(title: "Harbour", width: width, height: height).render()
        #expect(card.width == width && card.height == height)
        #expect(card[0, 0] == (0, 0, 0, 255) && card[width - 1, height - 1] == (0, 0, 0, 255))
        let rows = Self.litRows(card)
        let top = try #require(rows.first)
        let bottom = try #require(rows.last)
        #expect(abs((top + bottom) / 2 - height / 2) < height / 10, "text block centred vertically")
        let columns = (0..<width).filter { x in rows.contains { card[x, $0].r > 128 } }
        let left = try #require(columns.first)
        let right = try #require(columns.last)
        #expect(abs((left + right) / 2 - width / 2) < width / 20, "text centred horizontally")
    }

    @Test func aSubtitleSitsUnderTheTitle() throws {
        let plain = try TitleCard(title: "Harbour", width: 1344, height: 576).render()
        let withSubtitle = try TitleCard(title: "Harbour", subtitle: "a film in eight shots", width: 1344, height: 576)
            .render()
        let plainRows = Self.litRows(plain)
        let rows = Self.litRows(withSubtitle)
        #expect(try #require(rows.last) > (try #require(plainRows.last)))
    }

    @Test func aLongTitleStaysInsideTheFrame() throws {
        let title = "The extraordinarily long and winding title of a film that will not fit on one line at all"
        let card = try TitleCard(title: title, width: 800, height: 450).render()
        let margin = 800 / 20
        var outside = 0
        for y in 0..<450 {
            for x in Array(0..<margin) + Array((800 - margin)..<800) where card[x, y].r >= 60 { outside += 1 }
        }
        #expect(outside == 0)
        #expect(Self.litRows(card).count > 40)
    }
}
