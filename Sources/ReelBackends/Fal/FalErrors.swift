import Foundation
import ReelKit

/// fal's failures as `BackendError`s a user can act on: a content-policy refusal becomes
/// `.refused` with fal's own reason (never retried, it fails that shot only), a refused key names
/// `FAL_KEY` (never the key), validation errors say which input fal disliked, and anything else
/// keeps its HTTP meaning.
enum FalErrors {
    static let backend = "fal"

    /// The error a non-2xx answer from `url` stands for.
    static func error(of answer: HTTPAnswer, url: String, model: String) -> BackendError {
        let body = try? JSONDecoder().decode(FalWire.ErrorBody.self, from: answer.body)
        let type = body?.error_type ?? answer.header("x-fal-error-type")
        if let refusal = refusal(in: body, type: type, model: model, status: answer.status) { return refusal }
        switch answer.status {
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "fal refused the key (HTTP \(answer.status)); check that \(FalKey.variable) holds a current key from https://fal.ai/dashboard/keys",
                status: answer.status)
        case 400, 422:
            let said = body.map(reason) ?? ""
            return BackendError(
                .rejected, backend: backend,
                "fal rejected the input for \(model) (HTTP \(answer.status))\(said.isEmpty ? "" : ": \(said)")",
                status: answer.status)
        default:
            var error = answer.error(backend: backend, url: url, now: Date())
            if let type { error.message += " (fal error type \(type))" }
            return error
        }
    }

    /// A run that completed with `error` in its status.
    static func error(ofFailedRun status: FalWire.Status, model: String) -> BackendError {
        let body = FalWire.ErrorBody(error: status.error, type: status.error_type)
        if let refusal = refusal(in: body, type: status.error_type, model: model, status: nil) { return refusal }
        return BackendError(
            .serverError, backend: backend,
            "fal failed running \(model): \(status.error ?? "no reason given")"
                + (status.error_type.map { " (\($0))" } ?? "") + "; try again later")
    }

    /// A content-policy or moderation refusal, with fal's reason.
    private static func refusal(
        in body: FalWire.ErrorBody?, type: String?, model: String, status: Int?
    ) -> BackendError? {
        let types = (body?.detail ?? []).compactMap(\.type) + (type.map { [$0] } ?? [])
        guard types.contains(where: isPolicyType) else { return nil }
        let reason = body.map(reason) ?? ""
        return BackendError(
            .refused, backend: backend,
            "fal refused this shot on content policy (\(model)): \(reason.isEmpty ? "no reason given" : reason); "
                + "change the prompt or the input image",
            status: status)
    }

    static func isPolicyType(_ type: String) -> Bool {
        let lowered = type.lowercased()
        return lowered.contains("content_policy") || lowered.contains("moderation") || lowered.contains("nsfw")
    }

    /// fal's words, cut short: each detail's message with where it points (`body.prompt`).
    private static func reason(_ body: FalWire.ErrorBody) -> String {
        var parts: [String] = []
        for item in body.detail ?? [] {
            let place = (item.loc ?? []).compactMap { value -> String? in
                if case .string(let text) = value { return text }
                if case .int(let number) = value { return String(number) }
                return nil
            }.joined(separator: ".")
            let text = item.msg ?? item.type ?? ""
            parts.append(place.isEmpty ? text : "\(place): \(text)")
        }
        if let message = body.message { parts.append(message) }
        if let error = body.error { parts.append(error) }
        return String(parts.joined(separator: "; ").prefix(400))
    }
}

extension FalWire.ErrorBody {
    init(error: String?, type: String?) {
        detail = nil
        message = nil
        self.error = error
        error_type = type
    }
}
