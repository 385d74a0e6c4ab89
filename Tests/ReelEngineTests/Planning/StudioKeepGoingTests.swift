import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// One shot that fails for good never stops the film: `make` finishes every other shot, keeps the
/// failure for `status`, and the next `make` tries it again.
@Suite struct StudioKeepGoingTests {
    /// `sketch` behind a moderation filter that refuses every prompt holding `word`, as a hosted
    /// service refuses a prompt, until `refusing` is turned off.
    struct RefusingSketch: ImageBackend {
        let sketch = EmbeddedBackends.sketch(sizes: TestStudio.tinySizes)
        let word: String
        var name: String { sketch.name }
        var capabilities: ImageCapabilities { sketch.capabilities }

        func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
            if request.prompt.contains(word) {
                throw ReelError(.backend, "the service refused the prompt: it was flagged by its content policy")
            }
            return try await sketch.generate(request, context: context)
        }
    }

    /// `espeak` behind a filter that refuses every line holding `word`, as a cloud voice does.
    struct RefusingSpeech: SpeechBackend {
        let espeak = EmbeddedBackends.espeak()
        let word: String
        var name: String { espeak.name }
        var capabilities: SpeechCapabilities { espeak.capabilities }

        func speak(
            _ request: SpeechRequest, to output: URL, context: GenerationContext
        ) async throws
            -> GeneratedSpeech
        {
            if request.text.contains(word) { throw ReelError(.backend, "the service refused the line on policy") }
            return try await espeak.speak(request, to: output, context: context)
        }
    }

    @Test func aRefusedLineFailsItsShotButNoOtherShotsClip() async throws {
        try await withTemporaryDirectory { parent in
            let yaml = """
                title: Lines
                aspect: "7:3"
                fps: 12
                resolution: 144
                characters:
                  mira: { description: "a woman in a red coat" }
                shots:
                  - { id: wide, prompt: "a cliff at dusk", duration: 1, dialog: { mira: "Morning." } }
                  - { id: face, prompt: "a calm face", duration: 1, dialog: { mira: "A refused line." } }
                """
            let directory = try TestFilms.makeProject(yaml, in: parent)
            let project = Project(directory: directory)
            var registry = TestStudio.registry()
            registry.speeches["espeak"] = RefusingSpeech(word: "refused")
            let studio = Studio(
                project: project, film: try FilmLoader().load(contentsOf: project.filmURL),
                store: try Store.open(projectDirectory: directory), registry: registry)
            let report = try await studio.make()

            #expect(report.animated == ["wide"], "the other shot waits for the line only to know its timing")
            #expect(report.failedShots == ["face"])
            #expect(report.failures.first { $0.stepID == "clip:face" }?.blockedBy?.hasPrefix("speech:face") == true)
        }
    }

    static func studio(_ directory: URL, refusing word: String?) throws -> Studio {
        let project = Project(directory: directory)
        let film = try FilmLoader().load(contentsOf: project.filmURL)
        var registry = TestStudio.registry()
        if let word { registry.images["sketch"] = RefusingSketch(word: word) }
        return Studio(
            project: project, film: film, store: try Store.open(projectDirectory: directory), registry: registry)
    }

    @Test func aRefusedShotFailsItAndWhatStartsFromItButNoOtherShot() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let studio = try Self.studio(directory, refusing: "calm face")
            let report = try await studio.make()

            #expect(report.generated == ["wide"])
            #expect(report.animated == ["wide"])
            #expect(report.failedShots == ["face", "glow"])
            let refused = try #require(report.failures.first { $0.stepID == "take:face" })
            #expect(refused.code == "backend")
            #expect(refused.message.contains("content policy"))
            let blocked = try #require(report.failures.first { $0.stepID == "take:glow" })
            #expect(blocked.blockedBy == "take:face")
            // The board shows what was made; the film waits for the failed shots.
            #expect(report.boardMade)
            #expect(report.cutWaitsFor == ["face", "glow"])
            #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "out/film.mp4").path))
            let wideClip = try #require(try studio.plan().step("clip:wide")?.key)
            #expect(try studio.store.clip(stepKey: wideClip) != nil)

            let rows = try studio.status()
            #expect(rows.map(\.state) == [.animated, .failed, .failed])
            #expect(rows[1].failure?.contains("content policy") == true)
            #expect(try studio.plan().step("take:face")?.lastFailure?.contains("content policy") == true)
        }
    }

    @Test func theNextMakeRetriesTheFailedShotAndCutsTheFilm() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await Self.studio(directory, refusing: "calm face").make()

            let studio = try Self.studio(directory, refusing: nil)
            let plan = try studio.plan()
            #expect(plan.toRun.map(\.id).filter { $0.hasPrefix("take:") } == ["take:face", "take:glow"])
            let report = try await studio.make()
            #expect(report.failures.isEmpty)
            #expect(report.generated == ["face", "glow"])
            let film = try #require(report.film)
            let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
            #expect(abs(duration - 2.75) <= 1.0 / 12 + 1e-6)
            #expect(try studio.store.failures().isEmpty)
            #expect(try studio.status().allSatisfy { $0.state == .animated && $0.failure == nil })
        }
    }

    @Test func aBrokenImageFromTheBackendFailsOnlyItsShot() async throws {
        struct Garbling: ImageBackend {
            let sketch = EmbeddedBackends.sketch(sizes: TestStudio.tinySizes)
            var name: String { sketch.name }
            var capabilities: ImageCapabilities { sketch.capabilities }
            func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
                var images = try await sketch.generate(request, context: context)
                if request.prompt.contains("cliff") { images[0].data = Data(images[0].data.prefix(40)) }
                return images
            }
        }
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let project = Project(directory: directory)
            var registry = TestStudio.registry()
            registry.images["sketch"] = Garbling()
            let studio = Studio(
                project: project, film: try FilmLoader().load(contentsOf: project.filmURL),
                store: try Store.open(projectDirectory: directory), registry: registry)
            let report = try await studio.make()
            #expect(report.failedShots == ["wide"])
            #expect(report.failures.first?.message.contains("not a usable image") == true)
            #expect(Set(report.animated) == ["face", "glow"])
            #expect(try studio.store.takes(shot: "wide").isEmpty)
        }
    }
}
