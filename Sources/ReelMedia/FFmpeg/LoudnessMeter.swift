import Foundation

/// Measures loudness with ffmpeg's own EBU R128 filters: `loudnorm`'s first-pass statistics
/// (what its second, linear pass needs) and `ebur128`'s integrated loudness (to check a result).
///
/// ```swift
/// let lufs = try await LoudnessMeter(ffmpeg: ffmpeg).integratedLoudness(of: filmURL)
/// ```
public struct LoudnessMeter: Sendable {
    public var ffmpeg: FFmpeg

    public init(ffmpeg: FFmpeg) {
        self.ffmpeg = ffmpeg
    }

    /// What `loudnorm` measured of a file's first audio stream.
    public struct Measurement: Sendable, Hashable {
        /// Integrated loudness in LUFS; `-inf` for silence.
        public var integrated: Double
        public var truePeak: Double
        public var range: Double
        public var threshold: Double
        public var offset: Double
    }

    /// `loudnorm`'s measurement of `url` against `target` LUFS.
    public func measure(_ url: URL, target: Double) async throws -> Measurement {
        let lines = try await ffmpeg.runCollectingLog(
            [
                "-i", url.path, "-map", "0:a:0", "-af",
                "loudnorm=I=\(AudioMix.number(target)):TP=-1.5:LRA=11:print_format=json", "-f", "null", "-",
            ], purpose: "measure the loudness of \(url.lastPathComponent)")
        guard let open = lines.lastIndex(of: "{"), let close = lines[open...].firstIndex(of: "}") else {
            throw FFmpegError.invalidRequest("ffmpeg's loudnorm printed no measurement for \(url.lastPathComponent)")
        }
        let json = lines[open...close].joined(separator: "\n")
        let fields = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: String] ?? [:]
        func value(_ name: String) throws -> Double {
            guard let text = fields[name] else {
                throw FFmpegError.invalidRequest("ffmpeg's loudnorm measurement has no \(name)")
            }
            return Double(text) ?? -Double.infinity
        }
        return Measurement(
            integrated: try value("input_i"), truePeak: try value("input_tp"), range: try value("input_lra"),
            threshold: try value("input_thresh"), offset: try value("target_offset"))
    }

    /// The integrated loudness (EBU R128) of `url`'s first audio stream in LUFS; `-inf` for
    /// silence (ffmpeg reports −70, the absolute gate).
    public func integratedLoudness(of url: URL) async throws -> Double {
        let lines = try await ffmpeg.runCollectingLog(
            ["-i", url.path, "-map", "0:a:0", "-af", "ebur128", "-f", "null", "-"],
            purpose: "measure the loudness of \(url.lastPathComponent)")
        guard let summary = lines.lastIndex(where: { $0.hasPrefix("Integrated loudness") }),
            let line = lines[summary...].first(where: { $0.hasPrefix("I:") }),
            let value = Double(line.dropFirst(2).replacingOccurrences(of: "LUFS", with: "").trimmed)
        else {
            throw FFmpegError.invalidRequest(
                "ffmpeg's ebur128 printed no integrated loudness for \(url.lastPathComponent)")
        }
        return value <= -70 ? -Double.infinity : value
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
