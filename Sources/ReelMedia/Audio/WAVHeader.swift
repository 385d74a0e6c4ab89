import Foundation

/// The format and length of a PCM WAV file, read from its RIFF chunks.
public struct WAVHeader: Sendable, Hashable {
    public var sampleRate: Int
    public var channels: Int
    public var bitsPerSample: Int
    /// Bytes of sample data.
    public var dataBytes: Int

    /// Seconds of audio.
    public var duration: Double {
        let frameBytes = channels * max(1, bitsPerSample / 8)
        guard sampleRate > 0, frameBytes > 0 else { return 0 }
        return Double(dataBytes / frameBytes) / Double(sampleRate)
    }

    /// Reads the header of `data`; `nil` when it is not a PCM WAV file. A data chunk claiming more
    /// bytes than the file holds (a writer that never went back to fix it) counts what is there.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(1 << 16))
        func text(_ offset: Int) -> String? {
            guard offset + 4 <= bytes.count else { return nil }
            return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        }
        func integer(_ offset: Int, _ size: Int) -> Int? {
            guard offset + size <= bytes.count else { return nil }
            return (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard text(0) == "RIFF", text(8) == "WAVE" else { return nil }
        var offset = 12
        var format: (rate: Int, channels: Int, bits: Int)?
        while let id = text(offset), let size = integer(offset + 4, 4) {
            let body = offset + 8
            if id == "fmt " {
                guard let channels = integer(body + 2, 2), let rate = integer(body + 4, 4),
                    let bits = integer(body + 14, 2)
                else { return nil }
                format = (rate, channels, bits)
            } else if id == "data", let format {
                sampleRate = format.rate
                channels = format.channels
                bitsPerSample = format.bits
                dataBytes = min(size, data.count - body)
                return
            }
            offset = body + size + size % 2
        }
        return nil
    }
}
