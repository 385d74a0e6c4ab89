import Foundation

/// What the cut needs to know about an MP4's first video track, read straight from its `moov` box:
/// enough to decide whether a clip is Reel's own and where its IDR frames are, without starting
/// ffprobe (which costs more than the rest of a short cut's bookkeeping).
struct MP4VideoTrack: Sendable, Hashable {
    /// Sample entry type: `avc1` for H.264.
    var codec: String
    var width: Int
    var height: Int
    /// Media time units per second.
    var timescale: Int
    /// Duration of each sample in media time units, if all are equal (constant frame rate).
    var sampleDelta: Int?
    var sampleCount: Int
    /// 0-based decoding-order indices of sync samples; for a closed-GOP H.264 stream these are the
    /// IDR frames, and at an IDR frame the decoding index equals the display index.
    var syncSamples: [Int]
    /// The `avcC` payload (SPS and PPS); equal bytes mean two streams can be joined.
    var decoderConfiguration: Data
    /// The `©cmt` tag of the file (where Reel stores its encoder fingerprint).
    var comment: String?

    /// Frames per second, when the rate is constant and whole.
    var framesPerSecond: Int? {
        guard let sampleDelta, sampleDelta > 0, timescale % sampleDelta == 0 else { return nil }
        return timescale / sampleDelta
    }

    /// Reads `url`; `nil` if it is not an MP4 with an H.264-like video track this reader understands.
    static func read(_ url: URL) -> MP4VideoTrack? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let moov = findTopLevel("moov", in: handle) else { return nil }
        let boxes = MP4Boxes(moov)
        // udta › meta (a full box: 4 bytes of version and flags before its children) › ilst › ©cmt › data.
        let comment = boxes.child("udta").flatMap { boxes.child("meta", in: $0) }
            .flatMap { boxes.child("ilst", in: $0, skippingHeader: 4) }
            .flatMap { boxes.child("\u{A9}cmt", in: $0) }
            .flatMap { boxes.child("data", in: $0) }
            .map { data in
                String(decoding: boxes.data(min(data.lowerBound + 8, data.upperBound)..<data.upperBound), as: UTF8.self)
            }
        for trak in boxes.children("trak") {
            guard let mdia = boxes.child("mdia", in: trak), let hdlr = boxes.child("hdlr", in: mdia),
                boxes.fourCC(at: hdlr.lowerBound + 8) == "vide",
                var track = videoTrack(boxes, mdia: mdia)
            else { continue }
            track.comment = comment
            return track
        }
        return nil
    }

    private static func videoTrack(_ boxes: MP4Boxes, mdia: Range<Int>) -> MP4VideoTrack? {
        guard let mdhd = boxes.child("mdhd", in: mdia), let minf = boxes.child("minf", in: mdia),
            let stbl = boxes.child("stbl", in: minf), let stsd = boxes.child("stsd", in: stbl),
            let stsz = boxes.child("stsz", in: stbl), let stts = boxes.child("stts", in: stbl)
        else { return nil }
        let version = boxes.uint8(at: mdhd.lowerBound)
        guard let timescale = boxes.uint32(at: mdhd.lowerBound + (version == 1 ? 20 : 12)) else { return nil }
        // stsd: version/flags, count, then the first sample entry: size, type, 78 bytes of visual fields, children.
        let entry = stsd.lowerBound + 8
        guard let entrySize = boxes.uint32(at: entry), entrySize >= 86, entry + 86 <= stsd.upperBound,
            let codec = boxes.fourCC(at: entry + 4),
            let width = boxes.uint16(at: entry + 32), let height = boxes.uint16(at: entry + 34),
            let avcC = boxes.child("avcC", in: (entry + 86)..<min(entry + entrySize, stsd.upperBound)),
            let sampleCount = boxes.uint32(at: stsz.lowerBound + 8), let runs = boxes.uint32(at: stts.lowerBound + 4)
        else { return nil }
        // Counts come from the file: bound them by what the boxes can hold before looping or allocating.
        guard runs <= (stts.count - 8) / 8, sampleCount <= 10_000_000 else { return nil }
        var deltas = Set<Int>()
        for run in 0..<runs {
            guard let delta = boxes.uint32(at: stts.lowerBound + 12 + run * 8) else { return nil }
            deltas.insert(delta)
        }
        var sync = Array(0..<sampleCount)
        if let stss = boxes.child("stss", in: stbl), let count = boxes.uint32(at: stss.lowerBound + 4),
            count <= (stss.count - 8) / 4
        {
            sync = (0..<count).compactMap { boxes.uint32(at: stss.lowerBound + 8 + $0 * 4).map { $0 - 1 } }
        }
        return MP4VideoTrack(
            codec: codec, width: width, height: height, timescale: timescale,
            sampleDelta: deltas.count == 1 ? deltas.first : nil, sampleCount: sampleCount, syncSamples: sync,
            decoderConfiguration: boxes.data(avcC), comment: nil)
    }

    /// Loads the payload of the first top-level box of `type`, skipping the others (mdat) unread.
    static func findTopLevel(_ type: String, in handle: FileHandle) -> Data? {
        var offset: UInt64 = 0
        while true {
            guard (try? handle.seek(toOffset: offset)) != nil, let header = try? handle.read(upToCount: 16),
                header.count >= 8
            else { return nil }
            let bytes = [UInt8](header)
            var size = UInt64(bytes[0]) << 24 | UInt64(bytes[1]) << 16 | UInt64(bytes[2]) << 8 | UInt64(bytes[3])
            var headerSize: UInt64 = 8
            if size == 1, bytes.count >= 16 {
                size = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
                headerSize = 16
            }
            let name = String(decoding: bytes[4..<8], as: UTF8.self)
            if name == type {
                guard size == 0 || (size >= headerSize && size - headerSize <= 1 << 28),
                    (try? handle.seek(toOffset: offset + headerSize)) != nil
                else { return nil }
                let payload = size == 0 ? try? handle.readToEnd() : try? handle.read(upToCount: Int(size - headerSize))
                return payload
            }
            guard size >= headerSize else { return nil }
            let (next, overflow) = offset.addingReportingOverflow(size)
            guard !overflow else { return nil }
            offset = next
        }
    }
}
