import Foundation
import ReelKit
import Testing

@testable import ReelMedia

@Suite struct CameraPathTests {
    private static let stills = [(1792, 768), (1024, 1024), (640, 960)]

    @Test func movesAreSpelledAsFilmFilesWriteThem() throws {
        #expect(
            CameraMove.allCases.map(\.rawValue) == [
                "push-in", "pull-out", "pan-left", "pan-right", "tilt-up", "tilt-down", "drift", "shake", "static",
            ])
        let decoded = try JSONDecoder().decode([CameraMove].self, from: Data(#"["pan-left","static"]"#.utf8))
        #expect(decoded == [.panLeft, .static])
    }

    @Test(arguments: CameraMove.allCases)
    func everyWindowHasTheOutputAspectAndStaysInsideTheStill(move: CameraMove) {
        for (width, height) in Self.stills {
            for intensity in [0.0, 1, 3] {
                for seed: UInt64 in [0, 7] {
                    let path = CameraPath(
                        move: move, sourceWidth: width, sourceHeight: height, aspect: 7.0 / 3, duration: 4,
                        intensity: intensity, seed: seed)
                    let crops = (0...200).map { path.crop(at: Double($0) / 200) }
                    let outside = crops.filter { !$0.isInside(width: Double(width), height: Double(height)) }
                    let misshapen = crops.filter { abs($0.width / $0.height - 7.0 / 3) > 1e-9 }
                    #expect(outside.isEmpty, "\(move) \(width)×\(height) intensity \(intensity): \(outside.first!)")
                    #expect(misshapen.isEmpty, "\(move) \(width)×\(height): \(misshapen.first!)")
                }
            }
        }
    }

    /// A smooth path's second differences shrink fourfold when the step halves; a jump or a kink would not.
    @Test(arguments: CameraMove.allCases)
    func pathsAreSmooth(move: CameraMove) {
        let path = CameraPath(move: move, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4, seed: 3)
        func roughness(_ steps: Int) -> Double {
            let crops = (0...steps).map { path.crop(at: Double($0) / Double(steps)) }
            return [\CropRect.x, \.y, \.width, \.height]
                .map { component in secondDifferences(crops.map { $0[keyPath: component] }).map(abs).max() ?? 0 }
                .max() ?? 0
        }
        let coarse = roughness(96)
        let fine = roughness(192)
        if move == .static {
            #expect(coarse == 0 && fine == 0)
        } else {
            #expect(coarse > 0)
            #expect(fine < coarse / 3, "\(move): second differences \(coarse) → \(fine) when the step halves")
        }
    }

    @Test func pushInEndsAQuarterCloserAndPullOutIsItsReverse() {
        let push = CameraPath(move: .pushIn, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4)
        let pull = CameraPath(move: .pullOut, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4)
        #expect(push.crop(at: 0) == CropRect(x: 0, y: 0, width: 1792, height: 768))
        #expect(abs(push.crop(at: 1).width - 1792 / 1.25) < 1e-9)
        #expect(abs(push.crop(at: 1).midX - 896) < 1e-9 && abs(push.crop(at: 1).midY - 384) < 1e-9)
        for t in stride(from: 0.0, through: 1, by: 0.1) {
            let a = push.crop(at: t)
            let b = pull.crop(at: 1 - t)
            #expect(abs(a.width - b.width) < 1e-9 && abs(a.x - b.x) < 1e-9)
        }
    }

    @Test func pansAndTiltsMoveTheWayTheirNamesSay() {
        func path(_ move: CameraMove) -> CameraPath {
            CameraPath(move: move, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4)
        }
        #expect(path(.panLeft).crop(at: 0).x > path(.panLeft).crop(at: 1).x)
        #expect(path(.panRight).crop(at: 0).x < path(.panRight).crop(at: 1).x)
        #expect(path(.tiltUp).crop(at: 0).y > path(.tiltUp).crop(at: 1).y)
        #expect(path(.tiltDown).crop(at: 0).y < path(.tiltDown).crop(at: 1).y)
        #expect(path(.panLeft).crop(at: 0.5).y == path(.panLeft).crop(at: 0).y)
    }

    @Test func aWidePanoramaIsPannedEdgeToEdge() {
        let path = CameraPath(move: .panRight, sourceWidth: 3000, sourceHeight: 600, aspect: 16.0 / 9, duration: 4)
        let start = path.crop(at: 0)
        let end = path.crop(at: 1)
        #expect(start.x == 0)
        #expect(abs(end.x + end.width - 3000) < 1e-9)
    }

    @Test func shakeIsDeterministicPerSeedAndZeroIntensityHoldsStill() {
        func shake(seed: UInt64, intensity: Double = 1) -> [CropRect] {
            let path = CameraPath(
                move: .shake, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4,
                intensity: intensity, seed: seed)
            return (0...48).map { path.crop(at: Double($0) / 48) }
        }
        #expect(shake(seed: 5) == shake(seed: 5))
        #expect(shake(seed: 5) != shake(seed: 6))
        let xs = shake(seed: 5).map(\.x)
        #expect((xs.max() ?? 0) - (xs.min() ?? 0) > 5, "a shake should visibly move")
        let still = CameraPath(move: .static, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4)
        #expect(shake(seed: 5, intensity: 0).allSatisfy { $0 == still.crop(at: 0) })
    }

    @Test func driftDirectionComesFromTheSeed() {
        let directions = (0..<4).map { seed -> (Bool, Bool) in
            let path = CameraPath(
                move: .drift, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4,
                seed: UInt64(seed))
            let start = path.crop(at: 0)
            let end = path.crop(at: 1)
            return (end.x > start.x, end.y > start.y)
        }
        #expect(Set(directions.map { "\($0.0)\($0.1)" }).count == 4)
    }
}
