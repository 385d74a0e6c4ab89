import Foundation
import ReelMedia

/// What tests read from a film's audio: PCM decoded by ffmpeg and measured by window.
enum AudioSignal {
    /// The first audio stream as mono 16-bit samples at `rate` Hz, low-passed at `lowpass` Hz
    /// when given.
    static func samples(of file: URL, rate: Int = 8000, lowpass: Int? = nil) throws -> [Int16] {
        let filter = lowpass.map { ["-af", "lowpass=f=\($0):poles=2,lowpass=f=\($0):poles=2"] } ?? []
        let data = try FFmpegTool.run(
            ["-v", "error", "-i", file.path, "-map", "0:a:0"] + filter
                + ["-ac", "1", "-ar", String(rate), "-f", "s16le", "-"])
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    /// Root mean square, 0…1, of `samples` between `start` and `end` seconds.
    static func rms(_ samples: [Int16], from start: Double, to end: Double, rate: Int = 8000) -> Double {
        let lower = max(0, Int(start * Double(rate)))
        let upper = min(samples.count, Int(end * Double(rate)))
        guard upper > lower else { return 0 }
        let sum = samples[lower..<upper].reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(upper - lower)).squareRoot() / 32768
    }

    /// The audio stream's codec, channels, sample rate and duration, as ffprobe reports them.
    static func stream(of file: URL) throws -> (codec: String, channels: Int, rate: Int, duration: Double)? {
        let text = String(
            decoding: try FFmpegTool.run(
                "ffprobe",
                [
                    "-v", "error", "-select_streams", "a:0", "-show_entries",
                    "stream=codec_name,channels,sample_rate,duration", "-of", "default=noprint_wrappers=1", file.path,
                ]), as: UTF8.self)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let codec = fields["codec_name"], let channels = fields["channels"].flatMap(Int.init),
            let rate = fields["sample_rate"].flatMap(Int.init), let duration = fields["duration"].flatMap(Double.init)
        else { return nil }
        return (codec, channels, rate, duration)
    }
}
