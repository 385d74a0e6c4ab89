import ReelFaces
import ReelKit
import ReelStore

extension Studio {
    /// The candidate `make` auto-picks from `take`: 1, or with `pick: best` (the shot's, else the
    /// film's) the best-scoring for identity. Scoring never fails a make: without the face models,
    /// or with no candidate scored, it warns or says so and picks candidate 1.
    func autoPickIndex(for shot: Shot, take: Take) async throws -> (index: Int, reason: String?) {
        guard (shot.pick ?? film.pick) == .best else { return (1, nil) }
        let review = IdentityReview(studio: self)
        do {
            let scored = try await review.score(shotID: shot.id, take: take, placement: nil)
            guard let best = scored.best else {
                return (1, "pick: best found no face to score, so candidate 1")
            }
            let verdicts =
                best.judge.map { $0.characters.map { "\($0.character) \($0.verdict.rawValue) (judge)" } }
                ?? best.score.characters.map { "\($0.character) \($0.verdict.rawValue)" }
            let summary = verdicts.isEmpty ? "" : " (\(verdicts.joined(separator: ", ")))"
            return (best.index, "best for identity\(summary)")
        } catch let error as FaceModelsError {
            progress.warning("\(shot.id): pick: best could not score the candidates, so candidate 1: \(error)")
            return (1, nil)
        } catch let error as FaceDetectionError {
            progress.warning("\(shot.id): pick: best could not score the candidates, so candidate 1: \(error)")
            return (1, nil)
        } catch let failure as any ReelFailure {
            // The judge's key, or --budget refusing its question.
            progress.warning(
                "\(shot.id): pick: best could not score the candidates, so candidate 1: \(failure.message)")
            return (1, nil)
        }
    }
}
