import Foundation
import ReelKit
import ReelMedia

/// Speaks Replicate's predictions API (backend-apis.md §3) with `Authorization: Bearer …`:
/// create a prediction by model (`POST /models/{owner}/{name}/predictions`) or by pinned version
/// (`POST /predictions` with `version`), poll `urls.get`, cancel with `urls.cancel`. Create
/// answers at once (no `Prefer: wait`), so the engine journals the prediction's id before any
/// waiting. Every call goes through the shared transport: 408/429/5xx are retried honouring
/// Retry-After.
///
/// ```swift
/// let client = ReplicateClient(baseURL: "https://api.replicate.com/v1", key: key, transport: transport)
/// let prediction = try await client.create(model: flux, input: ["prompt": .string("a pier")])
/// ```
public struct ReplicateClient: Sendable {
    /// `https://api.replicate.com/v1`, or the `url:` that replaces it.
    public var baseURL: String
    let key: ServiceKey?
    let transport: HTTPTransport
    /// The first wait between polls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        baseURL: String, key: ServiceKey?, transport: HTTPTransport, pollInterval: Duration = .seconds(1),
        maxPollInterval: Duration = .seconds(5)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    /// The token, or the one error that names `REPLICATE_API_TOKEN`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw ReplicateKey.missing }
        return key
    }

    /// Creates a prediction of `model` and returns its journal entry (id, poll and cancel URLs).
    func create(model: ReplicateModel, input: [String: JSONValue]) async throws -> ReplicateHandle.Entry {
        let key = try requireKey()
        let url = model.version == nil ? "\(baseURL)/models/\(model.id)/predictions" : "\(baseURL)/predictions"
        let body = ReplicateWire.Create(version: model.version.map { "\(model.id):\($0)" }, input: input)
        var call = try HTTPCall.post(url, encoding: body)
        call.headers.append(("Authorization", key.header(scheme: "Bearer")))
        let answer = try await transport.sendStartingPaidWork(call)
        guard (200..<300).contains(answer.status) else {
            throw ReplicateErrors.error(of: answer, url: url, model: model.id)
        }
        let prediction = try answer.decoded(
            ReplicateWire.Prediction.self, backend: ReplicateErrors.backend, what: "a prediction of \(model.id)")
        return ReplicateHandle.Entry(
            id: prediction.id, get: prediction.urls?.get ?? "\(baseURL)/predictions/\(prediction.id)",
            cancel: prediction.urls?.cancel ?? "\(baseURL)/predictions/\(prediction.id)/cancel")
    }

    /// Polls the prediction until it ends and returns it once it has succeeded. Throws
    /// `RemoteJobLost` when Replicate no longer knows it, it was aborted before it started, or its
    /// output was already removed (an hour after it ran); `.refused` when the model's safety
    /// filter stopped it.
    func succeeded(
        _ entry: ReplicateHandle.Entry, model: String, progress: @Sendable (String) -> Void
    ) async throws -> ReplicateWire.Prediction {
        let key = try requireKey()
        var poll = ReplicatePoll(interval: pollInterval, maxInterval: maxPollInterval, model: model)
        progress("waiting on Replicate")
        while true {
            try Task.checkCancellation()
            let answer = try await transport.send(authorized(.get(entry.get), key))
            if answer.status == 404 { throw RemoteJobLost(jobID: entry.id, backend: ReplicateErrors.backend) }
            guard (200..<300).contains(answer.status) else {
                throw ReplicateErrors.error(of: answer, url: entry.get, model: model)
            }
            let prediction = try answer.decoded(
                ReplicateWire.Prediction.self, backend: ReplicateErrors.backend, what: "prediction \(entry.id)")
            switch poll.action(after: prediction.status) {
            case .poll(let wait, let note):
                progress(note)
                try await transport.clock.sleep(for: wait)
            case .download:
                guard prediction.data_removed != true, !prediction.outputURLs.isEmpty else {
                    throw RemoteJobLost(jobID: entry.id, backend: ReplicateErrors.backend)
                }
                return prediction
            case .failed: throw ReplicateErrors.error(ofFailed: prediction, model: model)
            case .lost: throw RemoteJobLost(jobID: entry.id, backend: ReplicateErrors.backend)
            case .fail(let code, let message): throw BackendError(code, backend: ReplicateErrors.backend, message)
            }
        }
    }

    /// Asks Replicate to stop the prediction; best effort.
    func cancel(_ entry: ReplicateHandle.Entry) async {
        guard let key else { return }
        _ = try? await transport.send(
            authorized(HTTPCall(method: "POST", url: entry.cancel), key), retry: RetryPolicy(maxAttempts: 2))
    }

    /// The bytes of an output, fetched at once (outputs are removed an hour after the
    /// prediction). A URL that no longer answers means the prediction must be made again.
    func fetch(_ url: String, jobID: String) async throws -> Data {
        if let inline = DataURI.decode(url) { return inline }
        let answer = try await transport.send(output(url))
        if [403, 404, 410].contains(answer.status) {
            throw RemoteJobLost(jobID: jobID, backend: ReplicateErrors.backend)
        }
        return try answer.checked(backend: ReplicateErrors.backend, url: url).body
    }

    /// Streams an output (a clip) to `destination`; a URL that no longer answers is a lost job.
    func download(_ url: String, jobID: String, to destination: URL) async throws {
        if let inline = DataURI.decode(url) {
            try inline.write(to: destination, options: .atomic)
            return
        }
        do {
            try await transport.download(output(url), to: destination)
        } catch let error as BackendError where [403, 404, 410].contains(error.status ?? 0) {
            throw RemoteJobLost(jobID: jobID, backend: ReplicateErrors.backend)
        }
    }

    /// An image as a model input: inline as a `data:` URI when small, else uploaded with
    /// `POST /v1/files` and passed by the URL Replicate answers.
    func inputImage(_ data: Data) async throws -> String {
        guard data.count > ReplicateWire.inlineLimit else { return DataURI.encode(data) }
        let key = try requireKey()
        let format = ImageFormat.sniff(data)?.rawValue ?? "png"
        var form = MultipartForm()
        form.add(file: "content", fileName: "input.\(format)", contentType: "image/\(format)", data: data)
        let url = "\(baseURL)/files"
        let call = HTTPCall(
            method: "POST", url: url,
            headers: [("Content-Type", form.contentType), ("Authorization", key.header(scheme: "Bearer"))],
            body: form.data)
        let answer = try await transport.send(call)
        guard (200..<300).contains(answer.status) else {
            throw ReplicateErrors.error(of: answer, url: url, model: "the file upload")
        }
        return try answer.decoded(
            ReplicateWire.UploadedFile.self, backend: ReplicateErrors.backend, what: "a file upload"
        ).urls.get
    }

    /// Whether Replicate answers and accepts the token: `GET /account`, which costs nothing.
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        guard let key else {
            return .failure(
                BackendError(.rejected, backend: ReplicateErrors.backend, "\(ReplicateKey.variable) is not set"))
        }
        let url = "\(baseURL)/account"
        do {
            let answer = try await transport.send(authorized(.get(url, timeout: timeout), key), retry: .once)
            guard (200..<300).contains(answer.status) else {
                return .failure(ReplicateErrors.error(of: answer, url: url, model: "the account"))
            }
            return .success("key accepted")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: ReplicateErrors.backend, "\(error)"))
        }
    }

    /// A GET of an output: with the token only for Replicate's own hosts (the delivery CDN and
    /// the API's host, as the SDK does), never for any other.
    private func output(_ url: String) -> HTTPCall {
        let call = HTTPCall.get(url)
        guard let key, let host = URL(string: url)?.host?.lowercased() else { return call }
        let apiHost = URL(string: baseURL)?.host?.lowercased()
        let ours = host == "replicate.delivery" || host.hasSuffix(".replicate.delivery") || host == apiHost
        return ours ? authorized(call, key) : call
    }

    private func authorized(_ call: HTTPCall, _ key: ServiceKey) -> HTTPCall {
        var call = call
        call.headers.append(("Authorization", key.header(scheme: "Bearer")))
        return call
    }
}
