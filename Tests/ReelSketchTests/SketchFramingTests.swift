import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// What each framing and angle of a shot list does to a sketch, measured on the drawn frames.
@Suite struct SketchFramingTests {
    let renderer = SketchRenderer()
    static let person = "a woman standing in a desert"

    func frame(
        _ prompt: String, _ framing: Framing?, angle: CameraAngle? = nil, negative: String? = nil, seed: UInt32 = 5
    ) throws -> RGBAImage {
        var request = Request(prompt: prompt, width: 448, height: 192, seed: 7, framing: framing, angle: angle)
        request.negative = negative
        return try renderer.render(request, initImage: nil, seed: seed)
    }

    /// How much of the frame the person covers: what changes when the negative prompt removes her.
    func personShare(_ framing: Framing, seed: UInt32 = 5) throws -> Double {
        ImageMetrics.changedShare(
            try frame(Self.person, framing, seed: seed), try frame(Self.person, framing, negative: "woman", seed: seed))
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func anEstablishingShotLeavesThePersonTinyAndACloseUpFillsTheFrame(seed: UInt32) throws {
        let establishing = try personShare(Framing(parsing: "establishing shot")!, seed: seed)
        let wide = try personShare(Framing(parsing: "wide")!, seed: seed)
        let closeUp = try personShare(.closeUp, seed: seed)
        #expect(establishing < 0.02, "\(establishing)")
        #expect(wide < 0.06, "\(wide)")
        #expect(closeUp > 10 * wide, "close-up \(closeUp), wide \(wide)")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aTwoShotHasTwoPeopleSideBySide(seed: UInt32) throws {
        func runs(_ framing: Framing) throws -> Int {
            let columns = ImageMetrics.changedColumns(
                try frame(Self.person, framing, seed: seed),
                try frame(Self.person, framing, negative: "woman", seed: seed))
            return zip([false] + columns, columns).count { !$0 && $1 }
        }
        #expect(try runs(.twoShot) == 2)
        #expect(try runs(.mediumLongShot) == 1)
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func overTheShoulderPutsADarkMassInTheForegroundOnOneSide(seed: UInt32) throws {
        func corners(_ image: RGBAImage) -> (left: Double, right: Double) {
            let ys = 130..<192
            return (
                ImageMetrics.meanLuminance(image, xs: 0..<90, ys: ys),
                ImageMetrics.meanLuminance(image, xs: 358..<448, ys: ys)
            )
        }
        let ots = corners(try frame("a woman on a sunny day", .overTheShoulder, seed: seed))
        let medium = corners(try frame("a woman on a sunny day", .mediumShot, seed: seed))
        let dark = min(ots.left, ots.right)
        let light = max(ots.left, ots.right)
        #expect(dark < 70, "\(ots)")
        #expect(light > dark + 60, "\(ots)")
        #expect(dark < min(medium.left, medium.right) - 50, "over the shoulder \(ots), medium \(medium)")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aPointOfViewShowsNobodyAndDarkensTheCorners(seed: UInt32) throws {
        let pov = try frame(Self.person, .pointOfView, seed: seed)
        #expect(
            ImageMetrics.changedShare(pov, try frame(Self.person, .pointOfView, negative: "woman", seed: seed)) == 0)
        func cornerToCentre(_ image: RGBAImage) -> Double {
            let corner = ImageMetrics.meanLuminance(image, xs: 0..<40, ys: 0..<24)
            return corner / ImageMetrics.meanLuminance(image, xs: 184..<264, ys: 0..<24)
        }
        let plain = try frame(Self.person, .mediumLongShot, negative: "woman", seed: seed)
        #expect(cornerToCentre(pov) < cornerToCentre(plain) - 0.1, "\(cornerToCentre(pov)) \(cornerToCentre(plain))")
    }

    @Test func anInsertShowsNoPersonAndAFarBackgroundGoneSoft() throws {
        let insert = try frame(Self.person, .insert)
        #expect(ImageMetrics.changedShare(insert, try frame(Self.person, .insert, negative: "woman")) == 0)
        #expect(ImageMetrics.distance(insert, try frame(Self.person, .longShot, negative: "woman")) > 8)
    }

    static let sea = "the open sea on a clear day"

    /// The horizon's slope: from where it lies across the left half to the right half.
    func horizonSlope(_ image: RGBAImage) -> Double {
        let left = ImageMetrics.horizonRow(image, columns: stride(from: 40, to: 200, by: 8))
        let right = ImageMetrics.horizonRow(image, columns: stride(from: 248, to: 408, by: 8))
        return (right - left) / 208
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aDutchAngleTiltsTheHorizon(seed: UInt32) throws {
        let level = horizonSlope(try frame(Self.sea, .longShot, seed: seed))
        let dutch = horizonSlope(try frame(Self.sea, .longShot, angle: .dutch, seed: seed))
        #expect(abs(level) < 0.02, "\(level)")
        // tan 12° ≈ 0.21
        #expect(abs(dutch) > 0.15 && abs(dutch) < 0.3, "\(dutch)")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aLowAngleDropsTheHorizonAndAHighOneRaisesIt(seed: UInt32) throws {
        func horizon(_ angle: CameraAngle?) throws -> Double {
            ImageMetrics.horizonRow(
                try frame(Self.sea, .longShot, angle: angle, seed: seed), columns: stride(from: 40, to: 408, by: 8))
        }
        let level = try horizon(nil)
        #expect(try horizon(.lowAngle) > level + 25, "level \(level)")
        #expect(try horizon(.highAngle) < level - 40, "level \(level)")
        #expect(try horizon(.highAngle) > 20)
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aBirdsEyeViewHasNoHorizon(seed: UInt32) throws {
        func drop(_ angle: CameraAngle?) throws -> Double {
            let image = try frame(Self.sea, .longShot, angle: angle, seed: seed)
            return ImageMetrics.strongestDrop(ImageMetrics.rowLuminance(image, xs: 100..<348)).drop
        }
        let level = try drop(nil)
        let above = try drop(.birdsEye)
        #expect(above < level / 3, "bird's-eye \(above), level \(level)")
    }

    @Test func aLowAngleMakesThePersonLoom() throws {
        func share(_ angle: CameraAngle?) throws -> Double {
            ImageMetrics.changedShare(
                try frame(Self.person, .fullShot, angle: angle),
                try frame(Self.person, .fullShot, angle: angle, negative: "woman"))
        }
        #expect(try share(.lowAngle) > share(nil) * 1.15)
        #expect(try share(.highAngle) < share(nil) * 0.9)
    }

    /// Seen from below, a full shot keeps the head in the frame and cuts the legs instead.
    @Test(arguments: [UInt32(5), 11, 23])
    func aLowAngleFullShotKeepsTheHead(seed: UInt32) throws {
        let prompt = "a woman in a long grey coat standing tall against a dusk sky"
        func figure(_ angle: CameraAngle?) throws -> SketchLayout.Figure {
            let request = Request(prompt: prompt, width: 448, height: 192, framing: .fullShot, angle: angle)
            var rng = SketchRandom(seed: seed, salt: "layout")
            let layout = SketchLayout(
                scene: SketchScene(request: request), width: 448, height: 192, keyLeft: true, rng: &rng)
            return try #require(layout.figure)
        }
        let level = try figure(nil)
        let low = try figure(.lowAngle)
        #expect(low.height > level.height * 1.1, "the figure looms")
        #expect(low.feetY - low.height >= 0, "the head is in the frame: top at \(low.feetY - low.height)")
        #expect(low.feetY > 192, "the legs are cut at the bottom")
    }
}
