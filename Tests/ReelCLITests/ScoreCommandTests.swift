import Foundation
import ReelEngine
import ReelFaces
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// `reel score` as a user runs it, on takes whose candidates are real photographs of two people.
@Suite(.enabled(if: FacePhotos.isCI || (FacePhotos.present && (try? FaceModels.locate()) != nil)))
struct ScoreCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static let film = """
        title: Two People
        aspect: "7:3"
        fps: 12
        resolution: 144
        characters:
          obama: { description: "a man in a dark suit", references: [refs/obama.jpg] }
          biden: { description: "an older man in a dark suit", references: [refs/biden.jpg] }
        shots:
          - id: duo
            prompt: "@obama and @biden talking"
            duration: 1
          - id: solo
            prompt: "@obama alone"
            duration: 1
        """

    /// `photo` scaled to `height` pixels high.
    static func scaled(_ name: String, height: Int) throws -> RGBAImage {
        let image = try FacePhotos.image(name)
        return image.resized(width: image.width * height / image.height, height: height)
    }

    /// Two portraits side by side, as a two-shot.
    static func twoShot(left: String, right: String) throws -> RGBAImage {
        let (a, b) = (try scaled(left, height: 600), try scaled(right, height: 600))
        var canvas = RGBAImage(width: 760, height: 600, fill: (128, 128, 128, 255))
        canvas.paste(a, x: 40, y: 0)
        canvas.paste(b, x: 760 - 40 - b.width, y: 0)
        return canvas
    }

    /// A project whose `duo` take is [obama|biden, biden|obama, blank] and `solo` take is
    /// [obama2, biden]; `duo` candidate 2 (the swapped one) is picked.
    static func makeProject(in parent: URL, film: String = film, takes: Bool = true) throws -> URL {
        let directory = try TestFilms.makeProject(film, in: parent)
        let refs = directory.appending(path: "refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        try FacePhotos.data("obama.jpg").write(to: refs.appending(path: "obama.jpg"))
        try FacePhotos.data("biden.jpg").write(to: refs.appending(path: "biden.jpg"))
        guard takes else { return directory }
        let store = try TestStudio.open(directory).store
        let duo = try record(
            [
                twoShot(left: "obama2.jpg", right: "biden.jpg"), twoShot(left: "biden.jpg", right: "obama2.jpg"),
                RGBAImage(width: 760, height: 600, fill: (90, 140, 200, 255)),
            ], shot: "duo", in: store)
        try store.pick(shot: "duo", take: duo, candidate: 2)
        try record([scaled("obama2.jpg", height: 600), scaled("biden.jpg", height: 600)], shot: "solo", in: store)
        return directory
    }

    @discardableResult
    static func record(_ images: [RGBAImage], shot: String, promptKey: String? = nil, in store: Store) throws -> Int64 {
        let candidates = try images.map { image in
            Candidate.Draft(
                blob: try store.blobs.put(image.encoded(as: .png)), seed: 1, width: image.width, height: image.height)
        }
        let draft = Take.Draft(
            shotID: shot, kind: .generate, stepKey: "test-\(shot)", promptKey: promptKey ?? "test-\(shot)",
            backend: "sketch",
            requestJSON: "{}", seeds: candidates.map { _ in 1 }, durationSeconds: 0, candidates: candidates)
        return try store.recordTake(draft).id
    }

    @Test func aShotsCandidatesAreScoredAndTheSwapIsCaught() async throws {
        try await withTemporaryDirectory { parent in
            let project = try Self.makeProject(in: parent)
            let result = try await reel.run(["score", "duo", "--json"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
            let shots = try JSONDecoder().decode([ShotIdentity].self, from: Data(result.stdout.utf8))
            let duo = try #require(shots.first)
            #expect(duo.characters == ["obama", "biden"])
            #expect(
                duo.candidates.map { $0.score.characters.map(\.verdict) } == [
                    [.match, .match], [.swapped, .swapped], [],
                ])
            #expect(duo.candidates[2].score.noFace)
            #expect(duo.best?.index == 1)

            let table = try await reel.run(["score", "duo"], in: project)
            #expect(table.status == 0)
            #expect(table.stdout.contains("obama"))
            #expect(table.stdout.contains("swapped (in biden's place)"))
            #expect(table.stdout.contains("no face, not scored"))
            #expect(table.stdout.contains("best for identity: candidate 1"))
        }
    }

    @Test func theFilmTableShowsWhoDriftsShotByShot() async throws {
        try await withTemporaryDirectory { parent in
            let project = try Self.makeProject(in: parent)
            let result = try await reel.run(["score", "--film"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.contains("OBAMA") == true && lines.first?.contains("BIDEN") == true)
            // duo's pick is the swapped candidate; solo has no pick, so its first candidate (obama) is shown.
            #expect(lines.contains { $0.hasPrefix("duo") && $0.contains("swapped") })
            #expect(lines.contains { $0.hasPrefix("solo") && $0.contains("match") })
        }
    }

    @Test func scoresAreStoredAndNeedNoModelsTheSecondTime() async throws {
        try await withTemporaryDirectory { parent in
            let project = try Self.makeProject(in: parent)
            let first = try await reel.run(["score", "solo", "--json"], in: project)
            #expect(first.status == 0, "\(first.stderr)")
            // Without models, the stored scores still answer; a new image would need them.
            let nowhere = ["REEL_FACE_MODELS": parent.appending(path: "no-models").path]
            let second = try await reel.run(["score", "solo", "--json"], in: project, environment: nowhere)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout == first.stdout)
            let solo = try #require(try JSONDecoder().decode([ShotIdentity].self, from: Data(second.stdout.utf8)).first)
            #expect(solo.candidates.map { $0.score.characters.map(\.verdict) } == [[.match], [.drift]])
            let unscored = try await reel.run(["score", "duo"], in: project, environment: nowhere)
            #expect(unscored.status != 0)
            #expect(unscored.stderr.contains("pip install face-recognition-models==0.3.0"))
        }
    }

    @Test func missingModelsLeaveMakeWorking() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(in: parent)
            let nowhere = ["REEL_FACE_MODELS": parent.appending(path: "no-models").path]
            let make = try await reel.run(["make"], in: project, environment: nowhere)
            #expect(make.status == 0, "\(make.stderr)")
            #expect(FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))
            let score = try await reel.run(["score", "wide"], in: project, environment: nowhere)
            #expect(score.status != 0)
            #expect(score.stderr.contains("REEL_FACE_MODELS"))
        }
    }

    @Test func imagesAreScoredAgainstAReferenceOutsideAFilm() async throws {
        try await withTemporaryDirectory { parent in
            let blank = parent.appending(path: "blank.png")
            try RGBAImage(width: 320, height: 240, fill: (10, 200, 10, 255)).encoded(as: .png).write(to: blank)
            let images = [FacePhotos.url("obama2.jpg").path, FacePhotos.url("biden.jpg").path, blank.path]
            let result = try await reel.run(
                ["score", "--against", FacePhotos.url("obama.jpg").path] + images + ["--json"], in: parent)
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["verdict"] as? String } == ["match", "drift", "no face"])
            #expect(rows.map { $0["faces"] as? Int } == [1, 1, 0])
            #expect((rows[0]["distance"] as? Double ?? 1) < 0.6)
            #expect((rows[1]["distance"] as? Double ?? 0) > 0.6)

            let table = try await reel.run(
                ["score", "--against", FacePhotos.url("obama.jpg").path] + images, in: parent)
            #expect(table.status == 0)
            #expect(table.stdout.contains("no face, not scored"))
        }
    }
}
