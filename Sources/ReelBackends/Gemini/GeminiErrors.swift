import Foundation
import ReelKit

/// The Gemini API's failures as `BackendError`s a user can act on: Google's
/// `{"error": {"code", "message", "status"}}` with its words, a refused key naming
/// `GEMINI_API_KEY` (never the key), and safety blocks — of a prompt, an image or a clip — as
/// `.refused` with Google's reason, so that shot fails alone and is never retried.
enum GeminiErrors {
    static let backend = "gemini"

    /// The error a non-2xx answer from `url` stands for.
    static func error(of answer: HTTPAnswer, url: String, model: String) -> BackendError {
        let status = (try? JSONDecoder().decode(GeminiWire.ErrorBody.self, from: answer.body))?.error
        let said = said(status)
        // A wrong key is a 400 INVALID_ARGUMENT "API key not valid" (API_KEY_INVALID); none is a 403.
        let aboutTheKey = status?.message?.localizedCaseInsensitiveContains("API key") == true
        switch answer.status {
        case 401, 403,
            400 where aboutTheKey:
            return BackendError(
                .rejected, backend: backend,
                "Google refused the key (HTTP \(answer.status)\(said)); check that \(GeminiKey.variable) "
                    + "(or GOOGLE_API_KEY) holds a current key from https://aistudio.google.com/apikey",
                status: answer.status)
        case 400, 404, 422:
            if let message = status?.message, isSafety(message) {
                return refusal(
                    "Google refused this shot on safety grounds (\(model)): \(message)", status: answer.status)
            }
            return BackendError(
                .rejected, backend: backend,
                "Google rejected the request to \(model) (HTTP \(answer.status)\(said)); check the model id and the 'gemini:' block",
                status: answer.status)
        default:
            var error = answer.error(backend: backend, url: url, now: Date())
            if let message = status?.message { error.message = "\(error.message) — \(message)" }
            return error
        }
    }

    /// A finished operation's `error`: safety becomes `.refused`, a cancel `.cancelled`, the rest
    /// keep Google's code and words (google.rpc.Code numbers).
    static func error(ofOperation status: GeminiWire.Status, model: String) -> BackendError {
        let message = status.message ?? "no reason given"
        if isSafety(message) { return refusal("Veo refused this shot (\(model)): \(message)", status: nil) }
        switch status.code {
        case 1: return BackendError(.cancelled, backend: backend, "the Veo operation was cancelled (\(model))")
        case 3, 9:
            return BackendError(
                .rejected, backend: backend, "Veo rejected the request (\(model)): \(message); check the shot's still")
        case 8:
            return BackendError(
                .rateLimited, backend: backend, "Veo ran out of quota (\(model)): \(message); wait and make again")
        default:
            return BackendError(
                .serverError, backend: backend,
                "Veo failed making the clip (\(model), code \(status.code.map(String.init) ?? "?")): \(message); try again later"
            )
        }
    }

    static func refusal(_ message: String, status: Int?) -> BackendError {
        BackendError(.refused, backend: backend, message + "; change the prompt or the input image", status: status)
    }

    /// Whether Google's words describe a safety or responsible-AI block (UNCONFIRMED wording).
    static func isSafety(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return ["safety", "responsible ai", "usage guidelines", "prohibited", "sensitive", "blocked"].contains {
            lowered.contains($0)
        }
    }

    private static func said(_ status: GeminiWire.Status?) -> String {
        guard let status else { return "" }
        let words = [status.status, status.message.map { String($0.prefix(300)) }].compactMap { $0 }
        return words.isEmpty ? "" : ", " + words.joined(separator: ": ")
    }
}
