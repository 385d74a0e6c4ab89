import Foundation
import ReelKit

/// Runway's failures as `BackendError`s a user can act on: a task failed on moderation
/// (`SAFETY.*`, `INPUT_PREPROCESSING.SAFETY.*`) becomes `.refused` with Runway's own reason
/// (never retried, it fails that shot only), a refused key names `RUNWAYML_API_SECRET` (never the
/// key), a 400 says what Runway disliked in the input, and anything else keeps its HTTP meaning.
enum RunwayErrors {
    static let backend = "runway"

    /// The error a non-2xx answer from `url` stands for.
    static func error(of answer: HTTPAnswer, url: String, model: String) -> BackendError {
        let said = (try? JSONDecoder().decode(RunwayWire.ErrorBody.self, from: answer.body))?.error
        switch answer.status {
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "Runway refused the key (HTTP \(answer.status)); check that \(RunwayKey.variable) holds a current "
                    + "API secret from https://dev.runwayml.com",
                status: answer.status)
        case 400, 422:
            if let said, isSafetyWording(said) { return refusal(reason: said, code: nil, model: model) }
            return BackendError(
                .rejected, backend: backend,
                "Runway rejected the input for \(model) (HTTP \(answer.status))"
                    + (said.map { ": \(String($0.prefix(400)))" } ?? ""),
                status: answer.status)
        default:
            return answer.error(backend: backend, url: url, now: Date())
        }
    }

    /// The error a task that ended `FAILED` stands for.
    static func error(ofFailedTask task: RunwayWire.Task, model: String) -> BackendError {
        let code = task.failureCode ?? ""
        if isSafetyCode(code) { return refusal(reason: task.failure, code: code, model: model) }
        let reason = task.failure ?? "no reason given"
        let advice =
            code.hasPrefix("INTERNAL.BAD_OUTPUT")
            ? "Runway rejected its own output; a different prompt or seed may help"
            : "try again later"
        return BackendError(
            .serverError, backend: backend,
            "Runway failed task \(task.id) on \(model): \(reason)\(code.isEmpty ? "" : " (\(code))"); \(advice)")
    }

    /// A moderation refusal, with Runway's reason and code.
    static func refusal(reason: String?, code: String?, model: String) -> BackendError {
        BackendError(
            .refused, backend: backend,
            "Runway refused this shot on content policy (\(model)): \(reason ?? "no reason given")"
                + (code.map { " (\($0))" } ?? "") + "; change the prompt or the input image")
    }

    /// `SAFETY.INPUT.TEXT`, `SAFETY.OUTPUT.VIDEO`, `INPUT_PREPROCESSING.SAFETY.TEXT`…
    static func isSafetyCode(_ code: String) -> Bool {
        code.hasPrefix("SAFETY.") || code.contains(".SAFETY.") || code.hasSuffix(".SAFETY")
    }

    private static func isSafetyWording(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("moderation") || lowered.contains("content policy")
    }
}
