import Foundation

/// The copy path: Reel's own clips copied sample for sample between their IDR frames, only the
/// runs encoded, all joined in one track.
extension Cutter {
    /// Encodes the runs the ``runCache`` lacks and joins copies and runs. Returns how many frames
    /// came from cached runs, or nil (and makes nothing) when the runs' stream parameters differ
    /// from the clips'.
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
        tally.add(layout.copiedFrames)
        let jobs = runJobs(layout, entries: entries)
        let keys = jobs.map { runCache?.key(of: $0, plan: plan) }
        var runPieces: [URL?] = keys.map { key in key.flatMap { runCache?.file(for: $0) } }
        let reused = zip(jobs, runPieces).filter { $0.1 != nil }.reduce(0) { $0 + $1.0.run.frameCount }
        tally.add(reused)
        let missing = runPieces.indices.filter { runPieces[$0] == nil }
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
        let runs = runPieces.compactMap { $0 }
        // Another ffmpeg build may encode with other parameters than the clips were made with
        // (or than a cached run was).
        for piece in runs where MP4VideoTrack.read(piece)?.decoderConfiguration != configuration {
            runCache?.prune(keeping: [])
            return nil
        }
        defer { runCache?.prune(keeping: Set(keys.compactMap { $0 })) }

        var nextRun = runs.makeIterator()
        var stretches: [MP4Joiner.Stretch] = []
        for piece in layout.pieces {
            switch piece {
            case .copy(let part):
                stretches.append(MP4Joiner.Stretch(url: entries[part.entry].url, samples: part.range))
            case .run(let run):
                guard let file = nextRun.next() else { throw FFmpegError(.invalidOutput, "a run went missing") }
                stretches.append(MP4Joiner.Stretch(url: file, samples: 0..<run.frameCount))
            }
        }
        if try joinsInSwift && MP4Joiner.join(stretches, comment: plan.encoder.fingerprint, to: film) {
            return reused
        }
        // A file the joiner does not follow: split the copies out with ffmpeg and concatenate.
        try await split(layout, entries: &entries, work: work)
        var files: [URL] = []
        for (piece, stretch) in zip(layout.pieces, stretches) {
            guard case .copy(let part) = piece else {
                files.append(stretch.url)
                continue
            }
            guard let segment = entries[part.entry].copySegment else {
                throw FFmpegError(.invalidOutput, "entry \(part.entry + 1) was not split as planned")
            }
            files.append(segment)
        }
        try await concatenate(files, frames: layout.pieces.map(\.frameCount), plan: plan, work: work, to: film)
        return reused
    }

    /// Cuts each copied stretch out of its clip by stream copy (`copySegment`); a clip copied
    /// whole is its own segment.
    private func split(_ layout: CutLayout, entries: inout [CutEntry], work: URL) async throws {
        var splits: [(entry: Int, job: StreamSplitter.Job)] = []
        for (index, copy) in layout.copies.enumerated() {
            guard let copy, case .own(_, let available) = entries[index].media.kind else { continue }
            let points = [copy.lowerBound, copy.upperBound].filter { $0 > 0 && $0 < available }
            if points.isEmpty {
                entries[index].copySegment = entries[index].url
            } else {
                splits.append((index, .init(url: entries[index].url, frames: points, name: "entry\(index)")))
            }
        }
        let pieces = try await StreamSplitter(ffmpeg: ffmpeg).split(splits.map(\.job), into: work)
        for ((index, _), pieces) in zip(splits, pieces) {
            guard let copy = layout.copies[index] else { continue }
            entries[index].copySegment = pieces[copy.lowerBound > 0 ? 1 : 0]
        }
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
