import Foundation
import ReelKit

/// How the embedded `camera` backend ends a clip on another still (a shot's `end_frame:`), the
/// offline stand-in for a video model's last frame: over the clip's last third (at most
/// ``longestSeconds``) the move dissolves, eased in and out, into the whole end still, so the
/// last frame is the end still and the animatic shows the hand-over.
///
/// The ending is placed on the whole move's frames, so a piece of a long shot that holds only
/// some of them blends exactly those.
struct CameraEnding: Sendable {
    /// The longest dissolve, in seconds.
    static let longestSeconds = 1.5

    /// The end still, whole (cropped to the output's aspect), at the output size.
    let still: YUVFrame
    /// The last frame that shows none of the end still.
    let lastUntouched: Int
    /// The move's frames.
    let frameCount: Int

    init(still: RGBAImage, size: VideoSize, frameCount: Int, fps: Int) {
        let path = CameraPath(
            move: .static, sourceWidth: still.width, sourceHeight: still.height, aspect: size.aspect, duration: 1)
        self.still = CameraFrameRenderer(still: still, path: path, size: size, frameCount: 1).frame(0)
        let longest = max(1, Int((Self.longestSeconds * Double(max(1, fps))).rounded()))
        let frames = max(1, min(frameCount / 3, longest))
        self.frameCount = max(1, frameCount)
        self.lastUntouched = self.frameCount - 1 - frames
    }

    /// How much of the end still frame `index` shows: 0 before the dissolve, 1 on the last frame.
    func weight(frame index: Int) -> Double {
        guard index > lastUntouched else { return 0 }
        let span = Double(frameCount - 1 - lastUntouched)
        return Easing.inOut(min(1, Double(index - lastUntouched) / max(1, span)))
    }

    /// `frame` (frame `index` of the move) with the end still dissolved in.
    func blend(_ frame: YUVFrame, at index: Int) -> YUVFrame {
        let weight = Int((weight(frame: index) * 256).rounded())
        guard weight > 0 else { return frame }
        guard weight < 256 else { return still }
        let keep = 256 - weight
        let end = still.bytes
        let bytes = frame.bytes.indices.map { offset in
            UInt8((Int(frame.bytes[offset]) * keep + Int(end[offset]) * weight + 128) >> 8)
        }
        return YUVFrame(width: frame.width, height: frame.height, bytes: bytes)
    }
}
