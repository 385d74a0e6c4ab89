import Foundation
import ReelFaces
import ReelMedia
import ReelTesting
import Testing

/// The real photographs (``FacePhotos``) and dlib's models. Missing on a developer's machine: the
/// tests are skipped; missing under CI: they fail, since the bootstrap should have put them there.
enum FaceFixtures {
    static var modelsPresent: Bool { (try? FaceModels.locate()) != nil }

    /// Runs the test when the photos and models are there, or under CI (where their absence fails).
    static var available: Bool { FacePhotos.isCI || (FacePhotos.present && modelsPresent) }

    /// One shared describer for the suite: loading the models takes a second.
    static let describer: Result<FaceDescriber, any Error> = Result { try FaceDescriber(models: FaceModels.locate()) }

    static func requireDescriber() throws -> FaceDescriber {
        #expect(FacePhotos.present, "run scripts/bootstrap: no face photographs in \(FacePhotos.directory.path)")
        return try describer.get()
    }

    static func photo(_ name: String) throws -> RGBAImage { try FacePhotos.image(name) }
}

extension RGBAImage {
    /// The rectangle at (x, y), clamped to the image.
    func crop(x: Int, y: Int, width: Int, height: Int) -> RGBAImage {
        let x0 = max(0, x)
        let y0 = max(0, y)
        let x1 = min(self.width, x + width)
        let y1 = min(self.height, y + height)
        var out = RGBAImage(width: x1 - x0, height: y1 - y0)
        for row in y0..<y1 {
            for column in x0..<x1 { out[column - x0, row - y0] = self[column, row] }
        }
        return out
    }

    /// Left and right exchanged.
    func mirrored() -> RGBAImage {
        var out = self
        for row in 0..<height {
            for column in 0..<width { out[width - 1 - column, row] = self[column, row] }
        }
        return out
    }

    /// Darker and warmer: every channel scaled, red less than blue, as under other light.
    func relit() -> RGBAImage {
        var out = self
        for index in stride(from: 0, to: pixels.count, by: 4) {
            out.pixels[index] = UInt8(min(255, Double(pixels[index]) * 0.75 + 10))
            out.pixels[index + 1] = UInt8(Double(pixels[index + 1]) * 0.6)
            out.pixels[index + 2] = UInt8(Double(pixels[index + 2]) * 0.45)
        }
        return out
    }

    /// The pixel-wise mix of two images of one size, `weight` of `other`.
    func blended(with other: RGBAImage, weight: Double = 0.5) -> RGBAImage {
        var out = self
        for index in pixels.indices {
            out.pixels[index] = UInt8(
                (Double(pixels[index]) * (1 - weight) + Double(other.pixels[index]) * weight).rounded())
        }
        return out
    }

    /// The face `box` with a margin of `margin` times its size each side, scaled to `side` × `side`.
    func faceCrop(_ box: FaceBox, side: Int, margin fraction: Double = 0.5) -> RGBAImage {
        let margin = Int(Double(box.width) * fraction)
        return crop(
            x: box.left - margin, y: box.top - margin, width: box.width + 2 * margin, height: box.height + 2 * margin
        )
        .resized(width: side, height: side)
    }
}
