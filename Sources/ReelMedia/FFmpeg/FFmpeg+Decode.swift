import Foundation

extension FFmpeg {
    /// Decodes the first video stream of `url` into raw frames of `format`, handing each frame's bytes
    /// to `body` in display order; `body` returns `false` to stop early.
    ///
    /// - Parameters:
    ///   - width, height: the size ffmpeg delivers; pass the video's own size unless `filters` scale it.
    ///   - inputOptions: options before `-i` (e.g. `-ss`).
    ///   - filters: a `-vf` chain, applied before conversion to `format`.
    ///   - frameLimit: stop after this many frames.
    /// - Returns: how many frames were handed to `body`.
    @discardableResult
    nonisolated(nonsending) public func decodeFrames(
        of url: URL, format: RawPixelFormat, width: Int, height: Int, inputOptions: [String] = [],
        filters: [String] = [], frameLimit: Int? = nil, _ body: ([UInt8]) async throws -> Bool
    ) async throws -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FFmpegError.invalidRequest("no such video file: \(url.path)")
        }
        let arguments = Self.decodeArguments(
            of: url, format: format, inputOptions: inputOptions, filters: filters, frameLimit: frameLimit)
        let frameBytes = format.frameByteCount(width: width, height: height)
        return try await withOutput(arguments, purpose: "decode \(url.path)") { output in
            var count = 0
            while let frame = try await output.read(exactly: frameBytes) {
                count += 1
                guard try await body(frame) else { break }
            }
            return count
        }
    }

    /// ffmpeg arguments that write the first video stream of `url` to stdout as raw `format` frames.
    static func decodeArguments(
        of url: URL, format: RawPixelFormat, inputOptions: [String] = [], filters: [String] = [],
        frameLimit: Int? = nil
    ) -> [String] {
        var arguments = inputOptions + ["-i", url.path, "-map", "0:v:0", "-an", "-sn"]
        if !filters.isEmpty { arguments += ["-vf", filters.joined(separator: ",")] }
        if let frameLimit { arguments += ["-frames:v", String(frameLimit)] }
        return arguments + ["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", format.ffmpegName, "pipe:1"]
    }

    /// Every frame of a video as RGBA, in display order. Meant for short clips and tests: all frames stay in memory.
    public func rgbaFrames(of url: URL, limit: Int? = nil) async throws -> [RGBAImage] {
        let (width, height) = try await videoSize(of: url)
        var frames: [RGBAImage] = []
        try await decodeFrames(of: url, format: .rgba, width: width, height: height, frameLimit: limit) { bytes in
            frames.append(RGBAImage(width: width, height: height, pixels: bytes))
            return true
        }
        return frames
    }

    /// The last frame of a video as RGBA, e.g. to start the next shot from where this clip ends.
    /// Decodes only the final second, keeping one frame in memory.
    public func lastFrame(of url: URL) async throws -> RGBAImage {
        let (width, height) = try await videoSize(of: url)
        var last: [UInt8]?
        for seek in [["-sseof", "-1"], []] {
            try await decodeFrames(of: url, format: .rgba, width: width, height: height, inputOptions: seek) { bytes in
                last = bytes
                return true
            }
            // A seek near the end can land past the last keyframe in odd files; then decode it all.
            if last != nil { break }
        }
        guard let last else {
            throw FFmpegError(.invalidOutput, "\(url.path) has no video frames to take the last one from")
        }
        return RGBAImage(width: width, height: height, pixels: last)
    }

    private func videoSize(of url: URL) async throws -> (Int, Int) {
        guard let video = try await FFprobe(self).info(of: url).video, video.width > 0, video.height > 0 else {
            throw FFmpegError(.invalidOutput, "\(url.path) has no video stream", tool: "ffprobe")
        }
        return (video.width, video.height)
    }
}
