/// How Reel encodes video: H.264 in MP4, 4:2:0, BT.709 limited range, `+faststart`.
///
/// Clips and films made with equal settings (same ``fingerprint``), size and frame rate can be
/// joined without re-encoding; ``keyframes`` places IDR frames (closed GOPs) where a later cut
/// will want to split a clip, e.g. where a transition begins and right after it ends.
public struct EncoderSettings: Sendable, Hashable, Codable {
    /// ffmpeg's encoder name.
    public var codec: String
    /// x264's speed/size trade-off.
    public var preset: String
    /// Constant rate factor: lower is better and bigger; 18 is visually lossless for most material.
    public var crf: Int
    /// Frame indices (0-based) that must be IDR frames. Frame 0 always is.
    public var keyframes: [Int]

    public init(codec: String = "libx264", preset: String = "veryfast", crf: Int = 18, keyframes: [Int] = []) {
        self.codec = codec
        self.preset = preset
        self.crf = crf
        self.keyframes = keyframes
    }

    /// Reel's default: libx264, veryfast, CRF 18.
    public static let standard = EncoderSettings()

    /// The same settings with IDR frames at `frames`.
    public func withKeyframes(_ frames: [Int]) -> EncoderSettings {
        var copy = self
        copy.keyframes = frames
        return copy
    }

    /// Written to the file's `comment` tag; the cut treats a clip as its own (joinable without
    /// re-encoding) only when the tag matches. Keyframes are left out: they do not change the stream format.
    public var fingerprint: String {
        "reel-video v1 \(codec) preset=\(preset) crf=\(crf) yuv420p bt709 tv cgop"
    }

    /// ffmpeg options that make the stream: codec, rate control, colour tags, GOP structure.
    public var codecArguments: [String] {
        var arguments = [
            "-c:v", codec, "-preset", preset, "-crf", String(crf), "-pix_fmt", "yuv420p",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
            // Closed GOPs: a split point must not be referenced from before it.
            "-flags", "+cgop",
        ]
        // IDR, not merely I, frames where forced: an I frame of an open GOP is no split point.
        if codec == "libx264" { arguments += ["-forced-idr", "1"] }
        let forced = Set(keyframes.filter { $0 > 0 }).sorted()
        if !forced.isEmpty {
            arguments += ["-force_key_frames", "expr:" + forced.map { "eq(n,\($0))" }.joined(separator: "+")]
        }
        return arguments
    }

    /// ffmpeg output options for an MP4 file with these settings, to be placed after the inputs and
    /// before the output file: ``codecArguments``, the fingerprint tag and `+faststart`.
    public var outputArguments: [String] {
        codecArguments + ["-metadata", "comment=\(fingerprint)", "-movflags", "+faststart"]
    }
}
