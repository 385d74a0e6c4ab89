import Foundation
import ReelKit

/// Speaks fal's queue API (backend-apis.md §4): submit `POST {base}/{model_id}`, then the status,
/// response and cancel URLs fal returns, each with `Authorization: Key …`. Outputs are fetched
/// from fal's CDN without the key (it is never sent to any other host). Every call goes through
/// the shared transport, so 408/429/5xx are retried honouring Retry-After.
///
/// ```swift
/// let client = FalClient(baseURL: "https://queue.fal.run", key: key, transport: transport)
/// let request = try await client.submit(model: "fal-ai/flux/dev", input: ["prompt": .string("a pier")])
/// let output = try await client.result(of: request, model: "fal-ai/flux/dev") { _ in }
/// ```
public struct FalClient: Sendable {
    /// `https://queue.fal.run`, or the `url:` that replaces it (a proxy, a local server).
    public var baseURL: String
    let key: ServiceKey?
    let transport: HTTPTransport
    /// The first wait between status polls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration
    /// How long to wait on the status stream before polling instead; nil never streams.
    public var streamTimeout: Duration?
    /// How long fal's CDN keeps outputs (`X-Fal-Object-Lifecycle-Preference`): long enough for a
    /// run killed after fal finished to collect them on its next start.
    public var outputLifetimeSeconds: Int
    /// The run's pace for fal, shared by every backend on this client: jobs hold a slot from
    /// submit to result, and 429s halve how many run at once. Nil sends as the engine asks.
    public var pace: AdaptiveConcurrency?
    /// Longest a submission keeps waiting out 429s before the shot fails.
    public var maxThrottledWait: Duration = .seconds(900)

    public init(
        baseURL: String, key: ServiceKey?, transport: HTTPTransport, pollInterval: Duration = .seconds(1),
        maxPollInterval: Duration = .seconds(5), streamTimeout: Duration? = .seconds(900),
        outputLifetimeSeconds: Int = 86_400
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.key = key
        self.transport = transport
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
        self.streamTimeout = streamTimeout
        self.outputLifetimeSeconds = outputLifetimeSeconds
    }

    /// The key, or the one error that names `FAL_KEY`.
    func requireKey() throws -> ServiceKey {
        guard let key else { throw FalKey.missing }
        return key
    }

    /// Queues `input` on `model` and returns fal's handle of the request.
    func submit(model: String, input: [String: JSONValue]) async throws -> FalWire.Submitted {
        let key = try requireKey()
        let url = "\(baseURL)/\(model)"
        let call = HTTPCall(
            method: "POST", url: url,
            headers: [
                ("Content-Type", "application/json"), ("Authorization", key.header(scheme: "Key")),
                ("X-Fal-Object-Lifecycle-Preference", "{\"expiration_duration_seconds\": \(outputLifetimeSeconds)}"),
            ],
            body: try JSONEncoder().encode(JSONValue.object(input)))
        let answer = try await sendPaced(call)
        guard (200..<300).contains(answer.status) else { throw FalErrors.error(of: answer, url: url, model: model) }
        return try answer.decoded(FalWire.Submitted.self, backend: FalErrors.backend, what: "a submit to \(model)")
    }

    /// Sends a submission. Paced, the caller holds a slot (``slotted(_:)``); a 429 gives it
    /// back, halves the pace and waits for a slot again after the Retry-After, so the film slows
    /// to what fal takes instead of hammering it. fal did not take a refused request: nothing runs twice.
    private func sendPaced(_ call: HTTPCall) async throws -> HTTPAnswer {
        guard let pace else { return try await transport.sendStartingPaidWork(call) }
        let started = ContinuousClock.now
        while true {
            do {
                return try await transport.send(call, retry: transport.retry.forPaidWork.leavingThrottlingToCaller)
            } catch let error as BackendError where error.status == 429 {
                await pace.throttledReleasing(retryAfter: error.retryAfter)
                // Past the limit, the slot is gone: the caller's `slotted` must not give it back twice.
                guard started.duration(to: .now) < maxThrottledWait else {
                    await pace.reclaim()
                    throw error
                }
                try await pace.acquire()
            }
        }
    }

    /// Runs `submit` (which returns a job id) holding one of the pace's slots until the job's
    /// result is in (``finishing(_:_:)``), or gives the slot back if `submit` fails.
    func slotted(_ submit: () async throws -> String) async throws -> String {
        guard let pace else { return try await submit() }
        try await pace.acquire()
        do {
            let jobID = try await submit()
            await pace.hold(jobID)
            return jobID
        } catch {
            await pace.release(succeeded: false)
            throw error
        }
    }

    /// Runs `collect` for job `jobID` and then gives back its slot: the run is over at fal.
    func finishing<T>(_ jobID: String, _ collect: () async throws -> T) async throws -> T {
        guard let pace else { return try await collect() }
        do {
            let result = try await collect()
            await pace.finish(jobID, succeeded: true)
            return result
        } catch {
            await pace.finish(jobID, succeeded: false)
            throw error
        }
    }

    /// Waits for the request to be done and returns its output JSON: on fal's status stream,
    /// which ends as the run does, else (no stream, or it broke) by polling. Throws
    /// `RemoteJobLost` when fal does not know the request, `.refused` when fal refused it on
    /// content policy.
    func result(
        of request: FalWire.Submitted, model: String, progress: @Sendable (String) -> Void
    ) async throws -> Data {
        let key = try requireKey()
        progress("waiting on fal")
        if let status = try await streamedStatus(of: request, key: key), status.status == "COMPLETED" {
            return try await output(of: request, status: status, model: model, key: key)
        }
        var poll = FalPoll(interval: pollInterval, maxInterval: maxPollInterval, model: model)
        while true {
            try Task.checkCancellation()
            let answer = try await transport.send(authorized(.get(request.status_url), key))
            if answer.status == 404 {
                throw RemoteJobLost(jobID: request.request_id, backend: FalErrors.backend)
            }
            guard (200..<300).contains(answer.status) else {
                throw FalErrors.error(of: answer, url: request.status_url, model: model)
            }
            let status = try answer.decoded(FalWire.Status.self, backend: FalErrors.backend, what: "a status request")
            switch poll.action(after: status) {
            case .poll(let wait, let note):
                progress(note)
                try await transport.clock.sleep(for: wait)
            case .fail(let code, let message):
                throw BackendError(code, backend: FalErrors.backend, message)
            case .fetchResult:
                return try await output(of: request, status: status, model: model, key: key)
            }
        }
    }

    /// The output of a run fal says is complete (or the error it ended with).
    private func output(
        of request: FalWire.Submitted, status: FalWire.Status, model: String, key: ServiceKey
    ) async throws -> Data {
        if status.error != nil { throw FalErrors.error(ofFailedRun: status, model: model) }
        let output = try await transport.send(authorized(.get(request.response_url), key))
        guard (200..<300).contains(output.status) else {
            throw FalErrors.error(of: output, url: request.response_url, model: model)
        }
        return output.body
    }

    /// The last status on `GET {status_url}/stream` (server-sent events until the run is done),
    /// read once the stream ends; nil when there is no stream or it broke or ran past
    /// `streamTimeout`, so the caller polls instead. Learning the end from the stream saves
    /// each request the wait until its next poll (up to `maxPollInterval`).
    private func streamedStatus(of request: FalWire.Submitted, key: ServiceKey) async throws -> FalWire.Status? {
        guard let streamTimeout else { return nil }
        let call = HTTPCall(
            method: "GET", url: request.status_url + "/stream",
            headers: [("Accept", "text/event-stream"), ("Authorization", key.header(scheme: "Key"))],
            timeout: streamTimeout)
        do {
            let answer = try await transport.send(call, retry: .once)
            guard (200..<300).contains(answer.status) else { return nil }
            return Self.lastStatus(inEvents: answer.body)
        } catch is BackendError {
            return nil
        }
    }

    /// The last `data:` event of a server-sent event stream that reads as a status.
    static func lastStatus(inEvents body: Data) -> FalWire.Status? {
        var last: FalWire.Status?
        for line in String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline)
        where line.hasPrefix("data:") {
            let json = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            if let status = try? JSONDecoder().decode(FalWire.Status.self, from: Data(json.utf8)) { last = status }
        }
        return last
    }

    /// Asks fal to drop the request (queued ones are removed, running ones signalled); best effort.
    func cancel(_ request: FalWire.Submitted) async {
        guard let key else { return }
        _ = try? await transport.send(
            authorized(HTTPCall(method: "PUT", url: request.cancel_url), key), retry: RetryPolicy(maxAttempts: 2))
    }

    /// The bytes of an output, fetched at once (fal's URLs expire). A URL that no longer
    /// answers means the output is gone: the request must be made again.
    func fetch(_ file: FalWire.File, jobID: String) async throws -> Data {
        if let inline = DataURI.decode(file.url) { return inline }
        let answer = try await transport.send(.get(file.url))
        if [403, 404, 410].contains(answer.status) {
            throw RemoteJobLost(jobID: jobID, backend: FalErrors.backend)
        }
        return try answer.checked(backend: FalErrors.backend, url: file.url).body
    }

    /// Streams an output (a clip) to `destination`; a URL that no longer answers is a lost job.
    func download(_ file: FalWire.File, jobID: String, to destination: URL) async throws {
        if let inline = DataURI.decode(file.url) {
            try inline.write(to: destination, options: .atomic)
            return
        }
        do {
            try await transport.download(.get(file.url), to: destination)
        } catch let error as BackendError where [403, 404, 410].contains(error.status ?? 0) {
            throw RemoteJobLost(jobID: jobID, backend: FalErrors.backend)
        }
    }

    /// Whether fal answers and accepts the key: a status request for a request id that cannot
    /// exist, which costs nothing (404 means reachable and authorised).
    func ping(timeout: Duration) async -> Result<String, BackendError> {
        let url = "\(baseURL)/fal-ai/flux/requests/00000000-0000-0000-0000-000000000000/status"
        guard let key else {
            return .failure(BackendError(.rejected, backend: FalErrors.backend, "\(FalKey.variable) is not set"))
        }
        let call = authorized(HTTPCall.get(url, timeout: timeout), key)
        do {
            let answer = try await transport.send(call, retry: .once)
            if [401, 403].contains(answer.status) {
                return .failure(
                    BackendError(
                        .rejected, backend: FalErrors.backend, "fal refused the key in \(FalKey.variable)",
                        status: answer.status))
            }
            return .success("key accepted")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: FalErrors.backend, "\(error)"))
        }
    }

    private func authorized(_ call: HTTPCall, _ key: ServiceKey) -> HTTPCall {
        var call = call
        call.headers.append(("Authorization", key.header(scheme: "Key")))
        return call
    }
}
