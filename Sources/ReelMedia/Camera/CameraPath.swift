import Foundation
import ReelKit

/// A camera move as a function of time: `t` in [0, 1] → the ``CropRect`` of the still to show.
///
/// Every window has the output's aspect ratio and lies inside the still. Moves are eased in and out
/// and continuous in `t`, so a renderer that samples the still at the exact fractional window shows
/// no jitter. `intensity` scales each move (1 is the normal amount, 0 holds the frame, up to 3);
/// `seed` picks the shake's noise and the drift's direction.
///
/// ```swift
/// let path = CameraPath(move: .pushIn, sourceWidth: 1792, sourceHeight: 768, aspect: 7.0 / 3, duration: 4)
/// let first = path.crop(at: 0), last = path.crop(at: 1)   // whole still → 1.25× closer
/// ```
public struct CameraPath: Sendable, Hashable {
    public var move: CameraMove
    public var sourceWidth: Double
    public var sourceHeight: Double
    /// Output width over height.
    public var aspect: Double
    /// Seconds; a shake's rhythm is in real time, so a longer shot shakes longer, not slower.
    public var duration: Double
    public var intensity: Double
    public var seed: UInt64

    public init(
        move: CameraMove, sourceWidth: Int, sourceHeight: Int, aspect: Double, duration: Double,
        intensity: Double = 1, seed: UInt64 = 0
    ) {
        self.move = move
        self.sourceWidth = Double(max(1, sourceWidth))
        self.sourceHeight = Double(max(1, sourceHeight))
        self.aspect = aspect.isFinite && aspect > 0 ? aspect : 1
        self.duration = duration.isFinite ? max(0, duration) : 0
        self.intensity = intensity.isFinite ? min(max(intensity, 0), 3) : 1
        self.seed = seed
    }

    /// The window for output frame `index` of `count`: the first frame shows `t = 0`, the last `t = 1`.
    public func crop(frame index: Int, of count: Int) -> CropRect {
        crop(at: count > 1 ? Double(index) / Double(count - 1) : 0)
    }

    /// The window at `t` in [0, 1] (clamped).
    public func crop(at t: Double) -> CropRect {
        let t = t.isFinite ? min(max(t, 0), 1) : 0
        let i = intensity
        switch move {
        case .static:
            return window(zoom: 1, u: 0.5, v: 0.5)
        case .pushIn:
            return window(zoom: pow(1 + 0.25 * i, Easing.inOut(t)), u: 0.5, v: 0.5)
        case .pullOut:
            return window(zoom: pow(1 + 0.25 * i, 1 - Easing.inOut(t)), u: 0.5, v: 0.5)
        case .panLeft:
            return window(zoom: 1 + 0.2 * i, u: 1 - Easing.inOut(t), v: 0.5)
        case .panRight:
            return window(zoom: 1 + 0.2 * i, u: Easing.inOut(t), v: 0.5)
        case .tiltUp:
            return window(zoom: 1 + 0.2 * i, u: 0.5, v: 1 - Easing.inOut(t))
        case .tiltDown:
            return window(zoom: 1 + 0.2 * i, u: 0.5, v: Easing.inOut(t))
        case .drift:
            // Across the middle 60% of the room, toward one of four diagonals chosen by the seed.
            let p = 0.2 + 0.6 * Easing.gentle(t)
            return window(zoom: 1 + 0.12 * i, u: seed & 1 == 0 ? p : 1 - p, v: seed & 2 == 0 ? p : 1 - p)
        case .shake:
            let time = t * duration
            let x = 0.7 * noise(0).value(at: time * 1.3) + 0.3 * noise(1).value(at: time * 3.1)
            let y = 0.7 * noise(2).value(at: time * 1.3) + 0.3 * noise(3).value(at: time * 3.1)
            return window(zoom: 1 + 0.06 * i, u: 0.5 + 0.45 * x, v: 0.5 + 0.45 * y)
        }
    }

    /// The largest window of the output's aspect that fits the still.
    var fullWindow: (width: Double, height: Double) {
        sourceWidth / sourceHeight > aspect
            ? (sourceHeight * aspect, sourceHeight)
            : (sourceWidth, sourceWidth / aspect)
    }

    /// A window `zoom` times closer than the full one, placed at fractions `u`, `v` of the room left
    /// around it (0 = left/top edge, 1 = right/bottom edge), so it stays inside by construction.
    private func window(zoom: Double, u: Double, v: Double) -> CropRect {
        let full = fullWindow
        let width = full.width / max(zoom, 1)
        let height = full.height / max(zoom, 1)
        let x = (sourceWidth - width) * min(max(u, 0), 1)
        let y = (sourceHeight - height) * min(max(v, 0), 1)
        return CropRect(x: x, y: y, width: width, height: height)
    }

    private func noise(_ channel: UInt64) -> SmoothNoise {
        SmoothNoise(seed: seed &* 0x2545_F491_4F6C_DD1D &+ channel &* 0x9E37_79B9)
    }
}
