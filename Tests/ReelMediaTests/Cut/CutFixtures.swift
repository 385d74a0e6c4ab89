import Foundation
import ReelKit
import Testing

@testable import ReelMedia

/// Clips, cards and checks for the cut's tests.
enum CutFixtures {
    static let size = VideoSize(width: 320, height: 136)

    /// A colourful still with texture, different for each `hue`, so clips are told apart and moves show.
    static func still(hue: Int, width: Int = 480, height: Int = 204) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let checker = ((x / 12 + y / 12) % 2) * 60
                let r = UInt8((x * 180 / width + hue * 70 + checker) % 256)
                let g = UInt8((y * 200 / height + hue * 40) % 256)
                let b = UInt8((hue * 90 + checker + (x + y) % 40) % 256)
                image[x, y] = (r, g, b, 255)
            }
        }
        return image
    }

    /// Three of Reel's own clips in `directory` (`a`, `b`, `c`: 1.5 s, 2 s, 1.5 s; a 0.5 s
    /// crossfade, then a 0.5 s fade), rendered as the camera backend would; 108 film frames.
    static func threeOwnClips(_ ffmpeg: FFmpeg, in directory: URL) async throws -> CutPlan {
        let plan = CutPlan(
            fps: 24, size: size,
            clips: [
                .init(
                    url: directory.appendingPathComponent("a.mp4"), duration: 1.5, transition: .crossfade(seconds: 0.5)),
                .init(url: directory.appendingPathComponent("b.mp4"), duration: 2, transition: .fade(seconds: 0.5)),
                .init(url: directory.appendingPathComponent("c.mp4"), duration: 1.5),
            ])
        for (index, move) in [CameraMove.pushIn, .panLeft, .drift].enumerated() {
            try await renderOwnClip(ffmpeg, plan: plan, index: index, move: move)
        }
        return plan
    }

    /// Renders clip `index` of `plan` as Reel's camera backend would, keyed for the cut.
    static func renderOwnClip(_ ffmpeg: FFmpeg, plan: CutPlan, index: Int, move: CameraMove) async throws {
        let clip = plan.clips[index]
        try await CameraRenderer(ffmpeg: ffmpeg).render(
            still: still(hue: index), move: move, duration: clip.duration, fps: plan.fps, size: plan.size,
            to: clip.url, encoder: plan.encoder.withKeyframes(try plan.keyframes(forClipAt: index)))
    }

    /// The film as the plan says it should be, built from decoded entry frames with the transition
    /// rules written out independently; `exact` marks frames no transition touches.
    static func expectedFilm(entries: [[YUVFrame]], timeline: CutTimeline) -> [(frame: [Double], exact: Bool)] {
        let transitions = timeline.transitions
        var film: [(frame: [Double], exact: Bool)] = []
        func pixels(_ frame: YUVFrame) -> [Double] { frame.bytes.map(Double.init) }
        func darken(_ frame: YUVFrame, _ brightness: Double) -> [Double] {
            frame.bytes.enumerated().map { i, value in
                let black = i < frame.chromaOffset ? 16.0 : 128.0
                return black + (Double(value) - black) * brightness
            }
        }
        for (k, frames) in entries.enumerated() {
            let n = timeline.entryFrames[k]
            // Frames of a clip beyond its end hold its last frame.
            let frame = { (i: Int) in frames[min(i, frames.count - 1)] }
            let opening = k > 0 ? transitions[k - 1] : .cut
            let closing = k < transitions.count ? transitions[k] : .cut
            let skip = opening.overlap
            for i in skip..<n {
                let fromEnd = n - 1 - i
                switch (opening, closing) {
                case (.fade(let f), _) where i < f:
                    film.append((darken(frame(i), Double(2 * i + 1) / Double(2 * f)), false))
                case (_, .fade(let f)) where fromEnd < f:
                    film.append((darken(frame(i), Double(2 * fromEnd + 1) / Double(2 * f)), false))
                case (_, .crossfade(let f)) where fromEnd < f:
                    let j = f - 1 - fromEnd
                    let w = (Double(j) + 0.5) / Double(f)
                    let next = entries[k + 1][min(j, entries[k + 1].count - 1)]
                    film.append((zip(pixels(frame(i)), pixels(next)).map { $0 * (1 - w) + $1 * w }, false))
                default:
                    film.append((pixels(frame(i)), true))
                }
            }
        }
        return film
    }

    /// Compares a decoded film with the expected one: bit-exact where `exact`, close elsewhere.
    static func expectMatches(
        _ film: [YUVFrame], _ expected: [(frame: [Double], exact: Bool)],
        exactRequired: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(film.count == expected.count, sourceLocation: sourceLocation)
        var inexact: [Int] = []
        var far: [(Int, Double)] = []
        for (index, (frame, want)) in zip(film, expected).enumerated() {
            if want.exact && exactRequired {
                if frame.bytes.map(Double.init) != want.frame { inexact.append(index) }
            } else {
                let difference =
                    zip(frame.bytes, want.frame).map { abs(Double($0) - $1) }.reduce(0, +)
                    / Double(frame.bytes.count)
                // One more generation of crf 18 on a busy texture costs 1–3 levels on average; a frame
                // taken from the wrong place in a moving clip costs far more.
                if difference > 4 { far.append((index, difference)) }
            }
        }
        #expect(inexact.isEmpty, "frames not bit-identical to their clip: \(inexact)", sourceLocation: sourceLocation)
        #expect(far.isEmpty, "frames far from the planned picture: \(far)", sourceLocation: sourceLocation)
    }

    /// Presentation timestamps step by exactly one frame, from zero.
    static func expectContinuousTimestamps(
        _ ffmpeg: FFmpeg, _ url: URL, fps: Int,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let times = try await FFprobe(ffmpeg).packets(of: url).map(\.time).sorted()
        let irregular = zip(times, times.dropFirst()).enumerated().filter { abs($1.1 - $1.0 - 1 / Double(fps)) > 1e-4 }
        #expect(times.first.map { abs($0) < 1e-4 } == true, sourceLocation: sourceLocation)
        #expect(
            irregular.isEmpty, "timestamp steps off at packets \(irregular.map(\.offset))",
            sourceLocation: sourceLocation)
    }

    /// `+faststart`: the index (moov) comes before the media data (mdat).
    static func moovPrecedesMdat(_ url: URL) throws -> Bool {
        let data = try Data(contentsOf: url)
        guard let moov = data.range(of: Data("moov".utf8)), let mdat = data.range(of: Data("mdat".utf8)) else {
            return false
        }
        return moov.lowerBound < mdat.lowerBound
    }
}
