/// The raw, headerless frame layouts Reel pipes to and from ffmpeg (`-f rawvideo -pix_fmt …`).
public enum RawPixelFormat: String, Sendable, Hashable, CaseIterable {
    /// 4 bytes a pixel, R G B A; what ``RGBAImage`` holds.
    case rgba
    /// 3 bytes a pixel, R G B.
    case rgb24
    /// Planar Y'CbCr 4:2:0: a full-size luma plane, then Cb and Cr at half width and height.
    case yuv420p

    /// ffmpeg's name for the layout.
    public var ffmpegName: String { rawValue }

    /// Bytes in one frame of the given size.
    public func frameByteCount(width: Int, height: Int) -> Int {
        switch self {
        case .rgba: return width * height * 4
        case .rgb24: return width * height * 3
        case .yuv420p:
            let chroma = ((width + 1) / 2) * ((height + 1) / 2)
            return width * height + 2 * chroma
        }
    }
}
