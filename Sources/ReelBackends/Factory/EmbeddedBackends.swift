import ReelKit
import ReelMedia
import ReelSketch

/// The offline backends every Reel has: `sketch` for images, `camera` for clips and `espeak`
/// for speech.
public enum EmbeddedBackends {
    public static func sketch(sizes: SizeRule = SketchBackend.defaultSizes) -> SketchBackend {
        SketchBackend(
            sizes: sizes,
            encode: { image in try image.encoded(as: .png) },
            decode: { data in try RGBAImage(decoding: data) })
    }

    /// The camera with the film's `camera:` settings (the defaults when it has none).
    public static func camera(_ settings: CameraSettings = CameraSettings()) -> CameraBackend {
        CameraBackend(maxClipSeconds: settings.maxClipSeconds)
    }

    public static func espeak() -> EspeakBackend { EspeakBackend() }
}
