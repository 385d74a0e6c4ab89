import Foundation
import ReelKit

/// Speaks OpenAI's REST API (backend-apis.md §2): every call to `{base}/…` carries
/// `Authorization: Bearer $OPENAI_API_KEY` and the optional organization and project headers,
/// and goes through the shared transport, so 408/429/5xx are retried honouring `retry-after-ms`,
/// `Retry-After` and `x-should-retry`. The API is synchronous: an answer is the result.
///
/// ```swift
/// let client = OpenAIClient(baseURL: "https://api.openai.com/v1", key: key, transport: transport)
/// let answer = try await client.post("/images/generations", json: body, model: "gpt-image-2", setting: "image_model")
/// ```
public struct OpenAIClient: Sendable {
    /// `https://api.openai.com/v1`, or the `url:` that replaces it (a proxy, a local server).
    public var baseURL: String
    let key: ServiceKey?
    let accountHeaders: [(String, String)]
    let transport: HTTPTransport

    public init(baseURL: String, key: ServiceKey?, accountHeaders: [(String, String)] = [], transport: HTTPTransport) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.accountHeaders = accountHeaders
        self.transport = transport
    }

    /// The key, or the one error that names `OPENAI_API_KEY`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw OpenAIKey.missing }
        return key
    }

    /// POSTs a JSON body to `path` and returns the 2xx answer, or the error it stands for.
    func post(_ path: String, json body: some Encodable, model: String, setting: String) async throws -> HTTPAnswer {
        try await send(
            path, body: try JSONEncoder().encode(body), contentType: "application/json", model: model, setting: setting)
    }

    /// POSTs a multipart form to `path` and returns the 2xx answer, or the error it stands for.
    func post(_ path: String, form: MultipartForm, model: String, setting: String) async throws -> HTTPAnswer {
        try await send(path, body: form.data, contentType: form.contentType, model: model, setting: setting)
    }

    private func send(
        _ path: String, body: Data, contentType: String, model: String, setting: String
    ) async throws -> HTTPAnswer {
        let key = try requireKey()
        let url = baseURL + path
        let call = HTTPCall(
            method: "POST", url: url,
            headers: [("Content-Type", contentType), ("Authorization", key.header(scheme: "Bearer"))] + accountHeaders,
            body: body, timeout: .seconds(300))
        let answer = try await transport.sendStartingPaidWork(call)
        guard (200..<300).contains(answer.status) else {
            throw OpenAIErrors.error(of: answer, url: url, model: model, setting: setting)
        }
        return answer
    }

    /// Whether OpenAI answers and accepts the key: `GET /models`, which costs nothing.
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        guard let key else {
            return .failure(
                BackendError(.rejected, backend: OpenAIErrors.backend, "\(OpenAIKey.variable) is not set"))
        }
        let call = HTTPCall(
            method: "GET", url: baseURL + "/models",
            headers: [("Authorization", key.header(scheme: "Bearer"))] + accountHeaders, timeout: timeout)
        do {
            let answer = try await transport.send(call, retry: .once)
            if [401, 403].contains(answer.status) {
                return .failure(
                    BackendError(
                        .rejected, backend: OpenAIErrors.backend,
                        "OpenAI refused the key in \(OpenAIKey.variable)", status: answer.status))
            }
            guard (200..<300).contains(answer.status) else {
                return .failure(answer.error(backend: OpenAIErrors.backend, url: call.url, now: Date()))
            }
            return .success("key accepted")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: OpenAIErrors.backend, "\(error)"))
        }
    }
}
