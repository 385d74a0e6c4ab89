import Foundation

/// Mixes an ``AudioMix`` into an AAC stereo 48 kHz track and muxes it into a video, the video
/// stream copied untouched: the mix is rendered to a float WAV, measured with `loudnorm`, and
/// normalised in a second, linear `loudnorm` pass to the target integrated loudness; what that
/// misses (measured with `ebur128`) is made up by a plain gain of at most 2 dB as it is encoded. The result has exactly the mix's duration. Written atomically: a temporary file in
/// the output's folder, renamed over `output` when all went well.
///
/// ```swift
/// let mix = AudioMix(speech: [PlacedSpeech(file: line, start: 2.5)], duration: 30)
/// try await AudioMixer(ffmpeg: ffmpeg).mux(mix, into: videoOnly, to: film, scratch: tmp)
/// ```
public struct AudioMixer: Sendable {
    public var ffmpeg: FFmpeg
    /// AAC bit rate of the stereo track.
    public var bitRate: String

    public init(ffmpeg: FFmpeg, bitRate: String = "192k") {
        self.ffmpeg = ffmpeg
        self.bitRate = bitRate
    }

    /// What the mixer measured: the mix's loudness before normalisation (`-inf` when silent).
    public struct Report: Sendable, Hashable {
        public var measuredLUFS: Double
    }

    /// Renders the mix and muxes it into `video` in one go (``render(_:to:scratch:)`` then
    /// ``mux(video:audio:duration:to:)``). `scratch` holds the intermediate files; the caller removes it.
    @discardableResult
    public func mux(_ mix: AudioMix, into video: URL, to output: URL, scratch: URL) async throws -> Report {
        let audio = scratch.appending(path: "sound-\(UUID().uuidString).m4a")
        defer { try? FileManager.default.removeItem(at: audio) }
        let report = try await render(mix, to: audio, scratch: scratch)
        try await mux(video: video, audio: audio, duration: mix.duration, to: output)
        return report
    }

    /// Renders the mix to `output`, an AAC stereo 48 kHz file exactly `mix.duration` long at the
    /// target loudness, so a film whose picture changes can take it again without mixing anew.
    /// `scratch` holds the intermediate WAVs; the caller removes it.
    @discardableResult
    public func render(_ mix: AudioMix, to output: URL, scratch: URL) async throws -> Report {
        let wav = scratch.appending(path: "mix-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: wav) }
        let (inputs, graph) = mix.ffmpegInputsAndGraph()
        try await ffmpeg.run(
            inputs + ["-filter_complex", graph, "-map", "[out]", "-c:a", "pcm_f32le", "-ar", "48000", wav.path],
            purpose: "mix the film's sound")
        var measured = -Double.infinity
        var audio = wav
        var correction = 0.0
        if !mix.isSilent {
            let meter = LoudnessMeter(ffmpeg: ffmpeg)
            let measurement = try await meter.measure(wav, target: mix.targetLUFS)
            measured = measurement.integrated
            if measurement.integrated.isFinite {
                let filter =
                    "loudnorm=I=\(AudioMix.number(mix.targetLUFS)):TP=-1.5:LRA=11"
                    + ":measured_I=\(AudioMix.number(measurement.integrated))"
                    + ":measured_TP=\(AudioMix.number(measurement.truePeak))"
                    + ":measured_LRA=\(AudioMix.number(measurement.range))"
                    + ":measured_thresh=\(AudioMix.number(measurement.threshold))"
                    + ":offset=\(AudioMix.number(measurement.offset)):linear=true"
                audio = scratch.appending(path: "normalised-\(UUID().uuidString).wav")
                try await ffmpeg.run(
                    [
                        "-i", wav.path, "-af", "\(filter),aresample=48000,aformat=channel_layouts=stereo", "-c:a",
                        "pcm_f32le", audio.path,
                    ],
                    purpose: "normalise the film's loudness")
                // loudnorm leaves its linear mode when the gain would push peaks past its ceiling,
                // and its dynamic mode lands near, not on, the target: the rest is a plain gain.
                let reached = try await meter.integratedLoudness(of: audio)
                if reached.isFinite { correction = min(2, max(-2, mix.targetLUFS - reached)) }
            }
        }
        defer { if audio != wav { try? FileManager.default.removeItem(at: audio) } }
        try await Self.atomically(output) { temporary in
            try await ffmpeg.run(
                [
                    "-i", audio.path, "-af",
                    "volume=\(AudioMix.number(correction))dB,apad=whole_dur=\(AudioMix.number(mix.duration))",
                    "-c:a", "aac", "-b:a", bitRate, "-ac", "2", "-ar", "48000", "-t", AudioMix.number(mix.duration),
                    "-f", "mp4", temporary.path,
                ], purpose: "encode the film's sound")
        }
        return Report(measuredLUFS: measured)
    }

    /// Puts `audio` (from ``render(_:to:scratch:)``) beside `video`'s picture in `output`, both
    /// stream copied, `duration` seconds long.
    public func mux(video: URL, audio: URL, duration: Double, to output: URL) async throws {
        try await Self.atomically(output) { temporary in
            try await ffmpeg.run(
                [
                    "-i", video.path, "-i", audio.path, "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-t",
                    AudioMix.number(duration), "-movflags", "+faststart", "-f", "mp4", temporary.path,
                ], purpose: "mux the sound into \(output.lastPathComponent)")
        }
    }

    /// Runs `write` on a temporary file beside `output` and renames it over `output` when it succeeds.
    private static func atomically(_ output: URL, _ write: (URL) async throws -> Void) async throws {
        let temporary = output.deletingLastPathComponent().appending(
            path: ".\(output.deletingPathExtension().lastPathComponent)-\(UUID().uuidString).\(output.pathExtension)")
        do {
            try await write(temporary)
            if rename(temporary.path, output.path) != 0 {
                throw FFmpegError.invalidRequest(
                    "cannot move \(output.lastPathComponent) into place at \(output.path): \(String(cString: strerror(errno)))"
                )
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
