import AsyncHTTPClient
import Foundation
import ReelKit

/// Speaks the Gemini API (backend-apis.md §8): `POST {base}/models/{model}:generateContent`,
/// `POST {base}/models/{model}:predictLongRunning`, `GET {base}/{operation name}`, each with
/// `x-goog-api-key`. The key goes only to the base URL's origin (scheme, host and port): a
/// download elsewhere, or a redirect away from it, is fetched without the key. Every call goes
/// through the shared transport, so 408/429/5xx are retried honouring Retry-After.
///
/// ```swift
/// let client = GeminiClient(baseURL: GeminiSettings.defaultURL, key: key, transport: transport)
/// let answer = try await client.generateContent(model: "gemini-2.5-flash-image", request: body)
/// ```
public struct GeminiClient: Sendable {
    /// `https://generativelanguage.googleapis.com/v1beta`, or the `url:` that replaces it.
    public var baseURL: String
    let key: ServiceKey?
    let transport: HTTPTransport
    /// The first wait between operation polls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        baseURL: String, key: ServiceKey?, transport: HTTPTransport, pollInterval: Duration = .seconds(5),
        maxPollInterval: Duration = .seconds(20)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    /// The key, or the one error that names `GEMINI_API_KEY`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw GeminiKey.missing }
        return key
    }

    /// One synchronous image generation.
    func generateContent(
        model: String, request: GeminiWire.GenerateContentRequest
    ) async throws -> GeminiWire.GenerateContentResponse {
        let answer = try await post("models/\(model):generateContent", body: request, model: model)
        return try answer.decoded(
            GeminiWire.GenerateContentResponse.self, backend: GeminiErrors.backend, what: "a generateContent call")
    }

    /// Starts a Veo generation and returns its operation's name (`models/…/operations/…`).
    func predictLongRunning(model: String, request: GeminiWire.PredictLongRunningRequest) async throws -> String {
        let answer = try await post("models/\(model):predictLongRunning", body: request, model: model)
        let operation = try answer.decoded(
            GeminiWire.Operation.self, backend: GeminiErrors.backend, what: "a predictLongRunning call")
        guard let name = operation.name, Self.isOperationName(name) else {
            throw BackendError(
                .badResponse, backend: GeminiErrors.backend, "Google started a Veo job without a usable operation name")
        }
        return name
    }

    /// The operation as it is now; `RemoteJobLost` when Google does not know it (404).
    func operation(_ name: String, model: String) async throws -> GeminiWire.Operation {
        guard Self.isOperationName(name) else { throw RemoteJobLost(jobID: name, backend: GeminiErrors.backend) }
        let key = try requireKey()
        let url = "\(baseURL)/\(name)"
        let answer = try await transport.send(authorized(.get(url), key))
        if answer.status == 404 { throw RemoteJobLost(jobID: name, backend: GeminiErrors.backend) }
        guard (200..<300).contains(answer.status) else {
            throw GeminiErrors.error(of: answer, url: url, model: model)
        }
        return try answer.decoded(GeminiWire.Operation.self, backend: GeminiErrors.backend, what: "an operation poll")
    }

    private func post(_ path: String, body: some Encodable, model: String) async throws -> HTTPAnswer {
        let key = try requireKey()
        let url = "\(baseURL)/\(path)"
        let answer = try await transport.sendStartingPaidWork(authorized(try .post(url, encoding: body), key))
        guard (200..<300).contains(answer.status) else { throw GeminiErrors.error(of: answer, url: url, model: model) }
        return answer
    }

    /// An operation name as Google gives them; anything else is not asked for (it would be
    /// appended to the base URL with the key).
    static func isOperationName(_ name: String) -> Bool {
        name.hasPrefix("models/") && name.contains("/operations/") && !name.contains("..")
            && !name.contains { "?#%\\ \n".contains($0) }
    }

    /// Whether `url` is on the base URL's origin, the only place the key is sent.
    func sendsKey(to url: String) -> Bool {
        guard let target = URLComponents(string: url), let base = URLComponents(string: baseURL) else { return false }
        func port(_ parts: URLComponents) -> Int? { parts.port ?? (parts.scheme == "https" ? 443 : 80) }
        return target.scheme?.lowercased() == base.scheme?.lowercased()
            && target.host?.lowercased() == base.host?.lowercased() && port(target) == port(base)
    }

    /// Fetches a Veo clip to `destination`: with the key on the base URL's origin (redirects
    /// followed by hand, the key dropped when one leaves it), without it anywhere else. A file
    /// that is gone means the job must be made again.
    func download(_ uri: String, jobID: String, to destination: URL) async throws {
        var url = uri
        for _ in 0..<5 {
            guard sendsKey(to: url) else {
                do {
                    try await transport.download(.get(url), to: destination)
                } catch let error as BackendError where [403, 404, 410].contains(error.status ?? 0) {
                    throw RemoteJobLost(jobID: jobID, backend: GeminiErrors.backend)
                }
                return
            }
            let call = authorized(.get(url), try requireKey())
            let answer = try await withoutRedirects { try await $0.send(call) }
            if [403, 404, 410].contains(answer.status) {
                throw RemoteJobLost(jobID: jobID, backend: GeminiErrors.backend)
            }
            if (300..<400).contains(answer.status), let location = answer.header("Location"),
                let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString
            {
                url = next
                continue
            }
            try answer.checked(backend: GeminiErrors.backend, url: url).body.write(to: destination, options: .atomic)
            return
        }
        throw BackendError(
            .badResponse, backend: GeminiErrors.backend, "Google redirected the clip's download too often")
    }

    /// Runs `body` on a transport whose client does not follow redirects, so a keyed request
    /// never carries the key to another host (AsyncHTTPClient keeps custom headers on redirects).
    private func withoutRedirects<T: Sendable>(
        _ body: (HTTPTransport) async throws -> T
    ) async throws -> T {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let plain = HTTPTransport(
            backend: transport.backend, client: client, retry: transport.retry, clock: transport.clock,
            maxBodyBytes: transport.maxBodyBytes, maxDownloadBytes: transport.maxDownloadBytes,
            timeout: transport.timeout, now: transport.now)
        do {
            let result = try await body(plain)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Whether Google answers and accepts the key: one page of one model from `GET {base}/models`.
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        guard let key else {
            return .failure(BackendError(.rejected, backend: GeminiErrors.backend, "\(GeminiKey.variable) is not set"))
        }
        let url = "\(baseURL)/models?pageSize=1"
        do {
            let answer = try await transport.send(authorized(.get(url, timeout: timeout), key), retry: .once)
            guard (200..<300).contains(answer.status) else {
                return .failure(GeminiErrors.error(of: answer, url: url, model: "models"))
            }
            return .success("key accepted")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: GeminiErrors.backend, "\(error)"))
        }
    }

    private func authorized(_ call: HTTPCall, _ key: ServiceKey) -> HTTPCall {
        var call = call
        call.headers.append(("x-goog-api-key", key.header(scheme: nil)))
        return call
    }
}
