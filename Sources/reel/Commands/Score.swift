import ArgumentParser
import Foundation
import ReelEngine
import ReelFaces
import ReelKit

struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score candidates for identity: each named character's face against its references.",
        discussion: """
            Uses dlib's face detector and descriptor, offline on the CPU. A distance under the \
            threshold (0.6, or `score: { threshold: … }` in film.yaml) is a match. Verdicts: match, \
            drift, missing, swapped (placed people in each other's places), merged (one face close \
            to two characters), and extra faces. Where no face is found, a film with a judge \
            (`backends: { judge: gemini }`) asks a hosted vision model instead; its verdicts are \
            marked [judge]. See docs/score.md.

            Examples:
              reel score ridge
              reel score --film
              reel score --against ref.jpg shot1.png shot2.png --json
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "A shot's id (default: every shot with a take); with --against, the images to score.")
    var targets: [String] = []
    @Option(help: "Score the images against this reference photograph, outside any film.") var against: String?
    @Flag(help: "One table of every character's distance, shot by shot (the picks), and out/coherence.png.")
    var film = false
    @Option(help: "The distance over which a face is off-model (default 0.6).") var threshold: Double?
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
        if against != nil && targets.isEmpty { throw ValidationError("--against needs the images to score after it") }
        if against != nil && film { throw ValidationError("--against scores images outside a film; drop --film") }
        if film && !targets.isEmpty { throw ValidationError("--film scores every shot; drop the shot ids") }
        if against == nil && targets.count > 1 { throw ValidationError("give one shot id, or none for every shot") }
        if let threshold, !(0.2...1.2).contains(threshold) {
            throw ValidationError("--threshold must be a face distance from 0.2 to 1.2, like 0.6")
        }
    }

    func run() async throws {
        if let against {
            let describer = try Self.describer()
            let scorer = IdentityScorer(threshold: threshold ?? IdentityScorer.defaultThreshold)
            let results = try ImageScoring.score(
                images: targets, against: against, describer: describer, scorer: scorer)
            if json { return try ScoreOutput.printJSON(results) }
            ScoreOutput.printImages(results, reference: against)
            return
        }
        try await Services.with(projectPath: project.directory) { services in
            let review = IdentityReview(studio: services.studio, threshold: threshold, describer: Self.describer)
            let shots =
                try targets.isEmpty ? services.studio.film.shots.map(\.id) : [services.studio.shot(targets[0]).id]
            var scored: [ShotIdentity] = []
            for shot in shots {
                scored.append(try await film ? review.scorePick(shotID: shot) : review.scoreLatestTake(shotID: shot))
            }
            // Every shot: those without a take yet are left out of the tables.
            if targets.isEmpty && !film { scored = scored.filter { $0.takeID != nil } }
            if json {
                if film { try services.studio.writeCoherenceChart(scored, threshold: review.scorer.threshold) }
                return try ScoreOutput.printJSON(scored)
            }
            if film {
                let chart = try services.studio.writeCoherenceChart(scored, threshold: review.scorer.threshold)
                ScoreOutput.printFilm(scored, characters: services.studio.film.characters.map(\.id))
                Output.line("chart: \(services.project.displayPath(chart))")
            } else {
                for shot in scored { ScoreOutput.printShot(shot) }
            }
        }
    }

    /// dlib with its models, or the error that says how to get them.
    static func describer() throws -> FaceDescriber {
        do {
            return try FaceDescriber(models: FaceModels.locate())
        } catch let error as FaceModelsError {
            throw ReelError(.missingTool, error.description)
        }
    }
}
