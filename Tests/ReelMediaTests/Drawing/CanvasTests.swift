import ReelKit
import Testing

@testable import ReelMedia

@Suite struct CanvasTests {
    /// A deterministic pattern touching every byte value.
    static func pattern(width: Int, height: Int, alpha: (Int, Int) -> UInt8) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                image[x, y] = (
                    UInt8((x * 37 + y * 11) % 256), UInt8((x * 5 + y * 53) % 256), UInt8((x * 91 + y * 7) % 256),
                    alpha(x, y)
                )
            }
        }
        return image
    }

    @Test func opaqueImagesRoundTripExactly() throws {
        let image = Self.pattern(width: 61, height: 17) { _, _ in 255 }
        #expect(try Canvas(image: image).image() == image)
    }

    @Test(arguments: [255, 200, 128, 64, 16])
    func translucentPixelsComeBackUnpremultiplied(alpha: Int) throws {
        let image = Self.pattern(width: 40, height: 12) { _, _ in UInt8(alpha) }
        let back = try Canvas(image: image).image()
        // Premultiplying to 8 bits loses up to half a level times 255/alpha.
        let tolerance = 255 / (2 * alpha) + 1
        var worst = 0
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            #expect(back.pixels[i + 3] == UInt8(alpha))
            for ch in 0..<3 { worst = max(worst, abs(Int(back.pixels[i + ch]) - Int(image.pixels[i + ch]))) }
        }
        #expect(worst <= tolerance)
        if alpha == 255 { #expect(worst == 0) }
    }

    @Test func fullyTransparentPixelsReadAsTransparentBlack() throws {
        let image = Self.pattern(width: 8, height: 8) { x, _ in x % 2 == 0 ? 0 : 255 }
        let back = try Canvas(image: image).image()
        for y in 0..<8 {
            for x in stride(from: 0, to: 8, by: 2) { #expect(back[x, y] == (0, 0, 0, 0)) }
        }
    }

    @Test func aTranslucentFillReadsBackAsItsStraightColourInRGBAOrder() throws {
        let image = try Canvas.withCanvas(width: 4, height: 4) { canvas in
            canvas.setColor(Color(red: 0.8, green: 0.2, blue: 0.4, alpha: 0.5))
            canvas.paint()
            return canvas.image()
        }
        let pixel = image[2, 2]
        #expect(abs(Int(pixel.r) - 204) <= 2 && abs(Int(pixel.g) - 51) <= 2 && abs(Int(pixel.b) - 102) <= 2)
        #expect(abs(Int(pixel.a) - 128) <= 1)
    }

    @Test func drawingAnImageScalesItIntoTheRectangle() throws {
        var quarters = RGBAImage(width: 2, height: 2)
        quarters[0, 0] = (255, 0, 0, 255)
        quarters[1, 0] = (0, 255, 0, 255)
        quarters[0, 1] = (0, 0, 255, 255)
        quarters[1, 1] = (255, 255, 255, 255)
        let image = try Canvas.withCanvas(width: 100, height: 60) { canvas in
            canvas.setColor(.black)
            canvas.paint()
            canvas.draw(quarters, in: CanvasRect(x: 20, y: 10, width: 60, height: 40))
            return canvas.image()
        }
        #expect(image[5, 5] == (0, 0, 0, 255))
        #expect(image[30, 18].r > 200 && image[30, 18].g < 60)
        #expect(image[70, 18].g > 200 && image[70, 18].r < 60)
        #expect(image[30, 42].b > 200 && image[30, 42].r < 60)
        #expect(image[70, 42] == (255, 255, 255, 255))
    }

    @Test func pathsFillOnlyInside() throws {
        let image = try Canvas.withCanvas(width: 50, height: 50) { canvas in
            canvas.addCircle(center: CanvasPoint(25, 25), radius: 10)
            canvas.setColor(.white)
            canvas.fill()
            return canvas.image()
        }
        #expect(image[25, 25] == (255, 255, 255, 255))
        #expect(image[25, 10].a == 0)
        #expect(image[2, 2].a == 0)
    }

    @Test func aLinearGradientRunsFromItsFirstColourToItsLast() throws {
        let image = try Canvas.withCanvas(width: 100, height: 4) { canvas in
            canvas.setLinearGradient(
                from: CanvasPoint(0, 0), to: CanvasPoint(100, 0),
                stops: [GradientStop(0, Color(hex: 0xFF0000)), GradientStop(1, Color(hex: 0x0000FF))])
            canvas.paint()
            return canvas.image()
        }
        #expect(image[1, 1].r > 240 && image[1, 1].b < 15)
        #expect(image[98, 1].b > 240 && image[98, 1].r < 15)
        #expect(abs(Int(image[50, 1].r) - 127) < 8)
    }

    @Test func transformsMoveWhatIsDrawn() throws {
        let image = try Canvas.withCanvas(width: 40, height: 40) { canvas in
            canvas.withState {
                canvas.translate(30, 30)
                canvas.addRect(CanvasRect(x: -2, y: -2, width: 4, height: 4))
                canvas.setColor(.white)
                canvas.fill()
            }
            return canvas.image()
        }
        #expect(image[30, 30].a == 255)
        #expect(image[2, 2].a == 0)
    }

    @Test(arguments: [(0, 10), (10, 0), (-3, 5), (40_000, 2)])
    func impossibleSizesAreRefused(width: Int, height: Int) {
        #expect(throws: ReelError.self) { try Canvas(width: width, height: height) }
    }
}
