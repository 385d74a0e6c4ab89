import Foundation

/// Cuts a ``CutPlan`` into one MP4 (H.264, yuv420p, `+faststart`).
///
/// Clips that Reel encoded itself with the plan's settings, size and rate — and with IDR frames where
/// ``CutPlan/keyframes(forClipAt:)`` asks — are copied bit for bit; only the frames of each transition
/// (and whatever lies between a transition and the nearest IDR frame) are decoded, blended in Swift and
/// encoded again with the same settings. Other clips are decoded, fitted to the film's size and rate,
/// and re-encoded whole. The pieces are joined with ffmpeg's concat demuxer without re-encoding.
///
/// ```swift
/// let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: project.appendingPathComponent("film.mp4"))
/// print(report.duration, report.copiedFrames)
/// ```
public struct Cutter: Sendable {
    public var ffmpeg: FFmpeg
    /// How many ffmpeg processes run at once.
    public var concurrency: Int

    public init(ffmpeg: FFmpeg, concurrency: Int = 2) {
        self.ffmpeg = ffmpeg
        self.concurrency = max(1, concurrency)
    }

    /// Makes the film at `url`, replacing any file there only once the film is complete.
    /// - Parameters:
    ///   - reencodeEverything: skip the copy path (for comparison and as a last resort).
    ///   - progress: called with the fraction of film frames done.
    @discardableResult
    public func cut(
        _ plan: CutPlan, to url: URL, reencodeEverything: Bool = false,
        progress: (@Sendable (Double) -> Void)? = nil
    ) async throws -> CutReport {
        let timeline = try plan.timeline()
        let work = url.deletingLastPathComponent().appendingPathComponent(".reel-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let tally = FrameTally(total: timeline.frameCount, report: progress)

        var entries = try await prepareEntries(plan, timeline: timeline, work: work)
        let copyable = reencodeEverything ? false : try await copiesJoinCleanly(entries, plan: plan, work: work)
        if !copyable {
            for index in entries.indices { entries[index].media = EntryMedia(kind: .foreign) }
        }
        let layout = CutLayout(timeline: timeline, media: entries.map(\.media))
        let snapshot = entries
        try await forEach(Array(layout.copies.enumerated()), width: concurrency) { index, copy in
            guard let copy else { return nil }
            var entry = snapshot[index]
            try await entry.split(copy: copy, index: index, into: work, ffmpeg: ffmpeg)
            tally.add(copy.count)
            return entry
        } store: { index, entry in entries[index] = entry }

        var files: [URL] = []
        var runs: [(CutLayout.Run, URL)] = []
        for piece in layout.pieces {
            switch piece {
            case .copy(let part):
                guard let segment = entries[part.entry].copySegment else {
                    throw FFmpegError(.invalidOutput, "entry \(part.entry + 1) was not split as planned")
                }
                files.append(segment)
            case .run(let run):
                let file = work.appendingPathComponent("run\(run.index).mp4")
                runs.append((run, file))
                files.append(file)
            }
        }
        let encoder = RunEncoder(ffmpeg: ffmpeg, plan: plan, timeline: timeline)
        let split = entries
        try await forEach(runs, width: concurrency) { run, file in
            try await encoder.encode(
                run, first: run.first.map { decoding(of: $0, entries: split) },
                second: run.second.map { decoding(of: $0, entries: split) }, to: file, written: { tally.add(1) })
            return ()
        } store: { _, _ in }

        try await concatenate(files, frames: layout.pieces.map(\.frameCount), plan: plan, work: work, to: url)
        progress?(1)
        let foreign = entries.indices.filter { if case .foreign = entries[$0].media.kind { true } else { false } }
        return CutReport(
            frameCount: timeline.frameCount, duration: timeline.duration, copiedFrames: layout.copiedFrames,
            encodedFrames: timeline.frameCount - layout.copiedFrames, reencodedEntries: foreign)
    }

    /// Renders cards to clips (Reel's own, keyed for the cut) and probes every clip.
    private func prepareEntries(_ plan: CutPlan, timeline: CutTimeline, work: URL) async throws -> [CutEntry] {
        var entries: [CutEntry?] = Array(repeating: nil, count: plan.entries.count)
        try await forEach(Array(plan.entries.enumerated()), width: concurrency) { index, entry in
            let url: URL
            switch entry.source {
            case .clip(let clip):
                url = clip
            case .card(let image):
                url = work.appendingPathComponent("card\(index).mp4")
                let path = CameraPath(
                    move: .static, sourceWidth: image.width, sourceHeight: image.height, aspect: plan.size.aspect,
                    duration: entry.duration)
                try await CameraRenderer(ffmpeg: ffmpeg).render(
                    still: image, path: path, frameCount: timeline.entryFrames[index], fps: plan.fps, size: plan.size,
                    to: url, encoder: plan.encoder.withKeyframes(timeline.keyframes(forEntry: index)))
            }
            return try await CutEntry.analyze(url, plan: plan, index: index, ffmpeg: ffmpeg)
        } store: { index, entry in entries[index] = entry }
        return entries.compactMap { $0 }
    }

    /// Copied pieces and re-encoded runs can share one stream only if the encoder today writes the same
    /// SPS/PPS as it did for the clips (another ffmpeg build might not); a two-frame encode tells.
    private func copiesJoinCleanly(_ entries: [CutEntry], plan: CutPlan, work: URL) async throws -> Bool {
        let own = entries.filter { if case .own = $0.media.kind { true } else { false } }
        guard !own.isEmpty else { return true }
        let reference = work.appendingPathComponent("reference.mp4")
        let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: plan.size, fps: plan.fps, settings: plan.encoder.withKeyframes([]))
        try await encoder.encode(to: reference) { input in
            let black = YUVFrame(width: plan.size.width, height: plan.size.height)
            for _ in 0..<2 { try await input.write(black.bytes) }
        }
        let hash = try await FFprobe(ffmpeg).info(of: reference).video?.extradataHash
        return hash != nil && own.allSatisfy { $0.extradataHash == hash }
    }

    private func decoding(of part: CutLayout.Part, entries: [CutEntry]) -> PartDecoding {
        let entry = entries[part.entry]
        guard case .own = entry.media.kind else {
            return PartDecoding(url: entry.url, skip: part.range.lowerBound, count: part.range.count, fit: true)
        }
        if part.range.lowerBound > 0, let tail = entry.tailSegment {
            return PartDecoding(url: tail, skip: 0, count: part.range.count, fit: false)
        }
        return PartDecoding(url: entry.url, skip: part.range.lowerBound, count: part.range.count, fit: false)
    }

    /// Joins the pieces with the concat demuxer, stream-copied. Each piece's duration is given
    /// explicitly (its frames over the rate): a piece's container duration includes its B-frame
    /// delay, and trusting it would leave gaps in the timestamps.
    private func concatenate(_ files: [URL], frames: [Int], plan: CutPlan, work: URL, to url: URL) async throws {
        var list = "ffconcat version 1.0\n"
        for (file, count) in zip(files, frames) {
            let escaped = file.path.replacingOccurrences(of: "'", with: "'\\''")
            list += "file '\(escaped)'\nduration \(String(format: "%.6f", Double(count) / Double(plan.fps)))\n"
        }
        let listURL = work.appendingPathComponent("pieces.ffconcat")
        try Data(list.utf8).write(to: listURL)
        let partial = work.appendingPathComponent("film.mp4")
        try await ffmpeg.run(
            ["-f", "concat", "-safe", "0", "-i", listURL.path, "-map", "0:v:0", "-c", "copy", "-movflags", "+faststart",
             "-metadata", "comment=\(plan.encoder.fingerprint)", "-f", "mp4", partial.path],
            purpose: "join the film's pieces")
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: partial, to: url)
    }

    /// Runs `body` over `items` with at most `width` at once; `store` receives results on this task.
    private func forEach<Item: Sendable, Output: Sendable>(
        _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async throws -> Output?,
        store: (Int, Output) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Output?).self) { group in
            var next = 0
            func start() {
                let index = next
                let item = items[index]
                group.addTask { (index, try await body(item)) }
                next += 1
            }
            while next < min(width, items.count) { start() }
            while let (index, output) = try await group.next() {
                if let output { store(index, output) }
                if next < items.count { start() }
            }
        }
    }
}

/// Counts finished film frames across concurrent tasks and reports the fraction.
final class FrameTally: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: (@Sendable (Double) -> Void)?
    private var done = 0

    init(total: Int, report: (@Sendable (Double) -> Void)?) {
        self.total = max(1, total)
        self.report = report
    }

    func add(_ frames: Int) {
        guard let report else { return }
        lock.lock()
        done += frames
        let fraction = min(1, Double(done) / Double(total))
        lock.unlock()
        report(fraction)
    }
}
