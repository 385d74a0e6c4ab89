import Foundation

/// A frame rate or time base as ffprobe writes it: `24/1`, `30000/1001`.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Parses `N/D`; `nil` for anything else or a zero denominator.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), d != 0 else { return nil }
        self.init(n, d)
    }

    public var value: Double { Double(numerator) / Double(denominator) }
    public var description: String { "\(numerator)/\(denominator)" }
}

/// What ffprobe says about a video stream.
public struct VideoStreamInfo: Sendable, Hashable {
    /// ffmpeg's codec name: `h264`, `hevc`, `vp9`…
    public var codec: String
    public var profile: String?
    /// ffmpeg's pixel format name: `yuv420p`, `yuvj420p`…
    public var pixelFormat: String?
    public var width: Int
    public var height: Int
    /// The stream's base frame rate (`r_frame_rate`).
    public var frameRate: Rational?
    /// The average frame rate over the stream (`avg_frame_rate`).
    public var averageFrameRate: Rational?
    /// Seconds, from the stream header.
    public var duration: Double?
    /// Frames: counted by decoding when asked for (`count_frames`), else the container's claim.
    public var frameCount: Int?
    public var colorSpace: String?
    public var colorRange: String?
    /// A hash of the codec's setup bytes (SPS/PPS for H.264): equal hashes mean streams can be joined.
    public var extradataHash: String?
}

/// What ffprobe says about a media file: its container and its first video stream.
public struct MediaInfo: Sendable, Hashable {
    /// ffmpeg's demuxer names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    public var formatName: String
    /// Seconds, from the container.
    public var duration: Double?
    /// Container-level metadata tags (`comment`, `title`, …).
    public var tags: [String: String]
    /// The first video stream, if any.
    public var video: VideoStreamInfo?
    /// How many audio streams the file has.
    public var audioStreamCount: Int
}

/// One compressed packet of a video stream, in file (decoding) order.
public struct PacketInfo: Sendable, Hashable {
    /// Presentation time in seconds.
    public var time: Double
    /// Whether decoding can start here (a sync sample; for H.264 from Reel's encoder, an IDR frame).
    public var isKeyframe: Bool
}

/// The subset of ffprobe's `-print_format json` output that Reel reads.
struct ProbeJSON: Decodable {
    struct Stream: Decodable {
        var codec_type: String?
        var codec_name: String?
        var profile: String?
        var pix_fmt: String?
        var width: Int?
        var height: Int?
        var r_frame_rate: String?
        var avg_frame_rate: String?
        var duration: String?
        var nb_frames: String?
        var nb_read_frames: String?
        var color_space: String?
        var color_range: String?
        var extradata_hash: String?
    }

    struct Format: Decodable {
        var format_name: String?
        var duration: String?
        var tags: [String: String]?
    }

    struct Packet: Decodable {
        var pts_time: String?
        var flags: String?
    }

    var streams: [Stream]?
    var format: Format?
    var packets: [Packet]?
}
