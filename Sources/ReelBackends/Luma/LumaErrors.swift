import Foundation
import ReelKit

/// Luma's failures as `BackendError`s a user can act on: a generation failed with
/// `content_moderated` becomes `.refused` with Luma's reason (never retried, it fails that shot
/// only), a refused key names `LUMA_AGENTS_API_KEY` (never the key), an empty balance says so,
/// and anything else keeps its HTTP meaning.
enum LumaErrors {
    static let backend = "luma"

    /// The error a non-2xx answer from `url` stands for.
    static func error(of answer: HTTPAnswer, url: String, model: String) -> BackendError {
        let said = (try? JSONDecoder().decode(LumaWire.ErrorBody.self, from: answer.body))?.detail
        let detail = said.map { ": \(String($0.prefix(400)))" } ?? ""
        switch answer.status {
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "Luma refused the key (HTTP \(answer.status)); check that \(LumaKey.variable) holds a current Agents API key from https://lumalabs.ai/api",
                status: answer.status)
        case 402:
            return BackendError(
                .rejected, backend: backend,
                "Luma's account balance is used up (HTTP 402)\(detail); add credit and make again",
                status: answer.status)
        case 400, 413, 422:
            return BackendError(
                .rejected, backend: backend, "Luma rejected the input for \(model) (HTTP \(answer.status))\(detail)",
                status: answer.status)
        default:
            return answer.error(backend: backend, url: url, now: Date())
        }
    }

    /// The error a generation that ended `failed` stands for.
    static func error(ofFailed generation: LumaWire.Generation, model: String) -> BackendError {
        let reason = generation.failure_reason ?? "no reason given"
        let code = generation.failure_code ?? ""
        let said = "\(reason)\(code.isEmpty ? "" : " (\(code))")"
        switch code {
        case "content_moderated":
            return BackendError(
                .refused, backend: backend,
                "Luma refused this shot on content policy (\(model)): \(said); change the prompt or the input image")
        case "budget_exhausted":
            return BackendError(
                .rejected, backend: backend, "Luma stopped \(model): \(said); add credit and make again")
        case "image_too_large", "unsupported_format", "corrupt_input", "invalid_request":
            return BackendError(.rejected, backend: backend, "Luma could not use the input for \(model): \(said)")
        case "rate_limited":
            return BackendError(
                .rateLimited, backend: backend, "Luma is rate limiting \(model): \(said); try again later")
        default:
            return BackendError(
                .serverError, backend: backend,
                "Luma failed generation \(generation.id) on \(model): \(said); try again")
        }
    }
}
