import Foundation
import ReelKit
import Testing

@testable import ReelMedia

@Suite struct CutterTests {
    private func decodedEntries(_ ffmpeg: FFmpeg, _ urls: [URL]) async throws -> [[YUVFrame]] {
        var entries: [[YUVFrame]] = []
        for url in urls { entries.append(try await MediaTest.yuvFrames(ffmpeg, of: url)) }
        return entries
    }

    @Test func ownClipsAreCopiedBitForBitAndOnlyTransitionsReencoded() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = try await CutFixtures.threeOwnClips(ffmpeg, in: directory)
            let film = directory.appendingPathComponent("film.mp4")
            let progress = ProgressLog()
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film, progress: progress.record)

            let timeline = try plan.timeline()
            #expect(timeline.frameCount == 108)
            #expect(report.frameCount == 108)
            #expect(report.copiedFrames == 24 + 30 + 30)
            #expect(report.encodedFrames == 12 + 6 + 6)
            #expect(report.reencodedEntries.isEmpty)
            #expect(progress.values.last == 1)

            let info = try await FFprobe(ffmpeg).info(of: film, countFrames: true)
            let video = try #require(info.video)
            #expect(video.frameCount == 108)
            #expect(
                video.width == 320 && video.height == 136 && video.pixelFormat == "yuv420p" && video.codec == "h264")
            #expect(abs((info.duration ?? 0) - 4.5) < 1.0 / 24)
            #expect(try CutFixtures.moovPrecedesMdat(film))
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)

            let entries = try await decodedEntries(ffmpeg, plan.clips.map(\.url))
            let expected = CutFixtures.expectedFilm(entries: entries, timeline: timeline)
            CutFixtures.expectMatches(try await MediaTest.yuvFrames(ffmpeg, of: film), expected, exactRequired: true)
            #expect(expected.filter(\.exact).count == 84)
        }
    }

    /// ffmpeg's split-and-concat path, for clips the Swift joiner does not follow, makes the
    /// same film frame for frame.
    @Test func joiningWithFFmpegInsteadGivesTheSameFilm() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = try await CutFixtures.threeOwnClips(ffmpeg, in: directory)
            let swift = directory.appendingPathComponent("swift.mp4")
            let joined = directory.appendingPathComponent("ffmpeg.mp4")
            var cutter = Cutter(ffmpeg: ffmpeg, runCache: CutRunCache(directory: directory.appending(path: "runs")))
            let first = try await cutter.cut(plan, to: swift)
            cutter.joinsInSwift = false
            let second = try await cutter.cut(plan, to: joined)
            #expect(first.copiedFrames == second.copiedFrames && second.reusedFrames == first.encodedFrames)
            #expect(try await MediaTest.yuvFrames(ffmpeg, of: swift) == MediaTest.yuvFrames(ffmpeg, of: joined))
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, joined, fps: 24)
            #expect(try CutFixtures.moovPrecedesMdat(joined))
        }
    }

    @Test func titleAndEndCardsFadeInAndOutAndKeepTheLength() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let title = RGBAImage(width: 320, height: 136, fill: (200, 40, 40, 255))
            let end = RGBAImage(width: 640, height: 272, fill: (30, 60, 220, 255))
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                title: .init(image: title, duration: 1, transition: .fade(seconds: 0.5)),
                clips: [
                    .init(
                        url: directory.appendingPathComponent("a.mp4"), duration: 1.5,
                        transition: .crossfade(seconds: 0.25)),
                    .init(url: directory.appendingPathComponent("b.mp4"), duration: 1, transition: .fade(seconds: 1)),
                ],
                endCard: .init(image: end, duration: 1))
            for index in plan.clips.indices {
                try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: index, move: .pushIn)
            }
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film)
            let expectedFrames = 24 + 36 + 24 + 24 - 6
            #expect(report.frameCount == expectedFrames)
            #expect(report.reencodedEntries.isEmpty)
            let counted = try await FFprobe(ffmpeg).frameCount(of: film)
            #expect(counted == expectedFrames)
            let duration = try await FFprobe(ffmpeg).duration(of: film)
            #expect(abs(duration - Double(expectedFrames) / 24) < 1.0 / 24)
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)

            let frames = try await ffmpeg.rgbaFrames(of: film)
            let first = frames[0][160, 68]
            #expect(abs(Int(first.r) - 200) < 6 && abs(Int(first.g) - 40) < 6)
            let last = try #require(frames.last)[160, 68]
            #expect(abs(Int(last.b) - 220) < 6 && abs(Int(last.r) - 30) < 6)
            // The title's last frame is nearly black: the dip to black in the middle of the fade.
            let dip = frames[23][160, 68]
            #expect(dip.r < 30)
        }
    }

    @Test func foreignClipsAreFittedAndReencoded() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let squarish = directory.appendingPathComponent("cif.mp4")
            let sameSize = directory.appendingPathComponent("other.mp4")
            try await MediaTest.testSourceClip(
                ffmpeg, at: squarish, size: VideoSize(width: 352, height: 288), fps: 25, seconds: 1.2, crf: 30)
            try await MediaTest.testSourceClip(
                ffmpeg, at: sameSize, size: CutFixtures.size, fps: 24, seconds: 1.5, crf: 28)
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [
                    .init(url: squarish, duration: 1, transition: .crossfade(seconds: 0.5)),
                    .init(url: sameSize, duration: 1.5, transition: .cut),
                ])
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film)
            #expect(report.reencodedEntries == [0, 1])
            #expect(report.copiedFrames == 0)
            let info = try await FFprobe(ffmpeg).info(of: film, countFrames: true)
            let video = try #require(info.video)
            #expect(video.frameCount == 24 + 36 - 12)
            #expect(video.width == 320 && video.height == 136 && video.frameRate == Rational(24, 1))
            #expect(abs((info.duration ?? 0) - 2) < 1.0 / 24)
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)

            let frames = try await ffmpeg.rgbaFrames(of: film, limit: 1)
            // 352×288 fits into 320×136 as 166×136, centred: black bars left and right.
            let bar = frames[0][10, 68]
            #expect(Int(bar.r) + Int(bar.g) + Int(bar.b) < 20)
            let middle = frames[0][160, 40]
            #expect(Int(middle.r) + Int(middle.g) + Int(middle.b) > 60)
        }
    }

    @Test func ownClipsNextToAForeignOneAreStillCopied() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let foreign = directory.appendingPathComponent("foreign.mp4")
            try await MediaTest.testSourceClip(
                ffmpeg, at: foreign, size: CutFixtures.size, fps: 24, seconds: 1, crf: 30)
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [
                    .init(
                        url: directory.appendingPathComponent("a.mp4"), duration: 1.5,
                        transition: .crossfade(seconds: 0.5)),
                    .init(url: foreign, duration: 1, transition: .fade(seconds: 0.5)),
                    .init(url: directory.appendingPathComponent("c.mp4"), duration: 1.5),
                ])
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 0, move: .panRight)
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 2, move: .tiltUp)
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film)
            #expect(report.reencodedEntries == [1])
            #expect(report.copiedFrames == 24 + 30)
            let timeline = try plan.timeline()
            let entries = try await decodedEntries(ffmpeg, plan.clips.map(\.url))
            let expected = CutFixtures.expectedFilm(entries: entries, timeline: timeline)
            let decoded = try await MediaTest.yuvFrames(ffmpeg, of: film)
            // Bit-exact where copied; the foreign clip's own frames are re-encoded, hence only close.
            let copied = Set(0..<24).union(Set((24 + 12 + 6 + 6)..<(24 + 12 + 6 + 6 + 30)))
            CutFixtures.expectMatches(
                decoded, expected.enumerated().map { ($1.frame, $1.exact && copied.contains($0)) }, exactRequired: true)
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)
        }
    }

    @Test func reencodingEverythingGivesTheSameFilmWithinCompression() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [
                    .init(
                        url: directory.appendingPathComponent("a.mp4"), duration: 1,
                        transition: .crossfade(seconds: 0.5)),
                    .init(url: directory.appendingPathComponent("b.mp4"), duration: 1),
                ])
            for index in plan.clips.indices {
                try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: index, move: .pullOut)
            }
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film, reencodeEverything: true)
            #expect(report.copiedFrames == 0)
            let entries = try await decodedEntries(ffmpeg, plan.clips.map(\.url))
            let expected = CutFixtures.expectedFilm(entries: entries, timeline: try plan.timeline())
            CutFixtures.expectMatches(try await MediaTest.yuvFrames(ffmpeg, of: film), expected, exactRequired: false)
        }
    }

    @Test func aSingleClipIsCopiedWhole() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [.init(url: directory.appendingPathComponent("a.mp4"), duration: 1)])
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 0, move: .drift)
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film)
            #expect(report.copiedFrames == 24 && report.encodedFrames == 0)
            let clip = try await MediaTest.yuvFrames(ffmpeg, of: plan.clips[0].url)
            let cut = try await MediaTest.yuvFrames(ffmpeg, of: film)
            #expect(cut == clip)
        }
    }

    /// A clip rendered without the plan's keyframes cannot be split where the transitions are: the cut
    /// re-encodes more of it, and the film is still right.
    @Test func aClipWithoutThePlannedKeyframesIsReencodedAroundItsTransitions() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [
                    .init(
                        url: directory.appendingPathComponent("a.mp4"), duration: 1.5,
                        transition: .crossfade(seconds: 0.5)),
                    .init(
                        url: directory.appendingPathComponent("b.mp4"), duration: 1.5, transition: .fade(seconds: 0.5)),
                    .init(url: directory.appendingPathComponent("c.mp4"), duration: 1.5),
                ])
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 0, move: .pushIn)
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: CutFixtures.still(hue: 1), move: .panLeft, duration: 1.5, fps: 24, size: plan.size,
                to: plan.clips[1].url)
            try await CutFixtures.renderOwnClip(ffmpeg, plan: plan, index: 2, move: .tiltDown)
            let film = directory.appendingPathComponent("film.mp4")
            let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film)
            #expect(report.copiedFrames == 24 + 30)
            #expect(report.reencodedEntries.isEmpty)
            let timeline = try plan.timeline()
            #expect(try await FFprobe(ffmpeg).frameCount(of: film) == timeline.frameCount)
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)
            let entries = try await decodedEntries(ffmpeg, plan.clips.map(\.url))
            let expected = CutFixtures.expectedFilm(entries: entries, timeline: timeline)
            // Copied: the first 24 frames of a and the last 30 of c.
            let copied = Set(0..<24).union(Set((timeline.frameCount - 30)..<timeline.frameCount))
            CutFixtures.expectMatches(
                try await MediaTest.yuvFrames(ffmpeg, of: film),
                expected.enumerated().map { ($1.frame, $1.exact && copied.contains($0)) }, exactRequired: true)
        }
    }

    @Test func aMissingClipIsNamed() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let plan = CutPlan(
                fps: 24, size: CutFixtures.size,
                clips: [.init(url: URL(fileURLWithPath: "/nonexistent/shot.mp4"), duration: 1)])
            let film = directory.appendingPathComponent("film.mp4")
            let error = await #expect(throws: CutError.self) { try await Cutter(ffmpeg: ffmpeg).cut(plan, to: film) }
            #expect(error?.message.contains("/nonexistent/shot.mp4") == true)
            #expect(!FileManager.default.fileExists(atPath: film.path))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(leftovers.isEmpty)
        }
    }
}
