import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// Long shots on the embedded camera: a shot longer than `camera: { max_clip_seconds }` is rendered
/// as pieces of one continuous move, joined without a seam, and recorded in the store.
@Suite struct StudioClipChainTests {
    static let film = """
        title: Long Take
        aspect: "7:3"
        fps: 24
        resolution: 144
        seed: 5
        camera: { max_clip_seconds: 5 }
        shots:
          - id: long
            framing: long shot
            prompt: "a harbour city of glass towers at dawn"
            camera: pan-right
            duration: 12
            transition: crossfade 0.5
          - id: short
            framing: close-up
            prompt: "a lighthouse at night"
            camera: push-in
            duration: 2
        """

    @Test func aTwelveSecondShotOnAFiveSecondCameraIsThreePiecesOfOneMove() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            // Lossless, so the comparisons below see the picture itself: at CRF 18 every keyframe (a join's,
            // or a transition's in one continuous render) changes the grain by more than a frame's motion.
            let lossless = EncoderSettings(crf: 0)
            var registry = TestStudio.registry()
            registry.videos["camera"] = CameraBackend(encoder: lossless, maxClipSeconds: 5)
            let opened = try TestStudio.open(directory)
            let studio = Studio(project: opened.project, film: opened.film, store: opened.store, registry: registry)
            let report = try await studio.make()
            #expect(report.film != nil)

            let clip = try #require(try studio.store.latestClip(shot: "long"))
            let pieces = try studio.store.clipPieces(clipID: clip.id)
            #expect(pieces.map(\.pieceIndex) == [0, 1, 2])
            #expect(pieces.map(\.startFrame) == [0, 96, 192])
            #expect(pieces.map(\.frameCount) == [96, 96, 96])
            #expect(pieces.allSatisfy { $0.pieceCount == 3 && $0.backend == "camera" })
            // One move over one still: every piece starts from the pick, not from a frame of the last.
            let picked = try #require(try studio.store.pickedCandidate(for: "long"))
            #expect(pieces.allSatisfy { $0.sourceBlob == picked.blob && $0.sourceBlob == clip.sourceBlob })
            #expect(Set(pieces.map(\.blob)).count == 3 && !pieces.contains { $0.blob == clip.blob })

            let ffmpeg = try FFmpegLocator().locate()
            let url = studio.store.blobs.url(clip.blob)
            #expect(clip.durationSeconds == 12)
            #expect(try await FFprobe(ffmpeg).frameCount(of: url) == 288)

            // The same frames as one continuous render of the whole move.
            let request = try JSONDecoder().decode(ClipRequest.self, from: Data(clip.requestJSON.utf8))
            let whole = directory.appending(path: "whole.mp4")
            let context = GenerationContext(
                readBlob: { hex in try studio.store.blobs.data(try BlobID(hex)) }, scratchDirectory: directory)
            _ = try await CameraBackend(encoder: lossless, maxClipSeconds: 60).animate(
                request, to: whole, context: context)
            let frames = try await ffmpeg.rgbaFrames(of: url)
            let reference = try await ffmpeg.rgbaFrames(of: whole)
            try #require(frames.count == 288 && reference.count == 288)
            let worst = zip(frames, reference).map { TestImages.meanDistance($0, $1) }.max() ?? .infinity
            #expect(worst < 0.05, "a chained frame differs from the continuous render by \(worst)")

            // Invisible joins: the change across a join is no larger than the change between the frames
            // around it inside the pieces, and the picture keeps moving.
            let steps = (1..<frames.count).map { TestImages.meanDistance(frames[$0 - 1], frames[$0]) }
            for join in [96, 192] {
                let across = steps[join - 1]
                let around = steps[(join - 4)..<(join - 1)] + steps[join..<(join + 3)]
                #expect(across <= (around.max() ?? 0) * 1.25, "join at frame \(join): \(across) vs \(around)")
                #expect(across >= (around.min() ?? 0) * 0.75, "the picture stalls at the join at frame \(join)")
            }
        }
    }

    @Test func theJoinedClipKeepsTheKeyframesTheCutAsksFor() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let studio = try TestStudio.open(directory)
            _ = try await studio.make()
            let clip = try #require(try studio.store.latestClip(shot: "long"))
            let request = try JSONDecoder().decode(ClipRequest.self, from: Data(clip.requestJSON.utf8))
            // The crossfade out of the shot starts half a second before its end.
            #expect(request.keyframeHints.contains(276))
            let packets = try await FFprobe(try FFmpegLocator().locate()).packets(
                of: studio.store.blobs.url(clip.blob))
            let keyframes = Set(packets.filter(\.isKeyframe).map { Int(($0.time * 24).rounded()) })
            #expect(keyframes.isSuperset(of: request.keyframeHints + [0, 96, 192]))
        }
    }

    @Test func aShotThatFitsInOneGenerationMakesNoChain() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let studio = try TestStudio.open(directory)
            _ = try await studio.make()
            let clip = try #require(try studio.store.latestClip(shot: "short"))
            #expect(try studio.store.clipPieces(clipID: clip.id).isEmpty)
            #expect(try studio.store.clipPieces(chainKey: clip.stepKey).isEmpty)
            #expect(
                try await FFprobe(try FFmpegLocator().locate()).frameCount(of: studio.store.blobs.url(clip.blob)) == 48)
            let rows = try studio.status()
            #expect(rows.first { $0.id == "short" }?.pieces == nil)
            #expect(rows.first { $0.id == "long" }?.pieces == ShotStatus.Pieces(made: 3, count: 3))
        }
    }

    @Test func aChainThatFailedResumesFromItsFinishedPieces() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let setup = try TestStudio.open(directory)
            _ = try await setup.generate(shotID: "long")
            _ = try setup.pick(shotID: "long", candidate: CandidateReference(index: 1))

            // The first run fails while rendering the third piece, as a crash or a dead GPU would.
            var registry = TestStudio.registry(camera: CameraSettings(maxClipSeconds: 5))
            registry.videos["camera"] = FailingCamera(failFrom: 192)
            let failing = Studio(
                project: setup.project, film: setup.film, store: setup.store, registry: registry)
            await #expect(throws: ReelError.self) { try await failing.ensureClip(for: try failing.shot("long")) }
            #expect(try setup.store.latestClip(shot: "long") == nil)
            let status = try setup.status().first { $0.id == "long" }
            #expect(status?.pieces == ShotStatus.Pieces(made: 2, count: 3) && status?.clip == false)
            let chainKey = try #require(try setup.store.clipPieces(shot: "long").first?.chainKey)
            let finished = try setup.store.clipPieces(chainKey: chainKey)
            #expect(finished.map(\.pieceIndex) == [0, 1])

            let log = ProgressLog()
            let studio = try TestStudio.open(directory, progress: log.sink)
            let made = try await studio.ensureClip(for: try studio.shot("long"))
            #expect(!made.reused && made.clip.stepKey == chainKey)
            #expect(
                log.all == [
                    "long: piece 1/3 is kept from an earlier run", "long: piece 2/3 is kept from an earlier run",
                ])
            let pieces = try studio.store.clipPieces(clipID: made.clip.id)
            // The finished pieces are the same records and videos, not rendered again; only the third is new.
            #expect(pieces.map(\.pieceIndex) == [0, 1, 2])
            #expect(Array(pieces.prefix(2)).map(\.id) == finished.map(\.id))
            #expect(Array(pieces.prefix(2)).map(\.blob) == finished.map(\.blob))
            #expect(try studio.store.clipPieces(shot: "long").count == 3)
            #expect(
                try await FFprobe(try FFmpegLocator().locate()).frameCount(of: studio.store.blobs.url(made.clip.blob))
                    == 288)
        }
    }
}

/// The embedded camera, failing from a given frame of a long shot on, like a backend that dies mid-chain.
struct FailingCamera: VideoBackend {
    let name = "camera"
    let camera = CameraBackend(maxClipSeconds: 5)
    let failFrom: Int

    var capabilities: VideoCapabilities { camera.capabilities }

    func animate(_ request: ClipRequest, to output: URL, context: GenerationContext) async throws -> GeneratedClip {
        if let segment = request.segment, segment.startFrame >= failFrom {
            throw ReelError(.backend, "the renderer stopped at frame \(segment.startFrame)")
        }
        return try await camera.animate(request, to: output, context: context)
    }
}
