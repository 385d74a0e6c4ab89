import Foundation

/// The boxes before a joined film's sample data: `ftyp`, a `moov` with one video track whose
/// sample table ``MP4Joiner`` worked out, and the `mdat` header. Each stretch is one chunk, its
/// samples back to back in the order the stretches come.
struct MP4Layout {
    struct Track {
        var sizes: [Int] = []
        /// 1-based sample numbers of sync samples.
        var sync: [Int] = []
        var compositionOffsets: [Int] = []
        /// Samples in each chunk (one chunk per stretch).
        var chunkSamples: [Int] = []
        /// Where the first frame is shown, in media time: the edit list starts the film there.
        var lead = 0
    }

    var track: Track
    var sampleDescription: Data
    var timescale: Int
    var delta: Int
    var width: Int
    var height: Int
    var comment: String

    /// Movie time units per second (the track's own scale is `timescale`).
    private static let movieTimescale = 1000

    /// `ftyp`, `moov` and the 16-byte `mdat` header, with chunk offsets pointing past them.
    func header() -> Data {
        let fileType = box("ftyp", Data("isom".utf8) + Self.uint32(0x200) + Data("isomiso2avc1mp41".utf8))
        // The chunk offsets' values do not change the moov's size: measure it, then write it.
        let size = fileType.count + movie(dataStart: 0).count + 16
        let total = track.sizes.reduce(0, +)
        return fileType + movie(dataStart: size) + Self.uint32(1) + Data("mdat".utf8) + Self.uint64(16 + total)
    }

    private func movie(dataStart: Int) -> Data {
        let samples = track.sizes.count
        let mediaDuration = samples * delta
        let movieDuration = Int((Double(mediaDuration) * Double(Self.movieTimescale) / Double(timescale)).rounded())
        let header =
            Self.uint32(0) + Self.uint32(0) + Self.uint32(0) + Self.uint32(Self.movieTimescale)
            + Self.uint32(movieDuration) + Self.uint32(0x0001_0000) + Self.uint16(0x0100) + Data(count: 10)
            + Self.matrix + Data(count: 24) + Self.uint32(2)
        let trackHeader =
            Self.uint32(0x0000_0003) + Self.uint32(0) + Self.uint32(0) + Self.uint32(1) + Self.uint32(0)
            + Self.uint32(movieDuration) + Data(count: 8) + Self.uint16(0) + Self.uint16(0) + Self.uint16(0)
            + Self.uint16(0) + Self.matrix + Self.uint32(width << 16) + Self.uint32(height << 16)
        let edits = box(
            "edts",
            box(
                "elst",
                Self.uint32(0) + Self.uint32(1) + Self.uint32(movieDuration) + Self.uint32(track.lead)
                    + Self.uint32(0x0001_0000)))
        let mediaHeader =
            Self.uint32(0) + Self.uint32(0) + Self.uint32(0) + Self.uint32(timescale) + Self.uint32(mediaDuration)
            + Self.uint16(0x55C4) + Self.uint16(0)
        let handler =
            Self.uint32(0) + Self.uint32(0) + Data("vide".utf8) + Data(count: 12) + Data("VideoHandler\0".utf8)
        let information = box(
            "minf",
            box("vmhd", Self.uint32(1) + Data(count: 8))
                + box("dinf", box("dref", Self.uint32(0) + Self.uint32(1) + box("url ", Self.uint32(1))))
                + box("stbl", sampleTable(dataStart: dataStart)))
        let media = box("mdia", box("mdhd", mediaHeader) + box("hdlr", handler) + information)
        let trackBox = box("trak", box("tkhd", trackHeader) + edits + media)
        return box("moov", box("mvhd", header) + trackBox + userData)
    }

    private func sampleTable(dataStart: Int) -> Data {
        let samples = track.sizes.count
        var composition = Data()
        var runs = 0
        var index = 0
        while index < samples {
            var end = index + 1
            while end < samples, track.compositionOffsets[end] == track.compositionOffsets[index] { end += 1 }
            composition += Self.uint32(end - index) + Self.uint32(track.compositionOffsets[index])
            runs += 1
            index = end
        }
        var chunks = Data()
        var chunkRuns = 0
        var offsets = Data()
        var offset = dataStart
        var first = 0
        for (number, count) in track.chunkSamples.enumerated() {
            if number == 0 || track.chunkSamples[number - 1] != count {
                chunks += Self.uint32(number + 1) + Self.uint32(count) + Self.uint32(1)
                chunkRuns += 1
            }
            offsets += Self.uint64(offset)
            offset += track.sizes[first..<(first + count)].reduce(0, +)
            first += count
        }
        return sampleDescription
            + box("stts", Self.uint32(0) + Self.uint32(1) + Self.uint32(samples) + Self.uint32(delta))
            + box("ctts", Self.uint32(0) + Self.uint32(runs) + composition)
            + box(
                "stss",
                Self.uint32(0) + Self.uint32(track.sync.count)
                    + track.sync.reduce(into: Data()) {
                        $0 += Self.uint32($1)
                    })
            + box(
                "stsz",
                Self.uint32(0) + Self.uint32(0) + Self.uint32(samples)
                    + track.sizes.reduce(into: Data()) {
                        $0 += Self.uint32($1)
                    })
            + box("stsc", Self.uint32(0) + Self.uint32(chunkRuns) + chunks)
            + box("co64", Self.uint32(0) + Self.uint32(track.chunkSamples.count) + offsets)
    }

    /// `udta › meta › ilst › ©cmt › data`: the comment, where ``MP4VideoTrack`` reads it.
    private var userData: Data {
        let handler =
            Self.uint32(0) + Self.uint32(0) + Data("mdir".utf8) + Data("appl".utf8) + Data(count: 8) + Data([0])
        let text = box("data", Self.uint32(1) + Self.uint32(0) + Data(comment.utf8))
        let items = box("ilst", box("\u{A9}cmt", text))
        return box("udta", box("meta", Self.uint32(0) + box("hdlr", handler) + items))
    }

    private func box(_ type: String, _ payload: Data) -> Data {
        // Box types are bytes (`©` is 0xA9), one per character.
        Self.uint32(8 + payload.count) + Data(type.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) + payload
    }

    private static let matrix =
        uint32(0x0001_0000) + uint32(0) + uint32(0) + uint32(0) + uint32(0x0001_0000) + uint32(0) + uint32(0)
        + uint32(0) + uint32(0x4000_0000)

    private static func uint16(_ value: Int) -> Data { Data([UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]) }

    private static func uint32(_ value: Int) -> Data {
        Data([UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    private static func uint64(_ value: Int) -> Data { uint32(value >> 32) + uint32(value & 0xFFFF_FFFF) }
}
