import Foundation

/// The copy path: split Reel's own clips at their IDR frames, encode only the runs, join the pieces.
extension Cutter {
    /// Splits the own clips, encodes the runs the ``runCache`` lacks, and joins copies and runs.
    /// Returns how many frames came from cached runs, or nil (and makes nothing) when the runs'
    /// stream parameters differ from the clips'.
    func joinCopies(
        _ layout: CutLayout, entries: inout [CutEntry], plan: CutPlan, timeline: CutTimeline, work: URL,
        to film: URL, progress: (@Sendable (Double) -> Void)?
    ) async throws -> Int? {
        // Copied pieces and runs become one stream: they must share one SPS/PPS.
        let copied = layout.copies.indices.filter { layout.copies[$0] != nil }
        let configurations = Set(copied.map { entries[$0].decoderConfiguration })
        guard configurations.count == 1, let configuration = configurations.first, configuration != nil else {
            return nil
        }
        let tally = FrameTally(total: timeline.frameCount, report: progress)
        let splitter = StreamSplitter(ffmpeg: ffmpeg)
        var splits: [(entry: Int, job: StreamSplitter.Job)] = []
        for (index, copy) in layout.copies.enumerated() {
            guard let copy, case .own(_, let available) = entries[index].media.kind else { continue }
            let points = [copy.lowerBound, copy.upperBound].filter { $0 > 0 && $0 < available }
            if points.isEmpty {
                entries[index].copySegment = entries[index].url
            } else {
                splits.append((index, .init(url: entries[index].url, frames: points, name: "entry\(index)")))
            }
            tally.add(copy.count)
        }
        // Splitting (stream copy) and encoding the transitions need nothing from each other: the
        // runs read their frames from the clips themselves, starting at keyframes.
        let jobs = runJobs(layout, entries: entries)
        let keys = jobs.map { runCache?.key(of: $0, plan: plan) }
        var runPieces: [URL?] = keys.map { key in key.flatMap { runCache?.file(for: $0) } }
        let reused = zip(jobs, runPieces).filter { $0.1 != nil }.reduce(0) { $0 + $1.0.run.frameCount }
        tally.add(reused)
        let missing = runPieces.indices.filter { runPieces[$0] == nil }
        async let splitPieces = splitter.split(splits.map(\.job), into: work)
        let encoded = try await RunsEncoder(ffmpeg: ffmpeg, plan: plan, timeline: timeline).encode(
            missing.map { jobs[$0] }, into: work, name: "run", lanes: concurrency, pieceEachRun: true,
            written: { tally.add(1) })
        for (index, piece) in zip(missing, encoded) {
            if let runCache, let key = keys[index] {
                runPieces[index] = runCache.keep(piece.url, key: key)
            } else {
                runPieces[index] = piece.url
            }
        }
        for ((index, _), pieces) in zip(splits, try await splitPieces) {
            guard let copy = layout.copies[index] else { continue }
            entries[index].copySegment = pieces[copy.lowerBound > 0 ? 1 : 0]
        }
        // Another ffmpeg build may encode with other parameters than the clips were made with
        // (or than a cached run was).
        for piece in runPieces.compactMap({ $0 }) where MP4VideoTrack.read(piece)?.decoderConfiguration != configuration
        {
            runCache?.prune(keeping: [])
            return nil
        }

        var files: [URL] = []
        var nextRun = runPieces.makeIterator()
        for piece in layout.pieces {
            switch piece {
            case .copy(let part):
                guard let segment = entries[part.entry].copySegment else {
                    throw FFmpegError(.invalidOutput, "entry \(part.entry + 1) was not split as planned")
                }
                files.append(segment)
            case .run:
                guard let file = nextRun.next() ?? nil else {
                    throw FFmpegError(.invalidOutput, "a run went missing")
                }
                files.append(file)
            }
        }
        try await concatenate(files, frames: layout.pieces.map(\.frameCount), plan: plan, work: work, to: film)
        runCache?.prune(keeping: Set(keys.compactMap { $0 }))
        return reused
    }

    func runJobs(_ layout: CutLayout, entries: [CutEntry]) -> [RunsEncoder.Job] {
        layout.pieces.compactMap { piece in
            guard case .run(let run) = piece else { return nil }
            return RunsEncoder.Job(
                run: run, first: run.first.map { decoding(of: $0, entries: entries) },
                second: run.second.map { decoding(of: $0, entries: entries) })
        }
    }

    func decoding(of part: CutLayout.Part, entries: [CutEntry]) -> PartDecoding {
        let entry = entries[part.entry]
        guard entry.isOwn else {
            return PartDecoding(url: entry.url, skip: part.range.lowerBound, count: part.range.count, fit: entry.fit)
        }
        if part.range.lowerBound > 0, case .own(let keyframes, _) = entry.media.kind,
            keyframes.contains(part.range.lowerBound)
        {
            // Reel's own clips have an IDR where a copied stretch ends and the tail's run begins:
            // read from there, so the run need not wait for the clip to be split.
            return PartDecoding(
                url: entry.url, skip: 0, count: part.range.count, fit: .none, seek: part.range.lowerBound)
        }
        return PartDecoding(url: entry.url, skip: part.range.lowerBound, count: part.range.count, fit: .none)
    }

    /// Joins the pieces with the concat demuxer, stream-copied. Each piece's duration is given
    /// explicitly (its frames over the rate): a piece's container duration includes its B-frame
    /// delay, and trusting it would leave gaps in the timestamps.
    func concatenate(_ files: [URL], frames: [Int], plan: CutPlan, work: URL, to film: URL) async throws {
        var list = "ffconcat version 1.0\n"
        for (file, count) in zip(files, frames) {
            let escaped = file.path.replacingOccurrences(of: "'", with: "'\\''")
            list += "file '\(escaped)'\nduration \(String(format: "%.6f", Double(count) / Double(plan.fps)))\n"
        }
        let listURL = work.appendingPathComponent("pieces.ffconcat")
        try Data(list.utf8).write(to: listURL)
        try await ffmpeg.run(
            [
                "-f", "concat", "-safe", "0", "-i", listURL.path, "-map", "0:v:0", "-c", "copy",
            ] + (fastStart ? ["-movflags", "+faststart"] : []) + [
                "-metadata", "comment=\(plan.encoder.fingerprint)", "-f", "mp4", film.path,
            ],
            purpose: "join the film's pieces")
    }
}
