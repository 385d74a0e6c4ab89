import Foundation

extension AudioMix {
    /// ffmpeg's input options and `-filter_complex` graph that mix the track, labelled `[out]`:
    /// each line resampled to 48 kHz stereo and delayed to its start, the lines summed; the score
    /// looped, set to its volume, cut to the film and faded, then compressed by a sidechain keyed
    /// on the speech (the ducking); everything summed, padded with silence and cut to the film's
    /// exact length.
    func ffmpegInputsAndGraph() -> (inputs: [String], graph: String) {
        let length = Self.number(duration)
        let format = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo"
        var inputs: [String] = []
        var chains: [String] = []
        for (index, line) in speech.enumerated() {
            inputs += ["-i", line.file.path]
            let delay = Int((max(0, line.start) * 1000).rounded())
            chains.append("[\(index):a]\(format),adelay=delays=\(delay):all=1[s\(index)]")
        }
        switch speech.count {
        case 0: chains.append("anullsrc=r=48000:cl=stereo,atrim=duration=\(length)[speech]")
        case 1: chains.append("[s0]apad=whole_dur=\(length)[speech]")
        default:
            // Padded to the film's end: the compressor keyed on the speech stops when its key does.
            let labels = speech.indices.map { "[s\($0)]" }.joined()
            chains.append(
                "\(labels)amix=inputs=\(speech.count):normalize=0:duration=longest,apad=whole_dur=\(length)[speech]")
        }
        var last = "[speech]"
        if let music {
            if music.loop { inputs += ["-stream_loop", "-1"] }
            inputs += ["-i", music.file.path]
            var filters = [format, "volume=\(Self.number(music.volumeDB))dB", "atrim=duration=\(length)"]
            filters.append("apad=whole_dur=\(length)")
            if music.fadeIn > 0 { filters.append("afade=t=in:st=0:d=\(Self.number(min(music.fadeIn, duration)))") }
            if music.fadeOut > 0 {
                let fade = min(music.fadeOut, duration)
                filters.append("afade=t=out:st=\(Self.number(duration - fade)):d=\(Self.number(fade))")
            }
            chains.append("[\(speech.count):a]\(filters.joined(separator: ","))[music]")
            if music.duckDB > 0, !speech.isEmpty {
                chains.append("[speech]asplit=2[key][voice]")
                chains.append(
                    "[music][key]sidechaincompress=threshold=0.02:ratio=\(Self.number(Self.duckRatio(music.duckDB)))"
                        + ":attack=15:release=350[ducked]")
                chains.append("[ducked][voice]amix=inputs=2:normalize=0:duration=first[mixed]")
            } else {
                chains.append("[music][speech]amix=inputs=2:normalize=0:duration=first[mixed]")
            }
            last = "[mixed]"
        }
        chains.append("\(last)apad=whole_dur=\(length),atrim=duration=\(length)[out]")
        return (inputs, chains.joined(separator: ";"))
    }

    /// The compressor ratio that pulls music about `decibels` down while speech is some 20 dB
    /// above the sidechain's threshold, as espeak's and most recorded voices are.
    static func duckRatio(_ decibels: Double) -> Double {
        let clamped = min(max(decibels, 0), 19)
        return min(20, 20 / (20 - clamped))
    }

    /// A number as ffmpeg reads it: plain decimal, no exponent.
    static func number(_ value: Double) -> String { String(format: "%.6f", value) }
}
