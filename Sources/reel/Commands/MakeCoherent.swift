import ReelEngine
import ReelKit

extension Make {
    /// The default of `--max-takes`.
    static let defaultMaxTakes = 4

    /// `--coherent`, before the rest of the make: every shot gets its takes, then each shot that
    /// names characters is rerolled while its best candidate is off-model, and that candidate is
    /// picked. Says what it did per shot; returns the shots it generated for.
    func cohere(_ services: Services) async throws -> [String] {
        let studio = services.studio
        // Nothing is generated for coherence that cannot be scored (a judge-only film needs no dlib).
        if studio.film.scorer != .judge { _ = try Score.describer() }
        let first = try await Interrupts.cancellingOnInterrupt { try await studio.ensureCurrentPicks() }
        let review = IdentityReview(studio: studio, describer: SharedFaceDescriber.get)
        var generated = first.generated
        let failed = Set(first.failedShots)
        let limit = maxTakes ?? Self.defaultMaxTakes
        for shot in studio.film.shots where !failed.contains(shot.id) {
            let outcome = try await Interrupts.cancellingOnInterrupt {
                try await review.cohere(shotID: shot.id, maxTakes: limit)
            }
            guard let outcome else { continue }
            services.printer.finish()
            Output.line(outcome.summary)
            if outcome.rerolls > 0 && !generated.contains(shot.id) { generated.append(shot.id) }
        }
        return generated
    }
}

extension Make {
    /// `out/coherence.png` from the picks `--coherent` left: every shot's pick scored (stored
    /// scores, mostly), the shots with a pick.
    func writeCoherenceChart(_ services: Services) async throws {
        let studio = services.studio
        let review = IdentityReview(studio: studio, describer: SharedFaceDescriber.get)
        var scored: [ShotIdentity] = []
        for shot in studio.film.shots where !review.namedCharacters(in: shot).isEmpty {
            let identity = try await review.scorePick(shotID: shot.id)
            if identity.takeID != nil { scored.append(identity) }
        }
        let chart = try studio.writeCoherenceChart(scored, threshold: review.scorer.threshold)
        Output.line("coherence: \(services.project.displayPath(chart))")
    }
}
