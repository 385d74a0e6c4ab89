/// One frame of an animation (a storyboard GIF, an animated WebP): a picture and how long it stays on
/// screen. Every frame of one animation has the same size.
public struct AnimationFrame: Sendable, Hashable {
    public var image: RGBAImage
    /// How long the frame shows. GIF stores centiseconds and WebP milliseconds; encoders round to those.
    public var duration: Duration

    public init(image: RGBAImage, duration: Duration) {
        self.image = image
        self.duration = duration
    }

    /// The duration in whole milliseconds, rounded to nearest.
    var milliseconds: Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int((Double(attoseconds) / 1e15).rounded())
    }
}
