import Foundation

/// Encodes one run of a cut — the end of one entry, a transition, the start of the next — from two
/// decoding ffmpegs into one encoding ffmpeg, blending in between.
struct RunEncoder: Sendable {
    let ffmpeg: FFmpeg
    let plan: CutPlan
    let timeline: CutTimeline

    /// Encodes `run` to `url`; `first` and `second` say how to decode its parts. `written` is told
    /// after each frame reaches the encoder.
    func encode(
        _ run: CutLayout.Run, first: PartDecoding?, second: PartDecoding?, to url: URL,
        written: @Sendable () -> Void
    ) async throws {
        let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: plan.size, fps: plan.fps, settings: plan.encoder.withKeyframes([]))
        let frameBytes = encoder.frameByteCount
        try await withPart(first, entry: run.first?.entry ?? 0, frameBytes: frameBytes) { firstReader in
            try await withPart(second, entry: run.second?.entry ?? 0, frameBytes: frameBytes) { secondReader in
                try await encoder.encode(to: url) { input in
                    var firstReader = firstReader
                    var secondReader = secondReader
                    try await feed(run, &firstReader, &secondReader, into: input, written: written)
                }
            }
        }
    }

    private func feed(
        _ run: CutLayout.Run, _ first: inout PartReader?, _ second: inout PartReader?, into input: FFmpegInput,
        written: @Sendable () -> Void
    ) async throws {
        let lumaCount = plan.size.width * plan.size.height
        let transition = first != nil && second != nil ? run.transition : .cut
        let overlap = transition.overlap
        if var reader = first, let part = run.first {
            let entryFrames = timeline.entryFrames[part.entry]
            for index in part.range.dropLast(overlap) {
                var frame = try await reader.next()
                if case .fade(let frames) = transition, entryFrames - 1 - index < frames {
                    let distance = entryFrames - 1 - index
                    FrameBlend.fade(&frame, lumaCount: lumaCount, brightness: FrameBlend.fadeBrightness(distance: distance, frames: frames))
                }
                try await input.write(frame)
                written()
            }
            first = reader
        }
        if overlap > 0, var a = first, var b = second {
            for index in 0..<overlap {
                let mixed = FrameBlend.crossfade(
                    try await a.next(), try await b.next(),
                    weight: FrameBlend.crossfadeWeight(index: index, frames: overlap))
                try await input.write(mixed)
                written()
            }
            first = a
            second = b
        }
        if var reader = second, let part = run.second {
            for index in part.range.dropFirst(overlap) {
                var frame = try await reader.next()
                if case .fade(let frames) = transition, index < frames {
                    FrameBlend.fade(&frame, lumaCount: lumaCount, brightness: FrameBlend.fadeBrightness(distance: index, frames: frames))
                }
                try await input.write(frame)
                written()
            }
            second = reader
        }
    }

    /// Runs a decoder for `part` (if any) around `body`.
    private func withPart(
        _ part: PartDecoding?, entry: Int, frameBytes: Int, _ body: (PartReader?) async throws -> Void
    ) async throws {
        guard let part else { return try await body(nil) }
        try await ffmpeg.withOutput(
            part.arguments(size: plan.size, fps: plan.fps), purpose: "decode \(part.url.lastPathComponent)"
        ) { output in
            try await body(PartReader(output: output, frameBytes: frameBytes, count: part.count, entry: entry))
        }
    }
}
