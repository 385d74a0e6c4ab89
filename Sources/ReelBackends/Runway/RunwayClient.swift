import Foundation
import ReelKit

/// Speaks Runway's task API (backend-apis.md §5): create a task (`POST /v1/text_to_image`,
/// `/v1/image_to_video`), poll `GET /v1/tasks/{id}` until it succeeds, fails or is cancelled,
/// cancel with `DELETE /v1/tasks/{id}`. Every call carries `Authorization: Bearer …` and
/// `X-Runway-Version`; outputs are fetched from Runway's CDN without the key. Output URLs expire,
/// so they are downloaded at once, and one that is refused is asked for again by re-reading the
/// task, which answers fresh URLs. All calls go through the shared transport (408/429/5xx retried
/// honouring Retry-After).
///
/// ```swift
/// let client = RunwayClient(baseURL: RunwaySettings.defaultURL, key: key, transport: transport)
/// let id = try await client.create("text_to_image", body: body, model: "gen4_image")
/// let urls = try await client.outputs(of: id, model: "gen4_image") { _, _ in }
/// ```
public struct RunwayClient: Sendable {
    /// `https://api.dev.runwayml.com`, or the `url:` that replaces it.
    public var baseURL: String
    let key: ServiceKey?
    let transport: HTTPTransport
    /// The first wait between polls; it doubles up to `maxPollInterval` (Runway's SDK polls
    /// every 6 s).
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        baseURL: String, key: ServiceKey?, transport: HTTPTransport, pollInterval: Duration = .seconds(2),
        maxPollInterval: Duration = .seconds(6)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    /// The key, or the one error that names `RUNWAYML_API_SECRET`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw RunwayKey.missing }
        return key
    }

    /// Creates a task at `POST /v1/{endpoint}` and returns its id.
    func create(_ endpoint: String, body: some Encodable, model: String) async throws -> String {
        let key = try requireKey()
        let url = "\(baseURL)/v1/\(endpoint)"
        var call = try HTTPCall.post(url, encoding: body)
        call.headers += headers(key)
        let answer = try await transport.sendStartingPaidWork(call)
        guard (200..<300).contains(answer.status) else { throw RunwayErrors.error(of: answer, url: url, model: model) }
        return try answer.decoded(RunwayWire.Created.self, backend: RunwayErrors.backend, what: "a new \(model) task")
            .id
    }

    /// The task as Runway has it now; `RemoteJobLost` when Runway no longer knows it.
    func task(_ id: String, model: String) async throws -> RunwayWire.Task {
        let key = try requireKey()
        let url = "\(baseURL)/v1/tasks/\(id)"
        var call = HTTPCall.get(url)
        call.headers += headers(key)
        let answer = try await transport.send(call)
        if answer.status == 404 { throw RemoteJobLost(jobID: id, backend: RunwayErrors.backend) }
        guard (200..<300).contains(answer.status) else { throw RunwayErrors.error(of: answer, url: url, model: model) }
        return try answer.decoded(RunwayWire.Task.self, backend: RunwayErrors.backend, what: "task \(id)")
    }

    /// Waits for task `id` to succeed and returns its output URLs (download them at once).
    /// Throws `.refused` when Runway's moderation failed it, `.cancelled` when it was cancelled.
    func outputs(
        of id: String, model: String, progress: @Sendable (Double, String) -> Void
    ) async throws -> [String] {
        var backoff = PollBackoff(interval: pollInterval, maxInterval: maxPollInterval)
        while true {
            try Task.checkCancellation()
            let task = try await task(id, model: model)
            switch task.status {
            case "SUCCEEDED":
                guard let output = task.output, !output.isEmpty else {
                    throw BackendError(
                        .badResponse, backend: RunwayErrors.backend, "Runway's task \(id) succeeded without outputs")
                }
                return output
            case "FAILED": throw RunwayErrors.error(ofFailedTask: task, model: model)
            case "CANCELLED":
                throw BackendError(
                    .cancelled, backend: RunwayErrors.backend,
                    "Runway's task \(id) on \(model) was cancelled or deleted")
            case "PENDING", "THROTTLED", "RUNNING":
                let note =
                    switch task.status {
                    case "PENDING": "queued on Runway"
                    case "THROTTLED": "waiting for a free Runway slot (the account's concurrency limit)"
                    default: "running on Runway"
                    }
                progress(task.progress ?? 0, note)
                try await transport.clock.sleep(for: backoff.next())
            default:
                throw BackendError(
                    .badResponse, backend: RunwayErrors.backend,
                    "Runway answered a task status Reel does not know ('\(task.status)') for \(model)")
            }
        }
    }

    /// Asks Runway to cancel task `id` (or delete it once finished); best effort.
    func cancel(_ id: String) async {
        guard let key else { return }
        let call = HTTPCall(method: "DELETE", url: "\(baseURL)/v1/tasks/\(id)", headers: headers(key))
        _ = try? await transport.send(call, retry: RetryPolicy(maxAttempts: 2))
    }

    /// The bytes of output `index` of task `id`. A URL that no longer answers is replaced by the
    /// fresh one a re-read of the task gives; when that fails too the output is gone.
    func fetch(output index: Int, of id: String, urls: [String], model: String) async throws -> Data {
        try await withFreshURL(index, of: id, urls: urls, model: model) { url in
            if let inline = DataURI.decode(url) { return inline }
            let answer = try await transport.send(.get(url))
            if Self.expiredStatuses.contains(answer.status) { throw Expired() }
            return try answer.checked(backend: RunwayErrors.backend, url: url).body
        }
    }

    /// Streams output `index` of task `id` (a clip) to `destination`, re-reading the task for a
    /// fresh URL when the first is refused.
    func download(output index: Int, of id: String, urls: [String], model: String, to destination: URL) async throws {
        try await withFreshURL(index, of: id, urls: urls, model: model) { url in
            if let inline = DataURI.decode(url) { return try inline.write(to: destination, options: .atomic) }
            do {
                try await transport.download(.get(url), to: destination)
            } catch let error as BackendError where Self.expiredStatuses.contains(error.status ?? 0) {
                throw Expired()
            }
        }
    }

    /// Statuses a CDN answers for a URL whose signature expired or whose file is gone.
    static let expiredStatuses: Set<Int> = [401, 403, 404, 410]
    private struct Expired: Error {}

    private func withFreshURL<T>(
        _ index: Int, of id: String, urls: [String], model: String, _ body: (String) async throws -> T
    ) async throws -> T {
        guard urls.indices.contains(index) else { throw RemoteJobLost(jobID: id, backend: RunwayErrors.backend) }
        do {
            return try await body(urls[index])
        } catch is Expired {
            let fresh = try await task(id, model: model)
            guard fresh.status == "SUCCEEDED", let output = fresh.output, output.indices.contains(index) else {
                throw RemoteJobLost(jobID: id, backend: RunwayErrors.backend)
            }
            do {
                return try await body(output[index])
            } catch is Expired {
                throw RemoteJobLost(jobID: id, backend: RunwayErrors.backend)
            }
        }
    }

    /// Whether Runway answers and accepts the key: `GET /v1/organization`, which costs nothing
    /// and says how many credits are left.
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        guard let key else {
            return .failure(
                BackendError(.rejected, backend: RunwayErrors.backend, "\(RunwayKey.variable) is not set"))
        }
        let url = "\(baseURL)/v1/organization"
        var call = HTTPCall.get(url, timeout: timeout)
        call.headers += headers(key)
        do {
            let answer = try await transport.send(call, retry: .once)
            guard (200..<300).contains(answer.status) else {
                return .failure(RunwayErrors.error(of: answer, url: url, model: "the account"))
            }
            let organization = try? JSONDecoder().decode(RunwayWire.Organization.self, from: answer.body)
            return .success(
                "key accepted" + (organization?.creditBalance.map { String(format: ", %g credits left", $0) } ?? ""))
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: RunwayErrors.backend, "\(error)"))
        }
    }

    private func headers(_ key: ServiceKey) -> [(String, String)] {
        [("Authorization", key.header(scheme: "Bearer")), ("X-Runway-Version", RunwayWire.version)]
    }
}
