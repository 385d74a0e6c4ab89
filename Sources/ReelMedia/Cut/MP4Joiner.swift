import Foundation

/// Joins stretches of H.264 MP4 files that share one decoder configuration into one MP4, in
/// Swift, by copying their samples' bytes and writing one sample table: no ffmpeg, no probing,
/// no re-muxing of pieces split beforehand. The index goes first (`moov` before `mdat`).
///
/// Each stretch must start at a sync sample of a closed GOP, so that its samples in decoding
/// order are exactly the frames it shows; the cut's copies and runs are made that way.
struct MP4Joiner {
    /// Samples `samples` (decoding order) of the file at `url`.
    struct Stretch {
        var url: URL
        var samples: Range<Int>
    }

    /// Writes `stretches` to `output` with `comment` as its `©cmt` tag. Returns false, writing
    /// nothing, when the files cannot share one track (another codec configuration, size, time
    /// scale or frame rate) or one cannot be read: the caller joins them another way.
    static func join(_ stretches: [Stretch], comment: String, to output: URL) throws -> Bool {
        var tables: [URL: MP4SampleTable] = [:]
        for stretch in stretches where tables[stretch.url] == nil {
            guard let table = MP4SampleTable.read(stretch.url) else { return false }
            tables[stretch.url] = table
        }
        guard let first = stretches.first.flatMap({ tables[$0.url] }) else { return false }
        for stretch in stretches {
            guard let table = tables[stretch.url], table.codec == first.codec,
                table.decoderConfiguration == first.decoderConfiguration, table.width == first.width,
                table.height == first.height,
                table.timescale == first.timescale, table.sampleDelta == first.sampleDelta,
                stretch.samples.lowerBound >= 0, stretch.samples.upperBound <= table.count, !stretch.samples.isEmpty,
                table.syncSamples.contains(stretch.samples.lowerBound)
            else { return false }
        }
        let track = joinedTrack(stretches, tables: tables, delta: first.sampleDelta)
        guard let track else { return false }
        let layout = MP4Layout(
            track: track, sampleDescription: first.sampleDescription, timescale: first.timescale,
            delta: first.sampleDelta, width: first.width, height: first.height, comment: comment)
        try write(layout, stretches: stretches, tables: tables, to: output)
        return true
    }

    /// The joined track's samples: sizes, sync flags and composition offsets made continuous.
    private static func joinedTrack(
        _ stretches: [Stretch], tables: [URL: MP4SampleTable], delta: Int
    ) -> MP4Layout.Track? {
        var track = MP4Layout.Track()
        // Within a stretch, a sample is shown `shown` after the stretch's first; across the film
        // it is shown at (its stretch's start + shown). Its decoding time is its index × delta,
        // so its composition offset is shown − its place in the stretch × delta, plus one lead
        // for all that keeps every offset ≥ 0.
        var relative: [Int] = []
        var lead = 0
        for stretch in stretches {
            guard let table = tables[stretch.url] else { return nil }
            let base = table.compositionOffsets[stretch.samples.lowerBound]
            for (place, sample) in stretch.samples.enumerated() {
                let shown = table.compositionOffsets[sample] - base + place * delta
                guard shown >= 0, shown < stretch.samples.count * delta else { return nil }
                relative.append(shown - place * delta)
                lead = max(lead, place * delta - shown)
                track.sizes.append(table.sizes[sample])
                if table.syncSamples.contains(sample) { track.sync.append(track.sizes.count) }
            }
            track.chunkSamples.append(stretch.samples.count)
        }
        track.compositionOffsets = relative.map { $0 + lead }
        track.lead = lead
        return track
    }

    private static func write(
        _ layout: MP4Layout, stretches: [Stretch], tables: [URL: MP4SampleTable], to output: URL
    ) throws {
        let temporary = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).joining")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CutError(
                "cannot write the joined film beside \(output.path); check the folder's permissions and space")
        }
        do {
            let file = try FileHandle(forWritingTo: temporary)
            defer { try? file.close() }
            try file.write(contentsOf: layout.header())
            var handles: [URL: FileHandle] = [:]
            defer { handles.values.forEach { try? $0.close() } }
            for stretch in stretches {
                guard let table = tables[stretch.url] else { continue }
                let source = try handles[stretch.url] ?? FileHandle(forReadingFrom: stretch.url)
                handles[stretch.url] = source
                // Samples back to back in the source are read as one span.
                var sample = stretch.samples.lowerBound
                while sample < stretch.samples.upperBound {
                    let start = table.offsets[sample]
                    var end = start + table.sizes[sample]
                    sample += 1
                    while sample < stretch.samples.upperBound, table.offsets[sample] == end, end - start < 8 << 20 {
                        end += table.sizes[sample]
                        sample += 1
                    }
                    try source.seek(toOffset: UInt64(start))
                    guard let bytes = try source.read(upToCount: end - start), bytes.count == end - start else {
                        throw CutError("\(stretch.url.lastPathComponent) ends before its samples do")
                    }
                    try file.write(contentsOf: bytes)
                }
            }
            try file.synchronize()
            if rename(temporary.path, output.path) != 0 {
                throw CutError("cannot move the joined film to \(output.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
