import Foundation

/// Every sample of an MP4's first video track: where its bytes are, how long it lasts and when it
/// is shown, read from the `moov` box alone. What ``MP4Joiner`` copies from.
struct MP4SampleTable: Sendable {
    /// Media time units per second.
    var timescale: Int
    /// Duration of every sample, in media time units (the joiner needs a constant rate).
    var sampleDelta: Int
    /// Bytes of each sample, in decoding order.
    var sizes: [Int]
    /// File offset of each sample's first byte.
    var offsets: [Int]
    /// Composition offset of each sample (shown at its decoding time plus this).
    var compositionOffsets: [Int]
    /// 0-based decoding indices of sync samples.
    var syncSamples: Set<Int>
    /// The whole `stsd` box (header included): codec, size and decoder configuration.
    var sampleDescription: Data
    /// The sample entry's type and `avcC` payload: files that agree on these can share a track
    /// (their `stsd` may still differ in hints such as `btrt`).
    var codec: String
    var decoderConfiguration: Data
    var width: Int
    var height: Int

    var count: Int { sizes.count }

    /// Reads `url`'s first video track; nil when the file is not an MP4 this reader follows
    /// (a variable frame rate, several sample descriptions, a track without sizes or offsets).
    static func read(_ url: URL) -> MP4SampleTable? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let moov = MP4VideoTrack.findTopLevel("moov", in: handle) else { return nil }
        let boxes = MP4Boxes(moov)
        for trak in boxes.children("trak") {
            guard let mdia = boxes.child("mdia", in: trak), let hdlr = boxes.child("hdlr", in: mdia),
                boxes.fourCC(at: hdlr.lowerBound + 8) == "vide"
            else { continue }
            return table(boxes, mdia: mdia)
        }
        return nil
    }

    private static func table(_ boxes: MP4Boxes, mdia: Range<Int>) -> MP4SampleTable? {
        guard let mdhd = boxes.child("mdhd", in: mdia), let minf = boxes.child("minf", in: mdia),
            let stbl = boxes.child("stbl", in: minf), let stsd = boxes.child("stsd", in: stbl),
            let stsz = boxes.child("stsz", in: stbl), let stts = boxes.child("stts", in: stbl),
            let stsc = boxes.child("stsc", in: stbl)
        else { return nil }
        let version = boxes.uint8(at: mdhd.lowerBound)
        guard let timescale = boxes.uint32(at: mdhd.lowerBound + (version == 1 ? 20 : 12)), timescale > 0,
            boxes.uint32(at: stsd.lowerBound + 4) == 1,
            let width = boxes.uint16(at: stsd.lowerBound + 8 + 32),
            let height = boxes.uint16(at: stsd.lowerBound + 8 + 34)
        else { return nil }
        let entry = stsd.lowerBound + 8
        guard let entrySize = boxes.uint32(at: entry), entrySize >= 86, entry + 86 <= stsd.upperBound,
            let codec = boxes.fourCC(at: entry + 4),
            let avcC = boxes.child("avcC", in: (entry + 86)..<min(entry + entrySize, stsd.upperBound))
        else { return nil }

        // stts: one run, or runs of one delta (a constant rate).
        guard let runs = boxes.uint32(at: stts.lowerBound + 4), runs >= 1, runs <= (stts.count - 8) / 8 else {
            return nil
        }
        var delta: Int?
        for run in 0..<runs {
            guard let value = boxes.uint32(at: stts.lowerBound + 12 + run * 8), delta == nil || delta == value else {
                return nil
            }
            delta = value
        }
        guard let sampleDelta = delta, sampleDelta > 0 else { return nil }

        // stsz: one size for all, or one each.
        guard let fixed = boxes.uint32(at: stsz.lowerBound + 4), let count = boxes.uint32(at: stsz.lowerBound + 8),
            count > 0, count <= 10_000_000
        else { return nil }
        var sizes: [Int]
        if fixed != 0 {
            sizes = Array(repeating: fixed, count: count)
        } else {
            guard count <= (stsz.count - 12) / 4 else { return nil }
            sizes = (0..<count).map { boxes.uint32(at: stsz.lowerBound + 12 + $0 * 4) ?? 0 }
        }

        guard let chunkOffsets = chunkOffsets(boxes, stbl: stbl),
            let offsets = sampleOffsets(boxes, stsc: stsc, chunks: chunkOffsets, sizes: sizes)
        else { return nil }

        var composition = Array(repeating: 0, count: count)
        if let ctts = boxes.child("ctts", in: stbl) {
            let signed = boxes.uint8(at: ctts.lowerBound) == 1
            guard let entries = boxes.uint32(at: ctts.lowerBound + 4), entries <= (ctts.count - 8) / 8 else {
                return nil
            }
            var index = 0
            for entry in 0..<entries {
                guard let samples = boxes.uint32(at: ctts.lowerBound + 8 + entry * 8),
                    let raw = boxes.uint32(at: ctts.lowerBound + 12 + entry * 8)
                else { return nil }
                let offset = signed ? Int(Int32(bitPattern: UInt32(raw))) : raw
                for _ in 0..<samples where index < count {
                    composition[index] = offset
                    index += 1
                }
            }
        }

        var sync = Set(0..<count)
        if let stss = boxes.child("stss", in: stbl), let entries = boxes.uint32(at: stss.lowerBound + 4),
            entries <= (stss.count - 8) / 4
        {
            sync = Set((0..<entries).compactMap { boxes.uint32(at: stss.lowerBound + 8 + $0 * 4).map { $0 - 1 } })
        }
        return MP4SampleTable(
            timescale: timescale, sampleDelta: sampleDelta, sizes: sizes, offsets: offsets,
            compositionOffsets: composition, syncSamples: sync,
            sampleDescription: boxes.data((stsd.lowerBound - 8)..<stsd.upperBound), codec: codec,
            decoderConfiguration: boxes.data(avcC), width: width, height: height)
    }

    /// `stco` (32-bit) or `co64` (64-bit) chunk offsets.
    private static func chunkOffsets(_ boxes: MP4Boxes, stbl: Range<Int>) -> [Int]? {
        if let stco = boxes.child("stco", in: stbl), let count = boxes.uint32(at: stco.lowerBound + 4),
            count <= (stco.count - 8) / 4
        {
            return (0..<count).map { boxes.uint32(at: stco.lowerBound + 8 + $0 * 4) ?? 0 }
        }
        if let co64 = boxes.child("co64", in: stbl), let count = boxes.uint32(at: co64.lowerBound + 4),
            count <= (co64.count - 8) / 8
        {
            return (0..<count).map { index in
                let at = co64.lowerBound + 8 + index * 8
                return (boxes.uint32(at: at) ?? 0) << 32 | (boxes.uint32(at: at + 4) ?? 0)
            }
        }
        return nil
    }

    /// Each sample's offset: `stsc` says how many samples each chunk holds, back to back.
    private static func sampleOffsets(_ boxes: MP4Boxes, stsc: Range<Int>, chunks: [Int], sizes: [Int]) -> [Int]? {
        guard let entries = boxes.uint32(at: stsc.lowerBound + 4), entries >= 1, entries <= (stsc.count - 8) / 12
        else { return nil }
        let runs: [(firstChunk: Int, samples: Int)] = (0..<entries).compactMap { entry in
            let at = stsc.lowerBound + 8 + entry * 12
            guard let first = boxes.uint32(at: at), let samples = boxes.uint32(at: at + 4) else { return nil }
            return (first, samples)
        }
        guard runs.count == entries else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(sizes.count)
        var sample = 0
        for (index, run) in runs.enumerated() {
            let lastChunk = index + 1 < runs.count ? runs[index + 1].firstChunk - 1 : chunks.count
            guard run.firstChunk >= 1, run.samples > 0, lastChunk <= chunks.count else { return nil }
            for chunk in run.firstChunk...max(run.firstChunk, lastChunk) where chunk <= lastChunk {
                var offset = chunks[chunk - 1]
                for _ in 0..<run.samples where sample < sizes.count {
                    offsets.append(offset)
                    offset += sizes[sample]
                    sample += 1
                }
            }
        }
        return offsets.count == sizes.count ? offsets : nil
    }
}
