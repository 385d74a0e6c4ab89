import Foundation

/// Cuts a ``CutPlan`` into one MP4 (H.264, yuv420p, `+faststart` unless asked not to).
///
/// Clips that Reel encoded itself with the plan's settings, size and rate — ideally with IDR frames
/// where ``CutPlan/keyframes(forClipAt:)`` asks — are copied bit for bit between IDR frames; only
/// each transition (and whatever lies between it and the nearest IDR frame) is decoded, blended in
/// Swift and encoded again with the same settings. Other clips are decoded, fitted to the film's size
/// and rate, and re-encoded whole. Pieces are joined by ffmpeg's concat demuxer without re-encoding.
///
/// ```swift
/// let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: project.appendingPathComponent("film.mp4"))
/// print(report.duration, report.copiedFrames)
/// ```
public struct Cutter: Sendable {
    public var ffmpeg: FFmpeg
    /// How many pipelines (decoder, blend, encoder) and card renders run at once; 2 suits a 2-core machine.
    public var concurrency: Int
    /// Where encoded transitions are kept for the next cut, if anywhere.
    public var runCache: CutRunCache?
    /// Whether the film's index goes before its data, for playback while it downloads. A
    /// picture that is muxed again with its sound (which moves the index itself) skips that
    /// second write of the whole file.
    public var fastStart: Bool
    /// Whether copies and runs are joined in Swift (``MP4Joiner``); false splits and joins them
    /// with ffmpeg's segment muxer and concat demuxer, the path for files the joiner does not
    /// follow, kept here for comparison.
    public var joinsInSwift = true

    public init(ffmpeg: FFmpeg, concurrency: Int = 2, runCache: CutRunCache? = nil, fastStart: Bool = true) {
        self.ffmpeg = ffmpeg
        self.concurrency = max(1, concurrency)
        self.runCache = runCache
        self.fastStart = fastStart
    }

    /// Makes the film at `url`, replacing any file there only once the film is complete.
    /// - Parameters:
    ///   - reencodeEverything: skip the copy path (for comparison, or as a last resort).
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

        var entries = try await prepareEntries(plan, timeline: timeline, work: work)
        if reencodeEverything { entries = entries.map(\.asForeign) }
        let film = work.appendingPathComponent("film.mp4")
        var layout = CutLayout(timeline: timeline, media: entries.map(\.media))
        var reusedFrames = 0
        if layout.copiedFrames == 0 {
            try await encodeWhole(
                layout, entries: entries, plan: plan, timeline: timeline, work: work, to: film, progress: progress)
        } else if let reused = try await joinCopies(
            layout, entries: &entries, plan: plan, timeline: timeline, work: work, to: film,
            progress: progress)
        {
            reusedFrames = reused
        } else {
            // This ffmpeg encodes with other stream parameters than the clips were made with: they
            // cannot share one stream, so everything is encoded again.
            entries = entries.map(\.asForeign)
            layout = CutLayout(timeline: timeline, media: entries.map(\.media))
            try await encodeWhole(
                layout, entries: entries, plan: plan, timeline: timeline, work: work, to: film, progress: progress)
        }
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: film, to: url)
        progress?(1)
        return CutReport(
            frameCount: timeline.frameCount, duration: timeline.duration, copiedFrames: layout.copiedFrames,
            encodedFrames: timeline.frameCount - layout.copiedFrames - reusedFrames,
            reencodedEntries: entries.indices.filter { !entries[$0].isOwn }, reusedFrames: reusedFrames)
    }

    /// No copies: the runs are the whole film, encoded in two lanes and joined.
    private func encodeWhole(
        _ layout: CutLayout, entries: [CutEntry], plan: CutPlan, timeline: CutTimeline, work: URL, to film: URL,
        progress: (@Sendable (Double) -> Void)?
    ) async throws {
        let tally = FrameTally(total: timeline.frameCount, report: progress)
        let pieces = try await RunsEncoder(ffmpeg: ffmpeg, plan: plan, timeline: timeline).encode(
            runJobs(layout, entries: entries), into: work, name: "whole", lanes: concurrency, pieceEachRun: false,
            written: { tally.add(1) })
        if pieces.count == 1, let only = pieces.first {
            try FileManager.default.moveItem(at: only.url, to: film)
        } else {
            try await concatenate(pieces.map(\.url), frames: pieces.map(\.frames), plan: plan, work: work, to: film)
        }
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
        } store: { index, entry in
            entries[index] = entry
        }
        return entries.compactMap { $0 }
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

extension CutEntry {
    /// The same entry, to be decoded and re-encoded rather than copied.
    var asForeign: CutEntry {
        var copy = self
        copy.media = EntryMedia(kind: .foreign)
        copy.copySegment = nil
        return copy
    }
}
