import Foundation
import ReelKit

/// Replicate's failures as `BackendError`s a user can act on: a prediction a model's safety
/// filter stopped becomes `.refused` with the model's own words (never retried; that shot fails
/// alone), a refused token names `REPLICATE_API_TOKEN` (never the token), a rejected input says
/// what Replicate disliked, and anything else keeps its HTTP meaning.
enum ReplicateErrors {
    static let backend = "replicate"

    /// The error a non-2xx answer from `url` stands for (a problem-details body when there is one).
    static func error(of answer: HTTPAnswer, url: String, model: String) -> BackendError {
        let problem = try? JSONDecoder().decode(ReplicateWire.Problem.self, from: answer.body)
        let said = [problem?.title, problem?.detail].compactMap { $0 }.joined(separator: ": ")
        let reason = said.isEmpty ? "" : ": \(said.prefix(400))"
        switch answer.status {
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "Replicate refused the token (HTTP \(answer.status)); check that \(ReplicateKey.variable) holds a current token from https://replicate.com/account/api-tokens",
                status: answer.status)
        case 402:
            return BackendError(
                .rejected, backend: backend,
                "Replicate needs credit to run \(model) (HTTP 402)\(reason); add a payment method or credit at https://replicate.com/account/billing",
                status: answer.status)
        case 404 where url.hasSuffix("/predictions"):
            return BackendError(
                .rejected, backend: backend,
                "Replicate does not know the model \(model) (HTTP 404)\(reason); fix the 'replicate:' block",
                status: answer.status)
        case 400, 404, 409, 422:
            return BackendError(
                .rejected, backend: backend,
                "Replicate rejected the input for \(model) (HTTP \(answer.status))\(reason)", status: answer.status)
        default:
            return answer.error(backend: backend, url: url, now: Date())
        }
    }

    /// A prediction that ended `failed`: a content refusal when its error clearly is one, else a
    /// fault on Replicate's side (E1001 out of memory, …) worth trying again later.
    static func error(ofFailed prediction: ReplicateWire.Prediction, model: String) -> BackendError {
        let text = prediction.errorText ?? "no reason given"
        if isRefusal(text) {
            return BackendError(
                .refused, backend: backend,
                "Replicate's \(model) refused this shot: \(text.prefix(400)); change the prompt or the input image")
        }
        return BackendError(
            .serverError, backend: backend,
            "Replicate failed running \(model) (prediction \(prediction.id)): \(text.prefix(400)); try again later")
    }

    /// Whether a failed prediction's error is a safety filter's or moderation's refusal. Models
    /// word it themselves (FLUX: "NSFW content detected…"; Replicate's own filter: "…flagged as
    /// sensitive… (E005)"; both wordings UNCONFIRMED), so only unmistakable words count; anything else is a
    /// fault, so a real failure is never hidden as a refusal.
    static func isRefusal(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let markers = [
            "nsfw", "flagged as sensitive", "(e005)", "content moderation", "moderation", "safety filter",
            "safety checker", "content policy", "content_policy",
        ]
        return markers.contains { lowered.contains($0) }
    }
}
