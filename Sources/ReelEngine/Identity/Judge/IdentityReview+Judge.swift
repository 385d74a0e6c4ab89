import Foundation
import ReelFaces
import ReelKit
import ReelStore

/// The second scorer: where dlib finds no face (or `score: { scorer: judge }`), the film's
/// judge (`backends: { judge: gemini }`) is shown each character's references and the candidate
/// and asked ``JudgePrompt``'s question. Verdicts are stored per candidate blob, reference
/// blobs, placement, judge model and question version, so one is never asked twice; each call
/// is held to `--budget` before it is made and its cost recorded in the ledger.
extension IdentityReview {
    /// What one candidate's judging came to.
    enum Judged: Sendable {
        case verdict(JudgeScore)
        case failed(String)
        /// Not stored, and the caller asked for stored verdicts only.
        case notAsked
    }

    /// The judge the film names, unless its scorer is `faces`; nil when there is none.
    func filmJudge() throws -> (any JudgeBackend)? {
        guard studio.film.scorer != .faces, let name = studio.film.backends.judge else { return nil }
        return try studio.registry.judge(name)
    }

    /// A character's reference images as the judge sees them: its sheet's pick, then its
    /// `references:` (files under the project, downloaded URLs); unreadable ones are skipped.
    public func referenceImages(for character: String) throws -> [(data: Data, blob: BlobID)] {
        var images: [(data: Data, blob: BlobID)] = []
        if let picked = try store.pickedCandidate(for: CastSheet.id(of: character)) {
            images.append((try store.blobs.data(picked.blob), picked.blob))
        }
        for written in studio.film.character(character)?.references ?? [] {
            guard let (data, blob) = try referenceImage(written) else { continue }
            images.append((data, blob))
        }
        return images
    }

    /// The store's key for a judge's verdicts: backend, model and question version.
    static func judgeVersion(_ judge: any JudgeBackend) -> String {
        "judge/\(judge.name)/\(judge.model)/\(JudgePrompt.version)"
    }

    /// What a verdict depends on besides the candidate: each character's reference blobs and the placement.
    static func judgeInputsKey(references: [[String]], placement: [String]?) throws -> String {
        struct Inputs: Encodable {
            let references: [[String]]
            let placement: [String]?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return BlobID.of(try encoder.encode(Inputs(references: references, placement: placement))).hex
    }

    /// The judge's verdicts on `candidate`, from the store when already asked; otherwise asked
    /// once (budget first, cost recorded after). An answer Reel cannot read, or a refusal, fails
    /// this candidate only; a missing key or the budget stops the scoring with one error.
    func judgeCandidate(
        _ candidate: BlobID, shotID: String, judge: any JudgeBackend,
        references: [(character: String, images: [(data: Data, blob: BlobID)])], placement: [String]?,
        ask: Bool = true
    ) async throws -> Judged {
        let version = Self.judgeVersion(judge)
        let key = try Self.judgeInputsKey(
            references: references.map { [$0.character] + $0.images.map(\.blob.hex) }, placement: placement)
        if let json = try store.identityScoreJSON(blob: candidate, scorerVersion: version, inputsKey: key),
            let score = try? JSONDecoder().decode(JudgeScore.self, from: Data(json.utf8))
        {
            return .verdict(score)
        }
        guard ask else { return .notAsked }
        try (judge as? any SetupChecked)?.checkSetup()
        let label = "\(judge.name) judge"
        try studio.checkBudget(adding: judge.pricePerCallUSD, backend: label)
        let question = JudgePrompt.question(
            references: references.map { ($0.character, $0.images.map(\.data)) },
            candidate: try store.blobs.data(candidate))
        let reply: JudgeReply
        do {
            reply = try await judge.judge(question)
        } catch let failure as any ReelFailure where failure.code.rawValue != "rejected" {
            // The service's trouble with this question; a refused key or model stops everything.
            return .failed("the judge failed: \(failure.message)")
        }
        if reply.costUSD > 0 { try store.recordCost(usd: reply.costUSD, backend: label, shotID: shotID) }
        if let refusal = reply.refusal { return .failed("the judge refused: \(refusal)") }
        do {
            let characters = try JudgeAnswer.read(
                reply.text, characters: references.map(\.character), placement: placement)
            let score = JudgeScore(
                backend: judge.name, model: judge.model, promptVersion: JudgePrompt.version, characters: characters)
            let json = String(decoding: try JSONEncoder().encode(score), as: UTF8.self)
            try store.recordIdentityScore(json, blob: candidate, scorerVersion: version, inputsKey: key)
            return .verdict(score)
        } catch let error as JudgeAnswerError {
            return .failed(error.description)
        }
    }
}
