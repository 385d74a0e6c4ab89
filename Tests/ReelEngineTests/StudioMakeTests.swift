import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// `reel make` on a real project: sketch frames, camera clips through real ffmpeg, a real store.
@Suite struct StudioMakeTests {
    @Test func makesAFilmAsLongAsItsShotsMinusCrossfades() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let report = try await TestStudio.open(directory).make()
            #expect(report.generated == ["wide", "face", "glow"])
            #expect(Set(report.autoPicked) == ["wide", "face", "glow"])
            let film = try #require(report.film)
            let ffprobe = FFprobe(try FFmpegLocator().locate())
            // 1 + 1 + 1 seconds, minus the 0.25 s crossfade out of "wide", at 12 fps.
            let duration = try await ffprobe.duration(of: film)
            #expect(abs(duration - 2.75) <= 1.0 / 12 + 1e-6)
            #expect(try await ffprobe.frameCount(of: film) == 33)
            for name in ["storyboard.gif", "storyboard.webp", "contact.png"] {
                #expect(FileManager.default.fileExists(atPath: directory.appending(path: "out/\(name)").path))
            }
            let gif = try Data(contentsOf: directory.appending(path: "out/storyboard.gif"))
            #expect(try GIFDecoder.decodeFrames(gif, limit: 10).count == 3)
        }
    }

    @Test func aSecondMakeWithNothingChangedDoesNothing() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            let before = try Data(contentsOf: directory.appending(path: "out/film.mp4"))
            let studio = try TestStudio.open(directory)
            let takesBefore = try studio.store.takes(shot: "wide").count
            let again = try await studio.make()
            #expect(again.nothingToDo)
            #expect(try studio.store.takes(shot: "wide").count == takesBefore)
            #expect(try Data(contentsOf: directory.appending(path: "out/film.mp4")) == before)
        }
    }

    @Test func editingOneShotRedoesItAndTheShotsFromItOnly() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let first = try TestStudio.open(directory)
            _ = try await first.make()
            try first.pick(shotID: "wide", candidate: CandidateReference(index: 3))
            let wideTakes = try first.store.takes(shot: "wide").map(\.id)

            let edited = TestFilms.threeShots.replacingOccurrences(of: "calm face, night", with: "calm face, dawn")
            try Data(edited.utf8).write(to: directory.appending(path: "film.yaml"))
            let studio = try TestStudio.open(directory)
            #expect(try studio.status().first { $0.id == "face" }?.state == .stale)
            let report = try await studio.make()

            #expect(report.generated == ["face", "glow"])
            #expect(Set(report.animated) == ["wide", "face", "glow"] || Set(report.animated) == ["face", "glow"])
            #expect(try studio.store.takes(shot: "wide").map(\.id) == wideTakes)
            let widePick = try #require(try studio.store.pick(for: "wide"))
            #expect(widePick.candidateIndex == 3 && !widePick.auto)
            #expect(try studio.store.takes(shot: "face").count == 2)
            #expect(try studio.status().allSatisfy { $0.state == .animated })
        }
    }

    @Test func aDamagedPickIsReportedAndRegeneratedNeverUsed() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            let log = ProgressLog()
            let studio = try TestStudio.open(directory, progress: log.sink)
            let picked = try #require(try studio.store.pickedCandidate(for: "face"))
            let url = studio.store.blobs.url(picked.blob)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
            try Data("not the image any more".utf8).write(to: url)

            _ = try await studio.make()
            #expect(log.all.contains { $0.contains("face") && $0.contains("damaged") })
            let repaired = try #require(try studio.store.pickedCandidate(for: "face"))
            #expect(try studio.store.blobs.verify(repaired.blob))
            _ = try RGBAImage(decoding: try studio.store.blobs.data(repaired.blob))
        }
    }

    @Test func aShotFromAnUnpickedShotSaysWhatToDo() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let error = await #expect(throws: ReelError.self) { try await studio.generate(shotID: "glow") }
            #expect(error?.message.contains("starts from shot 'face', which has no pick yet") == true)
        }
    }
}
