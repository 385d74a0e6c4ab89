import Testing

@testable import ReelMedia

/// The contact sheet's mark on off-model picks: a red border and tag on that frame only.
@Suite struct OffModelMarkTests {
    /// How many pixels of `image` inside `box` are the off-model red.
    static func redPixels(in image: RGBAImage, x: ClosedRange<Int>, y: ClosedRange<Int>) -> Int {
        var count = 0
        for row in y {
            for column in x {
                let p = image[column, row]
                if abs(Int(p.r) - 229) < 6 && abs(Int(p.g) - 72) < 6 && abs(Int(p.b) - 77) < 6 { count += 1 }
            }
        }
        return count
    }

    @Test func onlyTheOffModelFrameIsRingedInRed() throws {
        let grey = RGBAImage(width: 160, height: 90, fill: (90, 90, 90, 255))
        let entries = [
            ContactSheet.Entry(image: grey, shotID: "held", prompt: "@obama at a podium"),
            ContactSheet.Entry(
                image: grey, shotID: "drifted", prompt: "@obama at a podium", offModel: "obama drift 0.71"),
        ]
        let sheet = try ContactSheet(entries: entries, aspect: 16.0 / 9, columns: 2, thumbnailWidth: 448).render()
        let half = sheet.width / 2
        let top = 0...(sheet.height - 1)
        let left = Self.redPixels(in: sheet, x: 0...(half - 1), y: top)
        let right = Self.redPixels(in: sheet, x: half...(sheet.width - 1), y: top)
        #expect(left == 0)
        // The border alone is about (2 × 448 + 2 × 252) × 5 pixels, the tag more.
        #expect(right > 4_000, "\(right) red pixels")
    }
}
