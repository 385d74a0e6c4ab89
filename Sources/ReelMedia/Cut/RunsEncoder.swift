import Foundation

/// Encodes every re-encoded run of a cut as one stream: decoded parts in, transitions blended in
/// Swift, one libx264 out. Each run starts with an IDR frame so the stream can be split into its runs.
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

    /// Where the encoded runs go.
    enum Destination {
        /// One file (the film itself, when nothing is copied).
        case file(URL)
        /// One MP4 piece per run, named `name-NNN.mp4` in the directory.
        case pieces(URL, name: String)
    }

    /// Encodes `runs` in order; `decoding` says where each part's frames come from. Returns the files written.
    @discardableResult
    func encode(
        _ runs: [CutLayout.Run], decoding: (CutLayout.Part) -> PartDecoding, to destination: Destination,
        written: @Sendable () -> Void
    ) async throws -> [URL] {
        let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: plan.size, fps: plan.fps, settings: plan.encoder.withKeyframes([]))
        let decoder = PartsDecoder(ffmpeg: ffmpeg, size: plan.size, fps: plan.fps)
        let body: (FFmpegInput) async throws -> Void = { input in
            for batch in Self.batches(runs) {
                let parts = batch.flatMap { [$0.first, $0.second].compactMap { $0 } }
                try await decoder.withFrames(parts.map(decoding)) { output in
                    for run in batch {
                        try await feed(run, from: output, frameBytes: encoder.frameByteCount, into: input, written: written)
                    }
                }
            }
        }
        switch destination {
        case .file(let url):
            try await encoder.encode(to: url, body)
            return [url]
        case .pieces(let directory, let name):
            return try await encoder.encode(toPiecesIn: directory, name: name, splittingAt: Self.starts(of: runs), body)
        }
    }

    /// Groups runs so no decoding process gets more than ``PartsDecoder/batchLimit`` parts.
    private static func batches(_ runs: [CutLayout.Run]) -> [[CutLayout.Run]] {
        var batches: [[CutLayout.Run]] = []
        var current: [CutLayout.Run] = []
        var parts = 0
        for run in runs {
            let count = (run.first == nil ? 0 : 1) + (run.second == nil ? 0 : 1)
            if parts + count > PartsDecoder.batchLimit && !current.isEmpty {
                batches.append(current)
                current = []
                parts = 0
            }
            current.append(run)
            parts += count
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
                    FrameBlend.fade(&frame, lumaCount: lumaCount,
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
                    FrameBlend.fade(&frame, lumaCount: lumaCount,
                                    brightness: FrameBlend.fadeBrightness(distance: index, frames: side))
                default:
                    break
                }
                try await write(frame)
            }
        }
    }
}
