import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// For each pick whose stored identity score is off-model, why ("obama drift 0.71"), by shot
    /// id. Only scores already stored count (`reel score`, `reel takes`, the studio, `make
    /// --coherent` store them): the board never runs the face models.
    func offModelPicks(_ picks: [(shot: Shot, picked: Candidate)]) -> [String: String] {
        guard !film.characters.isEmpty, (try? store.hasIdentityScores()) == true else { return [:] }
        let review = IdentityReview(studio: self, describer: SharedFaceDescriber.get)
        var marks: [String: String] = [:]
        for (shot, picked) in picks {
            guard let score = try? review.storedScore(shotID: shot.id, blob: picked.blob),
                let badge = IdentityBadge(score), badge.isOffModel
            else { continue }
            marks[shot.id] = badge.text
        }
        return marks
    }
}
