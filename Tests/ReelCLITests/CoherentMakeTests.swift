import Foundation
import ReelFaces
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make --coherent` on a ComfyUI server whose "GPU" draws real photographs: a character
/// whose reference is one photograph of a man, candidates that are photographs of another man
/// until the server starts drawing the first.
@Suite(.enabled(if: FacePhotos.isCI || (FacePhotos.present && (try? FaceModels.locate()) != nil)))
struct CoherentMakeTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String) -> String {
        """
        title: Podium
        aspect: "4:3"
        fps: 12
        resolution: 144
        seed: 5
        backends: { image: comfyui, video: camera }
        comfyui: { url: "\(url)", checkpoint: sd_xl_base_1.0.safetensors, steps: 4 }
        characters:
          obama: { description: "a man in a dark suit", references: [refs/obama.jpg] }
        shots:
          - { id: podium, prompt: "@obama at a podium", camera: push-in, duration: 1 }
        """
    }

    /// A photograph as the PNG a ComfyUI SaveImage node writes, 480 pixels high.
    static func png(_ name: String) throws -> Data {
        let image = try FacePhotos.image(name)
        return try image.resized(width: image.width * 480 / image.height, height: 480).encoded(as: .png)
    }

    /// Runs `body` with a project on a fake ComfyUI that saves `images` in turn (the last repeated).
    static func withProject(
        images: [Data], in parent: URL, _ body: @Sendable (URL, FakeComfyUI) async throws -> Void
    ) async throws {
        let fake = FakeComfyUI()
        await fake.set(resultImages: images)
        try await TestHTTPServer.with(
            handler: { await fake.handle($0) },
            webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
        ) { url in
            let project = try TestFilms.makeProject(film(url: url), in: parent)
            let refs = project.appending(path: "refs")
            try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
            try FacePhotos.data("obama.jpg").write(to: refs.appending(path: "obama.jpg"))
            try await body(project, fake)
        }
    }

    @Test func anOffModelShotIsRerolledUntilOneHoldsAndThatIsPicked() async throws {
        try await withTemporaryDirectory("reel-coherent") { parent in
            let biden = try Self.png("biden.jpg")
            let images = [biden, biden, biden, biden, try Self.png("obama2.jpg")]
            try await Self.withProject(images: images, in: parent) { project, fake in
                let make = try await reel.run(["make", "--coherent"], in: project)
                #expect(make.status == 0, "\(make.stderr)")
                #expect(make.stdout.contains("podium: take 2 candidate 1 holds ("), "\(make.stdout)")
                #expect(make.stdout.contains("after 1 reroll"))
                #expect(await fake.prompts.count == 8, "one take of four, one reroll of four")
                let store = try Store.open(projectDirectory: project)
                let takes = try store.takes(shot: "podium").sorted { $0.id < $1.id }
                #expect(takes.map(\.kind) == [.generate, .reroll])
                let pick = try #require(try store.pick(for: "podium"))
                #expect(pick.takeID == takes.last?.id)
                #expect(FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))
                let chart = try RGBAImage(
                    decoding: try Data(contentsOf: project.appending(path: "out/coherence.png")))
                #expect(chart.width == 1200 && chart.height == 640)
                let sheet = try RGBAImage(decoding: try Data(contentsOf: project.appending(path: "out/contact.png")))
                #expect(!Self.hasOffModelBorder(sheet), "a pick that holds is not marked")

                // Again: the pick holds, nothing is rerolled.
                let again = try await reel.run(["make", "--coherent"], in: project)
                #expect(again.status == 0, "\(again.stderr)")
                #expect(again.stdout.contains("podium: take 2 candidate 1 holds"))
                #expect(await fake.prompts.count == 8)
            }
        }
    }

    @Test func maxTakesStopsTheRerollsAndTheBestOffModelPickIsMarked() async throws {
        try await withTemporaryDirectory("reel-coherent-limit") { parent in
            try await Self.withProject(images: [try Self.png("biden.jpg")], in: parent) { project, fake in
                let make = try await reel.run(["make", "--coherent", "--max-takes", "2"], in: project)
                #expect(make.status == 0, "\(make.stderr)")
                #expect(make.stdout.contains("podium: gave up after 2 takes, best 0."), "\(make.stdout)")
                #expect(await fake.prompts.count == 8, "two takes of four, then it stops")
                let store = try Store.open(projectDirectory: project)
                #expect(try store.takes(shot: "podium").count == 2)
                #expect(try store.pick(for: "podium") != nil)
                #expect(FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))
                let sheet = try RGBAImage(decoding: try Data(contentsOf: project.appending(path: "out/contact.png")))
                #expect(Self.hasOffModelBorder(sheet), "the off-model pick is marked on the contact sheet")

                let takes = try await reel.run(["takes", "podium"], in: project)
                #expect(takes.status == 0, "\(takes.stderr)")
                let offModel = takes.stdout.split(separator: "\n").filter { $0.contains("off-model  obama drift 0.") }
                #expect(offModel.count == 8, "\(takes.stdout)")
            }
        }
    }

    @Test func withoutModelsCoherentSendsNothingAndTakesStillWork() async throws {
        try await withTemporaryDirectory("reel-coherent-models") { parent in
            try await Self.withProject(images: [try Self.png("biden.jpg")], in: parent) { project, fake in
                let nowhere = ["REEL_FACE_MODELS": parent.appending(path: "no-models").path]
                let coherent = try await reel.run(["make", "--coherent"], in: project, environment: nowhere)
                #expect(coherent.status != 0)
                #expect(coherent.stderr.contains("pip install face-recognition-models==0.3.0"))
                #expect(await fake.prompts.count == 0)

                let make = try await reel.run(["make"], in: project, environment: nowhere)
                #expect(make.status == 0, "\(make.stderr)")
                let takes = try await reel.run(["takes", "podium"], in: project, environment: nowhere)
                #expect(takes.status == 0, "\(takes.stderr)")
                #expect(takes.stdout.contains("seeds"))
                #expect(takes.stderr.components(separatedBy: "face-recognition-models").count == 2, "said once")

                let scored = try await reel.run(["takes", "podium"], in: project)
                #expect(scored.status == 0, "\(scored.stderr)")
                #expect(scored.stdout.contains("off-model  obama drift 0."))
                #expect(!scored.stderr.contains("face-recognition-models"))
            }
        }
    }

    /// Whether a row of the sheet has 100 pixels in a row of the off-model red: the mark's border.
    static func hasOffModelBorder(_ image: RGBAImage) -> Bool {
        for y in 0..<image.height {
            var run = 0
            for x in 0..<image.width {
                let p = image[x, y]
                let red = abs(Int(p.r) - 229) < 8 && abs(Int(p.g) - 72) < 8 && abs(Int(p.b) - 77) < 8
                run = red ? run + 1 : 0
                if run >= 100 { return true }
            }
        }
        return false
    }
}
