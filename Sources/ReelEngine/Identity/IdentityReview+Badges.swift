import Foundation
import ReelFaces
import ReelKit
import ReelStore

/// A take's identity badges, candidate by candidate.
public struct TakeBadges: Sendable, Hashable {
    /// By candidate index; a candidate without one was not scored (yet).
    public var badges: [Int: IdentityBadge] = [:]
    /// Why candidates were left without a badge (the face models are missing, say), once.
    public var problem: String?

    public init(badges: [Int: IdentityBadge] = [:], problem: String? = nil) {
        self.badges = badges
        self.problem = problem
    }
}

extension IdentityReview {
    /// The badges of `take`'s candidates when its shot names characters: computed (and stored)
    /// when `compute` and dlib's models load, else only the scores already stored; a judge is
    /// never asked for a badge (it costs money), only its stored verdicts read. Never throws:
    /// what could not be scored is left out and ``TakeBadges/problem`` says why.
    public func badges(shotID: String, take: Take, compute: Bool) async -> TakeBadges {
        guard let shot = try? studio.shot(shotID), !namedCharacters(in: shot).isEmpty else { return TakeBadges() }
        var problem: String?
        if compute {
            do {
                _ = try describer()
                let scored = try await score(shotID: shotID, take: take, placement: nil, askJudge: false)
                var badges: [Int: IdentityBadge] = [:]
                for candidate in scored.candidates { badges[candidate.index] = IdentityBadge(candidate.score) }
                return TakeBadges(badges: badges)
            } catch let error as FaceModelsError {
                problem = error.description
            } catch {
                problem = "identity scoring failed: \(error)"
            }
        }
        var badges: [Int: IdentityBadge] = [:]
        for candidate in take.candidates {
            if let score = try? storedScore(shotID: shotID, blob: candidate.blob) {
                badges[candidate.index] = IdentityBadge(score)
            }
        }
        return TakeBadges(badges: badges, problem: problem)
    }

    /// The score stored for `blob` as a candidate of `shotID` against the shot's cast as it is
    /// now, without dlib; nil when it was never scored against these references.
    public func storedScore(shotID: String, blob: BlobID) throws -> IdentityScore? {
        let named = namedCharacters(in: try studio.shot(shotID))
        guard !named.isEmpty else { return nil }
        let references = try named.map { name in [name] + (try referenceBlobs(for: name)).map(\.hex) }
        let key = try Self.inputsKey(
            references: references, placement: named.count >= 2 ? named : nil, scorer: scorer)
        guard
            let json = try store.identityScoreJSON(blob: blob, scorerVersion: IdentityScorer.version, inputsKey: key)
        else { return nil }
        return try? JSONDecoder().decode(IdentityScore.self, from: Data(json.utf8))
    }

    /// The blobs ``reference(for:)`` describes for `character`, without describing them.
    func referenceBlobs(for character: String) throws -> [BlobID] {
        var blobs: [BlobID] = []
        if let picked = try store.pickedCandidate(for: CastSheet.id(of: character)) { blobs.append(picked.blob) }
        for written in studio.film.character(character)?.references ?? [] {
            if let (_, blob) = try referenceImage(written) { blobs.append(blob) }
        }
        return blobs
    }
}
