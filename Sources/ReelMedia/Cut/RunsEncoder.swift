import Foundation

/// Encodes the re-encoded runs of a cut: decoded parts in, transitions blended in Swift, libx264 out.
/// Each lane is one decoding ffmpeg (for many parts at once) and one encoding ffmpeg whose output is
/// cut into one MP4 piece per run as it is written, each piece starting with an IDR frame.
struct RunsEncoder: Sendable {
    let ffmpeg: FFmpeg
    let plan: CutPlan
    let timeline: CutTimeline

    /// Frame index in the encoded stream at which each run starts.
    static func starts(of runs: [CutLayout.Run]) -> [Int] {
        var starts: [Int] = []
        var next = 0
        for run in runs {
            starts.append(next)
            next += run.frameCount
        }
        return starts
    }

    /// A run with where its parts' frames come from.
    struct Job: Sendable {
        var run: CutLayout.Run
        var first: PartDecoding?
        var second: PartDecoding?
    }

    /// An encoded file and how many film frames it holds.
    struct Piece: Sendable {
        var url: URL
        var frames: Int
    }

    /// Encodes `jobs` in film order, in up to `lanes` pipelines (decoder → blend → encoder) running at
    /// once: one libx264 on short runs leaves cores idle. Each lane writes `name<lane>-NNN.mp4` in
    /// `directory`: one file per run when `pieceEachRun`, else one per lane.
    func encode(
        _ jobs: [Job], into directory: URL, name: String, lanes: Int, pieceEachRun: Bool,
        written: @escaping @Sendable () -> Void
    ) async throws -> [Piece] {
        let groups = Self.lanes(jobs, count: lanes)
        return try await withThrowingTaskGroup(of: (Int, [Piece]).self) { group in
            for (lane, jobs) in groups.enumerated() {
                group.addTask {
                    (
                        lane,
                        try await encodeLane(
                            jobs, into: directory, name: "\(name)\(lane)", pieceEachRun: pieceEachRun,
                            written: written)
                    )
                }
            }
            var pieces = Array(repeating: [Piece](), count: groups.count)
            for try await (lane, lanePieces) in group { pieces[lane] = lanePieces }
            return pieces.flatMap { $0 }
        }
    }

    private func encodeLane(
        _ jobs: [Job], into directory: URL, name: String, pieceEachRun: Bool, written: @Sendable () -> Void
    ) async throws -> [Piece] {
        let encoder = RawVideoEncoder(
            ffmpeg: ffmpeg, size: plan.size, fps: plan.fps, settings: plan.encoder.withKeyframes([]))
        let decoder = PartsDecoder(ffmpeg: ffmpeg, size: plan.size, fps: plan.fps)
        let runs = jobs.map(\.run)
        let starts = pieceEachRun ? Self.starts(of: runs) : []
        let files = try await encoder.encode(toPiecesIn: directory, name: name, splittingAt: starts) { input in
            for batch in Self.batches(jobs, frameBytes: plan.size.width * plan.size.height * 3 / 2) {
                let parts = batch.flatMap { [$0.first, $0.second].compactMap { $0 } }
                try await decoder.withFrames(parts) { output in
                    for job in batch {
                        try await feed(
                            job.run, from: output, frameBytes: encoder.frameByteCount, into: input, written: written)
                    }
                }
            }
        }
        let frames = pieceEachRun ? runs.map(\.frameCount) : [runs.map(\.frameCount).reduce(0, +)]
        return zip(files, frames).map { Piece(url: $0, frames: $1) }
    }

    /// Splits jobs into two contiguous groups of about equal frames when `count` > 1 (two lanes suit
    /// the 2-core machines Reel targets; more would fight over the same cores).
    static func lanes(_ jobs: [Job], count: Int) -> [[Job]] {
        guard count > 1, jobs.count > 1 else { return jobs.isEmpty ? [] : [jobs] }
        let frames = jobs.map(\.run.frameCount)
        let total = frames.reduce(0, +)
        var best = 1
        var bestLoad = Int.max
        var prefix = 0
        for split in 1..<jobs.count {
            prefix += frames[split - 1]
            let load = max(prefix, total - prefix)
            if load < bestLoad {
                best = split
                bestLoad = load
            }
        }
        return [Array(jobs[..<best]), Array(jobs[best...])]
    }

    /// Most bytes of decoded frames one decoding process is given: ffmpeg decodes all its inputs
    /// at once and holds each part's frames until the parts before it are read, so at 1080p
    /// sixteen parts of a crossfade each held over 500 MB.
    static let batchFrameBytes = 96 << 20

    /// Groups runs so no decoding process gets more than ``PartsDecoder/batchLimit`` parts, or
    /// more frames than ``batchFrameBytes`` hold at the film's size (always at least one run).
    static func batches(_ jobs: [Job], frameBytes: Int) -> [[Job]] {
        let frameLimit = max(1, batchFrameBytes / max(1, frameBytes))
        var batches: [[Job]] = []
        var current: [Job] = []
        var parts = 0
        var frames = 0
        for run in jobs {
            let count = (run.first == nil ? 0 : 1) + (run.second == nil ? 0 : 1)
            let runFrames = (run.first?.count ?? 0) + (run.second?.count ?? 0)
            if !current.isEmpty && (parts + count > PartsDecoder.batchLimit || frames + runFrames > frameLimit) {
                batches.append(current)
                current = []
                parts = 0
                frames = 0
            }
            current.append(run)
            parts += count
            frames += runFrames
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Reads one run's parts from the decoder and writes the run's frames to the encoder. A crossfade
    /// holds the first part's last frames until the second part's first frames arrive to blend with.
    private func feed(
        _ run: CutLayout.Run, from output: FFmpegOutput, frameBytes: Int, into input: FFmpegInput,
        written: @Sendable () -> Void
    ) async throws {
        let lumaCount = plan.size.width * plan.size.height
        let transition = run.first != nil && run.second != nil ? run.transition : .cut
        func read() async throws -> [UInt8] {
            guard let frame = try await output.read(exactly: frameBytes) else {
                throw FFmpegError(.invalidOutput, "ffmpeg delivered fewer frames than the cut asked for")
            }
            return frame
        }
        func write(_ frame: [UInt8]) async throws {
            try await input.write(frame)
            written()
        }
        var held: [[UInt8]] = []
        if let part = run.first {
            let frames = timeline.entryFrames[part.entry]
            for index in part.range {
                var frame = try await read()
                let fromEnd = frames - 1 - index
                switch transition {
                case .crossfade(let overlap) where fromEnd < overlap:
                    held.append(frame)
                    continue
                case .fade(let side) where fromEnd < side:
                    FrameBlend.fade(
                        &frame, lumaCount: lumaCount,
                        brightness: FrameBlend.fadeBrightness(distance: fromEnd, frames: side))
                default:
                    break
                }
                try await write(frame)
            }
        }
        if let part = run.second {
            for index in part.range {
                var frame = try await read()
                switch transition {
                case .crossfade(let overlap) where index < overlap && index < held.count:
                    frame = FrameBlend.crossfade(
                        held[index], frame, weight: FrameBlend.crossfadeWeight(index: index, frames: overlap))
                case .fade(let side) where index < side:
                    FrameBlend.fade(
                        &frame, lumaCount: lumaCount,
                        brightness: FrameBlend.fadeBrightness(distance: index, frames: side))
                default:
                    break
                }
                try await write(frame)
            }
        }
    }
}
