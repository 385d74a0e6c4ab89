import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

@testable import ReelBackends

/// A long shot on a ComfyUI video model that makes one second per generation: the engine chains
/// pieces, each started from the previous piece's last frame, against the fake ComfyUI server.
@Suite struct ComfyUIVideoChainTests {
    /// 61 frames at 24 fps: three pieces of 21, 20 and 20 frames. Every piece asks Wan for 21 frames
    /// (a 4n+1 count it makes exactly), the later ones counting the frame they start from.
    static let film = """
        title: Harbour
        aspect: "2:1"
        fps: 24
        resolution: 64
        seed: 3
        backends: { image: sketch, video: comfyui }
        shots:
          - id: tide
            framing: long shot
            prompt: "a harbour at dawn"
            motion: "the tide comes in"
            duration: 2.5416667
        """

    /// The server's Wan settings: 25 frames at 24 fps is one second per generation.
    static let models: [String: JSONValue] = ["video_fps": .int(24), "max_frames": .int(25)]

    @Test func eachPieceStartsFromThePreviousPiecesLastFrameAndTheJoinDropsTheRepeat() async throws {
        try await ComfyUIHarness.with { harness in
            let ffmpeg = try FFmpegLocator().locate()
            await harness.fake.set(videos: try await Self.pieceVideos(ffmpeg: ffmpeg, in: harness.scratch))
            let studio = try await Self.studio(harness, in: harness.scratch)
            let made = try await studio.ensureClip(for: try studio.shot("tide"))

            let pieces = try studio.store.clipPieces(clipID: made.clip.id)
            #expect(pieces.map(\.startFrame) == [0, 21, 41])
            #expect(pieces.map(\.frameCount) == [21, 20, 20])
            let picked = try #require(try studio.store.pickedCandidate(for: "tide"))
            #expect(pieces[0].sourceBlob == picked.blob)
            // What the server received as the init image of pieces 2 and 3 is the last frame of the piece before.
            let uploads = await harness.fake.uploads
            for index in 1..<3 {
                let source = pieces[index].sourceBlob
                let uploaded = try #require(uploads["reel-\(source.hex.prefix(16)).png"])
                #expect(uploaded == (try studio.store.blobs.data(source)))
                let last = try await ffmpeg.lastFrame(of: studio.store.blobs.url(pieces[index - 1].blob))
                #expect(try RGBAImage(decoding: uploaded) == last)
            }
            #expect(Set(pieces.map(\.sourceBlob)).count == 3)

            // Joined to exactly the shot's 61 frames; each frame once, none frozen at a join.
            let url = studio.store.blobs.url(made.clip.blob)
            #expect(made.clip.durationSeconds == 61.0 / 24)
            #expect(try await FFprobe(ffmpeg).frameCount(of: url) == 61)
            let levels = try await ffmpeg.rgbaFrames(of: url).map(Self.level)
            try #require(levels.count == 61)
            for frame in 1..<61 {
                #expect(levels[frame] - levels[frame - 1] > 2, "frame \(frame) repeats the one before")
            }
            // The frames are the pieces' frames in order, without the repeated first frame of pieces 2 and 3.
            var expected: [Double] = []
            for (index, piece) in pieces.enumerated() {
                let frames = try await ffmpeg.rgbaFrames(of: studio.store.blobs.url(piece.blob)).map(Self.level)
                expected += index == 0 ? frames : Array(frames.dropFirst())
            }
            #expect(expected.count == 61)
            #expect(zip(levels, expected).allSatisfy { abs($0 - $1) < 1.5 })
        }
    }

    @Test func aChainThatFailedMidwayResumesWithoutMakingItsFinishedPieceAgain() async throws {
        try await ComfyUIHarness.with { harness in
            let ffmpeg = try FFmpegLocator().locate()
            let videos = try await Self.pieceVideos(ffmpeg: ffmpeg, in: harness.scratch)
            // The server makes one video, then runs out of memory on the second piece.
            await harness.fake.set(videos: [videos[0]])
            let first = try await Self.studio(harness, in: harness.scratch)
            await #expect(throws: (any Error).self) { try await first.ensureClip(for: try first.shot("tide")) }
            let finished = try first.store.clipPieces(shot: "tide")
            #expect(finished.map(\.pieceIndex) == [0])
            #expect(try first.store.latestClip(shot: "tide") == nil)
            #expect(await harness.fake.prompts.count == 2)

            await harness.fake.set(videos: [videos[1], videos[2]])
            let studio = try await Self.studio(harness, in: harness.scratch, reuse: true)
            let made = try await studio.ensureClip(for: try studio.shot("tide"))
            let pieces = try studio.store.clipPieces(clipID: made.clip.id)
            #expect(pieces.map(\.pieceIndex) == [0, 1, 2])
            #expect(pieces[0].id == finished[0].id && pieces[0].blob == finished[0].blob)
            #expect(try studio.store.clipPieces(shot: "tide").count == 3)
            // The server saw the first piece's init image (the pick) in one job only: it was not made twice.
            let prompts = await harness.fake.prompts
            #expect(prompts.count == 4)
            let pickName = "reel-\(pieces[0].sourceBlob.hex.prefix(16)).png"
            let fromPick = prompts.filter { prompt in
                prompt.graph.values.contains {
                    $0["class_type"]?.string == "LoadImage" && $0["inputs"]?["image"]?.string == pickName
                }
            }
            #expect(fromPick.count == 1)
            #expect(try await FFprobe(ffmpeg).frameCount(of: studio.store.blobs.url(made.clip.blob)) == 61)
        }
    }

    /// A studio over a project in `parent` with sketch images and the harness's ComfyUI for video;
    /// `reuse` opens the project made before instead of a new one with a fresh pick.
    static func studio(_ harness: ComfyUIHarness, in parent: URL, reuse: Bool = false) async throws -> Studio {
        let directory = parent.appending(path: "film")
        if !reuse { _ = try TestFilms.makeProject(film, in: parent) }
        let project = Project(directory: directory)
        var registry = TestStudio.registry()
        registry.videos["comfyui"] = try ComfyUIVideoBackend(client: harness.client, models: models)
        let studio = Studio(
            project: project, film: try FilmLoader().load(contentsOf: project.filmURL),
            store: try Store.open(projectDirectory: directory), registry: registry)
        if !reuse {
            _ = try await studio.generate(shotID: "tide")
            _ = try studio.pick(shotID: "tide", candidate: CandidateReference(index: 1))
        }
        return studio
    }

    /// What the model would make for each piece: grey frames growing 3 levels brighter per frame
    /// over the whole shot, each piece starting on the level the previous piece ended on.
    static func pieceVideos(ffmpeg: FFmpeg, in directory: URL) async throws -> [Data] {
        var videos: [Data] = []
        for (index, first) in [0, 20, 40].enumerated() {
            let url = directory.appending(path: "piece\(index).mp4")
            try await ffmpeg.run(
                [
                    "-f", "lavfi", "-i", "color=c=black:s=64x32:r=24", "-vf",
                    "geq=lum='20+3*(N+\(first))':cb=128:cr=128", "-frames:v", "21", "-c:v", "libx264", "-crf", "4",
                    "-pix_fmt", "yuv420p", "-f", "mp4", url.path,
                ], purpose: "make piece \(index) of the fake model")
            videos.append(try Data(contentsOf: url))
        }
        return videos
    }

    /// The mean red level of a frame.
    static func level(_ frame: RGBAImage) -> Double {
        var total = 0
        for index in stride(from: 0, to: frame.pixels.count, by: 4) { total += Int(frame.pixels[index]) }
        return Double(total) / Double(frame.width * frame.height)
    }
}
