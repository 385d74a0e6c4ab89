import ReelMedia
import Testing

/// The take's grid as Midjourney lays it out: 1 2 / 3 4, cells in the candidates' shape.
@Suite struct CandidateGridTests {
    static func solid(_ red: UInt8) -> RGBAImage { RGBAImage(width: 400, height: 200, fill: (red, 0, 0, 255)) }

    static func red(_ image: RGBAImage, x: Int, y: Int) -> UInt8 { image[x, y].r }

    @Test func candidatesPlacedOneByOneLandInReadingOrder() {
        var grid = CandidateGrid(count: 3, first: (400, 200), maxWidth: 206, gutter: 2)
        for (index, red) in [UInt8(50), 100, 150].enumerated() { grid.place(Self.solid(red), at: index) }
        let image = grid.image
        // Two columns of 100 × 50 cells between 2-pixel gutters.
        #expect(image.width == 206 && image.height == 106)
        #expect(Self.red(image, x: 50, y: 25) == 50)
        #expect(Self.red(image, x: 150, y: 25) == 100)
        #expect(Self.red(image, x: 50, y: 80) == 150)
        #expect(Self.red(image, x: 150, y: 80) == 18, "the fourth cell stays dark")
        #expect(image == CandidateGrid.compose([50, 100, 150].map(Self.solid), maxWidth: 206, gutter: 2))
    }
}
