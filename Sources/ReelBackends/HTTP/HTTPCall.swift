import Foundation

/// One HTTP request as a value: what `HTTPTransport` sends (and sends again on a retry).
public struct HTTPCall: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: Data?
    /// Overrides the transport's per-attempt timeout (short for health checks).
    public var timeout: Duration?

    public init(
        method: String, url: String, headers: [(String, String)] = [], body: Data? = nil, timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public static func get(_ url: String, timeout: Duration? = nil) -> HTTPCall {
        HTTPCall(method: "GET", url: url, timeout: timeout)
    }

    /// A POST of JSON bytes.
    public static func post(_ url: String, json: Data) -> HTTPCall {
        HTTPCall(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: json)
    }

    /// A POST of a value encoded as JSON.
    public static func post(_ url: String, encoding value: some Encodable) throws -> HTTPCall {
        post(url, json: try JSONEncoder().encode(value))
    }
}

/// An HTTP answer with its body read (up to the transport's cap).
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// Self when 2xx; otherwise the `BackendError` the status stands for.
    public func checked(backend: String, url: String = "", now: Date = Date()) throws -> HTTPAnswer {
        guard (200..<300).contains(status) else { throw error(backend: backend, url: url, now: now) }
        return self
    }

    func error(backend: String, url: String = "", now: Date) -> BackendError {
        var error = BackendError.http(
            status: status, backend: backend, url: url.isEmpty ? "the server" : url, body: body,
            retryAfter: retryAfter(now: now))
        error.serverSaysRetry = serverSaysRetry
        return error
    }

    /// How long the server asked us to wait: OpenAI's `retry-after-ms` (milliseconds, finer)
    /// first, then `Retry-After` (seconds or an HTTP date).
    public func retryAfter(now: Date) -> Duration? {
        if let text = header("retry-after-ms")?.trimmingCharacters(in: .whitespaces), let milliseconds = Double(text),
            milliseconds.isFinite, milliseconds >= 0
        {
            return .milliseconds(Int64(milliseconds.rounded(.up)))
        }
        return RetryAfter.parse(header("Retry-After"), now: now)
    }

    /// The server's own word on retrying (`x-should-retry: true|false`, sent by OpenAI); `nil`
    /// when it said nothing, and the status decides.
    public var serverSaysRetry: Bool? {
        switch header("x-should-retry")?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Whether the transport should try this answer's request again.
    var isRetryable: Bool { serverSaysRetry ?? BackendError.isRetryableStatus(status) }

    /// The body decoded as JSON, or a `badResponse` error saying what was expected.
    public func decoded<T: Decodable>(_ type: T.Type, backend: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            let start = String(decoding: body.prefix(200), as: UTF8.self)
            throw BackendError(
                .badResponse, backend: backend,
                "\(backend) answered \(what) with something Reel cannot read (\(error)); it began: \(start)",
                status: status, underlying: error)
        }
    }
}
