/// A video frame size in pixels.
public struct VideoSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Width over height.
    public var aspect: Double { Double(width) / Double(height) }

    /// Whether H.264 in 4:2:0 can carry it: positive and even both ways.
    public var isEncodable: Bool { width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0 }

    /// `WxH`, as ffmpeg's `-s` takes it.
    public var description: String { "\(width)x\(height)" }
}
