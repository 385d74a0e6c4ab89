import Foundation
import ReelFaces
import ReelKit
import ReelStore

extension IdentityReview {
    /// Scores every candidate of the shot's latest take against the characters it names.
    /// `placement` (characters left to right) overrides where the take's request placed them.
    public func scoreLatestTake(shotID: String, placement: [String]? = nil) async throws -> ShotIdentity {
        let take = try store.latestTake(shot: shotID)
        return try await score(shotID: shotID, take: take, placement: placement)
    }

    /// Scores the shot's picked candidate (or its latest take's first when nothing is picked),
    /// for the film's table.
    public func scorePick(shotID: String, placement: [String]? = nil) async throws -> ShotIdentity {
        let shot = try studio.shot(shotID)
        let picked = try store.pickedCandidate(for: shotID)
        let take = try picked.flatMap { try store.take(id: $0.takeID) } ?? store.latestTake(shot: shotID)
        let candidate = picked ?? take?.candidates.first
        let scored = try await score(shotID: shot.id, take: take, placement: placement, only: candidate?.index)
        return scored
    }

    /// `askJudge: false` reads only verdicts the judge already gave (badges never spend money).
    func score(
        shotID: String, take: Take?, placement: [String]?, only: Int? = nil, askJudge: Bool = true
    ) async throws -> ShotIdentity {
        let shot = try studio.shot(shotID)
        let named = namedCharacters(in: shot)
        let judgeOnly = studio.film.scorer == .judge
        let judge = try filmJudge()
        var cast: [CharacterReference] = []
        var blobs: [[String]] = []
        var judged: [(character: String, images: [(data: Data, blob: BlobID)])] = []
        for name in named {
            if judge != nil {
                let images = try referenceImages(for: name)
                if !images.isEmpty { judged.append((name, images)) }
            }
            guard !judgeOnly else { continue }
            let (reference, referenceBlobs) = try reference(for: name)
            cast.append(reference)
            blobs.append([name] + referenceBlobs.map(\.hex))
        }
        // Who stands where: as asked, else as the take's request placed its people (`cast:`, the
        // prompt's words) or, for a take whose request cannot be read, as the shot places them now;
        // else the order the prompt names them.
        let people =
            (try? take?.decodedRequest())?.people ?? (try? studio.currentRequest(for: shot))?.request.people
        let placed = people.flatMap { people in
            people.count >= 2 ? people.sorted { $0.region.left < $1.region.left }.map(\.character) : nil
        }
        let order = placement ?? placed ?? (named.count >= 2 ? named : nil)
        let inputsKey = try Self.inputsKey(references: blobs, placement: order, scorer: scorer)
        let candidates = (take?.candidates ?? []).filter { only == nil || $0.index == only }
        let references = cast
        let unreferenced = judgeOnly ? [] : references.filter { $0.descriptors.isEmpty }.map(\.character)
        let toJudge = judged
        let scores = try await withThrowingTaskGroup(of: CandidateIdentity.self) { group in
            for candidate in candidates {
                group.addTask { [self] in
                    let score =
                        judgeOnly
                        ? IdentityScore(faces: [], distances: [], characters: [], extraFaces: [], threshold: 0)
                        : try scoreCandidate(candidate.blob, cast: references, placement: order, inputsKey: inputsKey)
                    var scored = CandidateIdentity(index: candidate.index, blob: candidate.blob.hex, score: score)
                    // The judge where dlib cannot score: no face in the candidate, or a character without one.
                    if let judge, !toJudge.isEmpty, judgeOnly || score.noFace || !unreferenced.isEmpty {
                        switch try await judgeCandidate(
                            candidate.blob, shotID: shot.id, judge: judge, references: toJudge, placement: order,
                            ask: askJudge)
                        {
                        case .verdict(let verdict): scored.judge = verdict
                        case .failed(let message): scored.judgeFailure = message
                        case .notAsked: break
                        }
                    }
                    return scored
                }
            }
            var all: [CandidateIdentity] = []
            for try await scored in group { all.append(scored) }
            return all.sorted { $0.index < $1.index }
        }
        return ShotIdentity(
            shotID: shot.id, takeID: take?.id, pickedIndex: try store.pick(for: shot.id).map(\.candidateIndex),
            characters: named, unreferenced: unreferenced, candidates: scores)
    }

    /// One image's score, from the store when this scorer has scored it against these inputs.
    func scoreCandidate(
        _ blob: BlobID, cast: [CharacterReference], placement: [String]?, inputsKey: String
    ) throws
        -> IdentityScore
    {
        let version = IdentityScorer.version
        if let json = try store.identityScoreJSON(blob: blob, scorerVersion: version, inputsKey: inputsKey),
            let score = try? JSONDecoder().decode(IdentityScore.self, from: Data(json.utf8))
        {
            return score
        }
        let score = scorer.score(faces: try faces(ofBlob: blob), cast: cast, placement: placement)
        let json = String(decoding: try JSONEncoder().encode(score), as: UTF8.self)
        try store.recordIdentityScore(json, blob: blob, scorerVersion: version, inputsKey: inputsKey)
        return score
    }

    /// What a score depends on besides the image: each character's reference blobs, the
    /// placement and the scorer's settings.
    static func inputsKey(references: [[String]], placement: [String]?, scorer: IdentityScorer) throws -> String {
        struct Inputs: Encodable {
            let references: [[String]]
            let placement: [String]?
            let threshold: Double
            let mergeMargin: Double
            let mergeReach: Double
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(
            Inputs(
                references: references, placement: placement, threshold: scorer.threshold,
                mergeMargin: scorer.mergeMargin, mergeReach: scorer.mergeReach))
        return BlobID.of(data).hex
    }
}
