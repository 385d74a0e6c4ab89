import Foundation
import ReelKit
import Testing

@testable import ReelMedia

@Suite struct CutRunCacheTests {
    /// Three clips, crossfade then fade; clip `c` is made again between two cuts with the cache.
    @Test func aSecondCutEncodesOnlyTheTransitionsAroundTheChangedClip() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = try await CutFixtures.threeOwnClips(ffmpeg, in: directory)
            let cache = CutRunCache(directory: directory.appendingPathComponent("runs"))
            let cutter = Cutter(ffmpeg: ffmpeg, runCache: cache)
            let film = directory.appendingPathComponent("film.mp4")

            let first = try await cutter.cut(plan, to: film)
            #expect(first.reusedFrames == 0 && first.encodedFrames == 24)
            let again = try await cutter.cut(plan, to: film)
            #expect(again.reusedFrames == 24 && again.encodedFrames == 0)

            // The last shot animated again with another move: only the fade into it is encoded.
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 2, move: .pullOut)
            let edited = try await cutter.cut(plan, to: film)
            #expect(edited.reusedFrames == 12 && edited.encodedFrames == 12)
            #expect(edited.copiedFrames == first.copiedFrames)
            let cached = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
            #expect(cached.count == 2)

            // The film is the new clips' frames, blended where the plan says.
            let entries = try await withThrowingTaskGroup(of: (Int, [YUVFrame]).self) { group in
                for (index, clip) in plan.clips.enumerated() {
                    group.addTask { (index, try await MediaTest.yuvFrames(ffmpeg, of: clip.url)) }
                }
                var entries = Array(repeating: [YUVFrame](), count: plan.clips.count)
                for try await (index, frames) in group { entries[index] = frames }
                return entries
            }
            let expected = CutFixtures.expectedFilm(entries: entries, timeline: try plan.timeline())
            CutFixtures.expectMatches(try await MediaTest.yuvFrames(ffmpeg, of: film), expected, exactRequired: true)
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)
        }
    }
}
