/// One raw yuv420p picture exactly as ffmpeg reads and writes it: the Y plane, then Cb, then Cr,
/// rows packed without padding. Sizes are even, as H.264 in 4:2:0 requires.
///
/// Reel's encoder input: the camera renders into it and the cut blends in it, so no colour
/// conversion happens between decoding a clip and encoding the film.
public struct YUVFrame: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// `width * height * 3 / 2` bytes.
    public var bytes: [UInt8]

    /// A frame of one colour (limited-range black by default).
    public init(width: Int, height: Int, y: UInt8 = 16, cb: UInt8 = 128, cr: UInt8 = 128) {
        precondition(width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0, "yuv420p needs even sizes")
        self.width = width
        self.height = height
        let luma = width * height
        bytes =
            [UInt8](repeating: y, count: luma) + [UInt8](repeating: cb, count: luma / 4)
            + [UInt8](repeating: cr, count: luma / 4)
    }

    /// Wraps bytes read from ffmpeg; `bytes.count` must be ``byteCount(width:height:)``.
    public init(width: Int, height: Int, bytes: [UInt8]) {
        precondition(
            width % 2 == 0 && height % 2 == 0 && bytes.count == Self.byteCount(width: width, height: height),
            "yuv420p buffer does not match size")
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    public static func byteCount(width: Int, height: Int) -> Int { width * height * 3 / 2 }

    /// Offset of the Cb plane; the Cr plane follows it after ``chromaCount`` bytes.
    public var chromaOffset: Int { width * height }
    /// Bytes in each chroma plane.
    public var chromaCount: Int { width * height / 4 }
}
