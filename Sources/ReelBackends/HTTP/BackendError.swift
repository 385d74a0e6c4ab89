import AsyncHTTPClient
import Foundation
import ReelKit

/// A remote backend failed or refused: a stable code callers can branch on, the backend's
/// registry name, and a message that says what to do about it. Messages never carry an API key,
/// an auth header or a signed URL.
public struct BackendError: ReelFailure {
    public struct Code: FailureCode {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No connection could be made, or it broke before an answer came.
        public static let unreachable = Code(rawValue: "unreachable")
        /// The server asked us to slow down (HTTP 429).
        public static let rateLimited = Code(rawValue: "rate-limited")
        /// The server refused the request as invalid (400/401/403/404/422, ComfyUI's node errors).
        public static let rejected = Code(rawValue: "rejected")
        /// The server failed while working (5xx, ComfyUI's execution_error).
        public static let serverError = Code(rawValue: "server-error")
        /// The server answered with something that is not what its protocol promises.
        public static let badResponse = Code(rawValue: "bad-response")
        /// A result that should be an image (or clip) is not a usable one.
        public static let notAnImage = Code(rawValue: "not-an-image")
        /// The service refused the prompt or an input image on content policy (moderation); the
        /// same request will be refused again, so it is never retried. The message carries the
        /// service's reason.
        public static let refused = Code(rawValue: "refused")
        /// The job was cancelled (Ctrl-C, or the server interrupted it).
        public static let cancelled = Code(rawValue: "cancelled")
        /// No answer came in time.
        public static let timedOut = Code(rawValue: "timed-out")
    }

    public var code: Code
    /// The registry name of the backend (`comfyui`, `a1111`).
    public var backend: String
    public var message: String
    /// The HTTP status, when the failure was an HTTP answer.
    public var status: Int?
    /// How long the server asked us to wait before trying again (Retry-After).
    public var retryAfter: Duration?
    /// The server's own word on retrying (`x-should-retry`), which overrides the status.
    public var serverSaysRetry: Bool?
    public var underlying: (any Error & Sendable)?

    public init(
        _ code: Code, backend: String, _ message: String, status: Int? = nil, retryAfter: Duration? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.backend = backend
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.underlying = underlying
    }

    /// Whether trying the same request again may succeed: connection trouble, timeouts,
    /// rate limits and server faults; never a refusal of the request itself.
    public var isTransient: Bool {
        if let serverSaysRetry { return serverSaysRetry }
        return switch code {
        case .unreachable, .rateLimited, .serverError, .timedOut: status.map(Self.isRetryableStatus) ?? true
        default: status == 408
        }
    }

    /// Whether the server may have acted on the request that failed, so sending it again could
    /// run (and bill) the work twice: false only when the failure shows it did not (408, 429 and
    /// 503 say the request was not taken; a refused or timed-out connection never reached it).
    public var mayHaveBeenProcessed: Bool {
        if let status { return ![408, 429, 503].contains(status) }
        if let client = underlying as? HTTPClientError, client == .connectTimeout { return false }
        if code == .unreachable, let underlying, "\(underlying)".localizedCaseInsensitiveContains("refused") {
            return false
        }
        return true
    }

    /// 408, 429 and 5xx; never 400, 401, 403 or 422.
    public static func isRetryableStatus(_ status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// The user fixes the server, its settings or the workflow; a cancelled job was interrupted.
    public var kind: FailureKind { code == .cancelled ? .interrupted : .backend }

    public var description: String { "\(backend): \(message)" }

    /// A URL as a message may show it: without user and password (basic auth in film.yaml's
    /// `url`) and without the query (signed URLs carry their token there).
    public static func shown(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "the server" }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "the server"
    }
}

extension BackendError {
    /// The error an HTTP status stands for, with the server's own words (cut short) and what to do.
    static func http(
        status: Int, backend: String, url rawURL: String, body: Data, retryAfter: Duration?
    ) -> BackendError {
        let url = shown(rawURL)
        let said = String(decoding: body.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = said.isEmpty ? "" : ": \(said)"
        switch status {
        case 429:
            return BackendError(
                .rateLimited, backend: backend,
                "\(backend) is rate limiting requests to \(url) (HTTP 429)\(detail); wait and try again, or lower the backend's concurrency",
                status: status, retryAfter: retryAfter)
        case 408:
            return BackendError(
                .timedOut, backend: backend, "\(backend) timed out answering \(url) (HTTP 408)\(detail); try again",
                status: status, retryAfter: retryAfter)
        case 401, 403:
            return BackendError(
                .rejected, backend: backend,
                "\(backend) refused access to \(url) (HTTP \(status)); check the server's authentication settings\(detail)",
                status: status)
        case 500...599:
            return BackendError(
                .serverError, backend: backend,
                "\(backend) failed answering \(url) (HTTP \(status))\(detail); check the server's log", status: status,
                retryAfter: retryAfter)
        default:
            return BackendError(
                .rejected, backend: backend, "\(backend) rejected the request to \(url) (HTTP \(status))\(detail)",
                status: status)
        }
    }
}
