import Foundation
import ReelKit

/// Speaks Luma's Agents API (backend-apis.md §6b): `POST /generations` answers a generation,
/// `GET /generations/{id}` is polled until it is `completed` or `failed`. Every call carries
/// `Authorization: Bearer …`; outputs are presigned URLs fetched without the key, at once (they
/// last an hour). All calls go through the shared transport (408/429/5xx retried honouring
/// Retry-After).
///
/// ```swift
/// let client = LumaClient(baseURL: LumaSettings.defaultURL, key: key, transport: transport)
/// let id = try await client.create(body, model: "uni-1")
/// let urls = try await client.outputs(of: id, model: "uni-1") { _ in }
/// ```
public struct LumaClient: Sendable {
    /// `https://agents.lumalabs.ai/v1`, or the `url:` that replaces it.
    public var baseURL: String
    let key: ServiceKey?
    let transport: HTTPTransport
    /// The first wait between polls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        baseURL: String, key: ServiceKey?, transport: HTTPTransport, pollInterval: Duration = .seconds(2),
        maxPollInterval: Duration = .seconds(8)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    /// The key, or the one error that names `LUMA_AGENTS_API_KEY`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw LumaKey.missing }
        return key
    }

    /// Starts a generation and returns its id.
    func create(_ body: LumaWire.Create, model: String) async throws -> String {
        let key = try requireKey()
        let url = "\(baseURL)/generations"
        var call = try HTTPCall.post(url, encoding: body)
        call.headers.append(("Authorization", key.header(scheme: "Bearer")))
        let answer = try await transport.sendStartingPaidWork(call)
        guard (200..<300).contains(answer.status) else { throw LumaErrors.error(of: answer, url: url, model: model) }
        return try answer.decoded(
            LumaWire.Generation.self, backend: LumaErrors.backend, what: "a new \(model) generation"
        )
        .id
    }

    /// The generation as Luma has it now; `RemoteJobLost` when Luma does not know it.
    func generation(_ id: String, model: String) async throws -> LumaWire.Generation {
        let key = try requireKey()
        let url = "\(baseURL)/generations/\(id)"
        var call = HTTPCall.get(url)
        call.headers.append(("Authorization", key.header(scheme: "Bearer")))
        let answer = try await transport.send(call)
        if answer.status == 404 { throw RemoteJobLost(jobID: id, backend: LumaErrors.backend) }
        guard (200..<300).contains(answer.status) else { throw LumaErrors.error(of: answer, url: url, model: model) }
        return try answer.decoded(LumaWire.Generation.self, backend: LumaErrors.backend, what: "generation \(id)")
    }

    /// Waits for generation `id` to complete and returns its output URLs (download them at once).
    func outputs(of id: String, model: String, progress: @Sendable (String) -> Void) async throws -> [String] {
        var backoff = PollBackoff(interval: pollInterval, maxInterval: maxPollInterval)
        while true {
            try Task.checkCancellation()
            let generation = try await generation(id, model: model)
            switch generation.state {
            case "completed":
                let urls = (generation.output ?? []).map(\.url)
                guard !urls.isEmpty else {
                    throw BackendError(
                        .badResponse, backend: LumaErrors.backend, "Luma completed generation \(id) without outputs")
                }
                return urls
            case "failed": throw LumaErrors.error(ofFailed: generation, model: model)
            case "queued", "processing":
                progress(generation.state == "queued" ? "queued on Luma" : "running on Luma")
                try await transport.clock.sleep(for: backoff.next())
            default:
                throw BackendError(
                    .badResponse, backend: LumaErrors.backend,
                    "Luma answered a state Reel does not know ('\(generation.state)') for \(model)")
            }
        }
    }

    /// Fetches output `index` of generation `id` with `fetch`; a URL that no longer answers is
    /// replaced by the one a re-read of the generation gives, and when that fails too the output
    /// is gone (`RemoteJobLost`: the engine makes it again).
    func withFreshURL<T>(
        _ index: Int, of id: String, urls: [String], model: String, _ fetch: (String) async throws -> T
    ) async throws -> T {
        func attempt(_ url: String) async throws -> T? {
            do {
                return try await fetch(url)
            } catch let error as BackendError where [401, 403, 404, 410].contains(error.status ?? 0) {
                return nil
            }
        }
        guard urls.indices.contains(index) else { throw RemoteJobLost(jobID: id, backend: LumaErrors.backend) }
        if let result = try await attempt(urls[index]) { return result }
        let fresh = (try await generation(id, model: model).output ?? []).map(\.url)
        guard fresh.indices.contains(index), let result = try await attempt(fresh[index]) else {
            throw RemoteJobLost(jobID: id, backend: LumaErrors.backend)
        }
        return result
    }

    /// The bytes of output `index` of generation `id`.
    func fetch(output index: Int, of id: String, urls: [String], model: String) async throws -> Data {
        try await withFreshURL(index, of: id, urls: urls, model: model) { url in
            try await transport.send(.get(url)).checked(backend: LumaErrors.backend, url: url).body
        }
    }

    /// Streams output `index` of generation `id` (a clip) to `destination`.
    func download(output index: Int, of id: String, urls: [String], model: String, to destination: URL) async throws {
        try await withFreshURL(index, of: id, urls: urls, model: model) { url in
            _ = try await transport.download(.get(url), to: destination)
        }
    }

    /// Whether Luma answers and accepts the key: a read of a generation id that cannot exist,
    /// which costs nothing (404 means reachable and authorised; the Agents API has no account call).
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        guard let key else {
            return .failure(BackendError(.rejected, backend: LumaErrors.backend, "\(LumaKey.variable) is not set"))
        }
        let url = "\(baseURL)/generations/00000000-0000-0000-0000-000000000000"
        var call = HTTPCall.get(url, timeout: timeout)
        call.headers.append(("Authorization", key.header(scheme: "Bearer")))
        do {
            let answer = try await transport.send(call, retry: .once)
            if [401, 403].contains(answer.status) {
                return .failure(LumaErrors.error(of: answer, url: url, model: "the account"))
            }
            return .success("key accepted")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: LumaErrors.backend, "\(error)"))
        }
    }
}
