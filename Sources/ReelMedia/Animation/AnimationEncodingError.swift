import ReelKit

/// Why a sequence of frames could not be made into an animation.
public struct AnimationEncodingError: ReelFailure, Hashable {
    public var code: ReelError.Code { ReelError.Code(rawValue: "invalid-animation") }
    /// The frames are Reel's own (storyboards, previews), so a failure is too.
    public var kind: FailureKind { .internal }
    /// One sentence: what was wrong and how to fix it.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// Checks what every animation format needs: at least one frame, all of one size, within limits.
    static func validate(_ frames: [AnimationFrame], format: String) throws -> (width: Int, height: Int) {
        guard let first = frames.first else {
            throw AnimationEncodingError("cannot encode an animated \(format) with no frames")
        }
        let (width, height) = (first.image.width, first.image.height)
        guard width <= 65535, height <= 65535 else {
            throw AnimationEncodingError("\(format) frames are at most 65535 pixels a side, got \(width)x\(height)")
        }
        for (index, frame) in frames.enumerated() {
            guard frame.image.width == width, frame.image.height == height else {
                throw AnimationEncodingError(
                    "frame \(index + 1) is \(frame.image.width)x\(frame.image.height) but frame 1 is "
                        + "\(width)x\(height); resize all frames of an animation to one size")
            }
            guard frame.duration >= .zero else {
                throw AnimationEncodingError("frame \(index + 1) has a negative duration \(frame.duration)")
            }
        }
        return (width, height)
    }
}
