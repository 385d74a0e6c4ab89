import Foundation
import ReelKit

/// OpenAI's failures as `BackendError`s a user can act on: a moderation refusal becomes
/// `.refused` with OpenAI's own words (never retried; it fails that shot or line only), a
/// retired model names the setting to change, a refused key names `OPENAI_API_KEY` (OpenAI's
/// text for it quotes part of the key, so it is never shown), and anything else keeps its HTTP
/// meaning with OpenAI's message and request id.
enum OpenAIErrors {
    static let backend = "openai"

    /// The error a non-2xx answer from `url` stands for; `setting` is the key of the `openai:`
    /// block that chose `model` (`image_model`, `speech_model`).
    static func error(of answer: HTTPAnswer, url: String, model: String, setting: String) -> BackendError {
        let detail = (try? JSONDecoder().decode(OpenAIWire.ErrorBody.self, from: answer.body))?.error
        let said = String((detail?.message ?? "").prefix(400))
        let request = answer.header("x-request-id").map { " (request \($0))" } ?? ""
        let status = answer.status
        if isRefusal(detail) {
            return BackendError(
                .refused, backend: backend,
                "OpenAI refused this on content policy (\(model)): \(said.isEmpty ? "no reason given" : said)\(request); "
                    + "change the prompt or the input images", status: status)
        }
        switch status {
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "OpenAI refused the key (HTTP \(status)); check that \(OpenAIKey.variable) holds a current key from "
                    + "https://platform.openai.com/api-keys (and OPENAI_ORG_ID / OPENAI_PROJECT_ID, if set, match it)",
                status: status)
        case 404 where detail?.code == "model_not_found" || said.localizedCaseInsensitiveContains("model"):
            return BackendError(
                .rejected, backend: backend,
                "OpenAI no longer serves the model '\(model)' (HTTP 404 \(detail?.code ?? "not found"))\(request): "
                    + "it has been retired or your account cannot use it; set a current one with "
                    + "'openai: { \(setting): \(setting == "speech_model" ? OpenAISettings.defaultSpeechModel : OpenAISettings.defaultImageModel) }'",
                status: status)
        case 400, 404, 409, 422:
            let param = detail?.param.map { " (parameter '\($0)')" } ?? ""
            return BackendError(
                .rejected, backend: backend,
                "OpenAI rejected the request for \(model) (HTTP \(status))\(param)\(said.isEmpty ? "" : ": \(said)")\(request)",
                status: status)
        default:
            var error = answer.error(backend: backend, url: url, now: Date())
            error.message += request
            return error
        }
    }

    /// Whether OpenAI's error is a moderation refusal (`moderation_blocked`, `content_policy_violation`).
    static func isRefusal(_ detail: OpenAIWire.ErrorBody.Detail?) -> Bool {
        let words = [detail?.code, detail?.type].compactMap { $0?.lowercased() }
        return words.contains { $0.contains("moderation") || $0.contains("content_policy") || $0.contains("safety") }
    }
}
