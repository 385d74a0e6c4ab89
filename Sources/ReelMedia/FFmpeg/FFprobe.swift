import Foundation

/// Typed answers from ffprobe: stream info, duration, exact frame counts, keyframe positions.
///
/// ```swift
/// let info = try await FFprobe(ffmpeg).info(of: clip, countFrames: true)
/// print(info.video?.frameCount, info.duration)
/// ```
public struct FFprobe: Sendable {
    public var ffmpeg: FFmpeg

    public init(_ ffmpeg: FFmpeg) {
        self.ffmpeg = ffmpeg
    }

    /// Container and first video stream of `url`.
    /// - Parameter countFrames: decode the video to count its frames exactly (slower, but container
    ///   frame counts can be missing or wrong).
    public func info(of url: URL, countFrames: Bool = false) async throws -> MediaInfo {
        var arguments = ["-print_format", "json", "-show_format", "-show_streams", "-show_data_hash", "SHA256"]
        if countFrames { arguments.append("-count_frames") }
        return Self.mediaInfo(try await decode(arguments + [url.path], url: url))
    }

    /// The container's duration in seconds.
    public func duration(of url: URL) async throws -> Double {
        guard let duration = try await info(of: url).duration else {
            throw FFmpegError(.invalidOutput, "ffprobe reports no duration for \(url.path)", tool: "ffprobe")
        }
        return duration
    }

    /// The exact number of video frames, counted by decoding.
    public func frameCount(of url: URL) async throws -> Int {
        guard let count = try await info(of: url, countFrames: true).video?.frameCount else {
            throw FFmpegError(.invalidOutput, "ffprobe found no video frames in \(url.path)", tool: "ffprobe")
        }
        return count
    }

    /// Container and first video stream of `url` together with that stream's packets, from one ffprobe run.
    public func infoAndPackets(of url: URL) async throws -> (info: MediaInfo, packets: [PacketInfo]) {
        let json = try await decode(
            [
                "-print_format", "json", "-show_format", "-show_streams", "-show_data_hash", "SHA256",
                "-select_streams",
                "v:0", "-show_entries", "packet=pts_time,flags", url.path,
            ],
            url: url)
        return (Self.mediaInfo(json), Self.packets(json))
    }

    /// The first video stream's packets in file order, without decoding.
    public func packets(of url: URL) async throws -> [PacketInfo] {
        let json = try await decode(
            ["-print_format", "json", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", url.path],
            url: url)
        return Self.packets(json)
    }

    private static func packets(_ json: ProbeJSON) -> [PacketInfo] {
        (json.packets ?? []).compactMap { packet in
            guard let time = packet.pts_time.flatMap(Double.init) else { return nil }
            return PacketInfo(time: time, isKeyframe: packet.flags?.hasPrefix("K") ?? false)
        }
    }

    private static func mediaInfo(_ json: ProbeJSON) -> MediaInfo {
        let streams = json.streams ?? []
        return MediaInfo(
            formatName: json.format?.format_name ?? "",
            duration: json.format?.duration.flatMap(Double.init),
            tags: json.format?.tags ?? [:],
            video: streams.first { $0.codec_type == "video" }.flatMap(videoInfo),
            audioStreamCount: streams.filter { $0.codec_type == "audio" }.count)
    }

    private func decode(_ arguments: [String], url: URL) async throws -> ProbeJSON {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FFmpegError(.invalidRequest, "no such media file: \(url.path)", tool: "ffprobe")
        }
        let data = try await ffmpeg.probeOutput(arguments, purpose: "read \(url.path)")
        do {
            return try JSONDecoder().decode(ProbeJSON.self, from: data)
        } catch {
            throw FFmpegError(
                .invalidOutput, "ffprobe's JSON for \(url.path) could not be read: \(error)", tool: "ffprobe")
        }
    }

    private static func videoInfo(_ stream: ProbeJSON.Stream) -> VideoStreamInfo? {
        guard let width = stream.width, let height = stream.height else { return nil }
        return VideoStreamInfo(
            codec: stream.codec_name ?? "",
            profile: stream.profile,
            pixelFormat: stream.pix_fmt,
            width: width,
            height: height,
            frameRate: stream.r_frame_rate.flatMap(Rational.init(parsing:)),
            averageFrameRate: stream.avg_frame_rate.flatMap(Rational.init(parsing:)),
            duration: stream.duration.flatMap(Double.init),
            frameCount: (stream.nb_read_frames ?? stream.nb_frames).flatMap { Int($0) },
            colorSpace: stream.color_space,
            colorRange: stream.color_range,
            extradataHash: stream.extradata_hash)
    }
}
