import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The one way remote backends speak HTTP: every call goes through `RetryPolicy`, bodies read
/// into memory are capped, big results stream to a file, and every failure becomes a
/// `BackendError` naming the backend. Time is a parameter, so tests never wait for real.
///
/// ```swift
/// let transport = HTTPTransport(backend: "comfyui", client: HTTPTransport.makeClient())
/// let stats = try await transport.send(.get("http://127.0.0.1:8188/system_stats")).checked()
/// ```
public struct HTTPTransport: Sendable {
    public var backend: String
    let client: HTTPClient
    public var retry: RetryPolicy
    public var clock: any Clock<Duration>
    /// Most bytes of a body read into memory (JSON answers, base64 images).
    public var maxBodyBytes: Int
    /// Most bytes a download writes to its file.
    public var maxDownloadBytes: Int
    /// How long one attempt may take, unless the call says otherwise.
    public var timeout: Duration
    /// Wall-clock time, for Retry-After dates.
    public var now: @Sendable () -> Date

    public init(
        backend: String, client: HTTPClient, retry: RetryPolicy = RetryPolicy(),
        clock: any Clock<Duration> = ContinuousClock(), maxBodyBytes: Int = 256 << 20,
        maxDownloadBytes: Int = 4 << 30, timeout: Duration = .seconds(120),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.backend = backend
        self.client = client
        self.retry = retry
        self.clock = clock
        self.maxBodyBytes = maxBodyBytes
        self.maxDownloadBytes = maxDownloadBytes
        self.timeout = timeout
        self.now = now
    }

    /// Sends `call`, retrying transient failures, and returns the final answer whatever its
    /// status; `checked()` turns a non-2xx answer into an error.
    public func send(_ call: HTTPCall, retry: RetryPolicy? = nil) async throws -> HTTPAnswer {
        try await (retry ?? self.retry).run(clock: clock) { _ in
            let answer = try await sendOnce(call, cap: maxBodyBytes)
            if answer.isRetryable {
                throw answer.error(backend: backend, url: call.url, now: now())
            }
            return answer
        }
    }

    /// Sends a call that starts paid work (a generation, a prediction, a task): retried only when
    /// the failure shows the server did not take it, so a lost answer never runs it twice.
    public func sendStartingPaidWork(_ call: HTTPCall) async throws -> HTTPAnswer {
        try await send(call, retry: retry.forPaidWork)
    }

    /// Streams a GET's body into `file` (replaced on each attempt) and returns the answer's
    /// head; a non-2xx answer is thrown as a `BackendError`.
    @discardableResult
    public func download(_ call: HTTPCall, to file: URL) async throws -> HTTPAnswer {
        try await retry.run(clock: clock) { _ in
            let response = try await execute(call)
            let head = HTTPAnswer(status: Int(response.status.code), headers: Self.headers(of: response), body: Data())
            guard (200..<300).contains(head.status) else {
                let body = try await collect(response, cap: 64 << 10, url: call.url)
                throw HTTPAnswer(status: head.status, headers: head.headers, body: body).error(
                    backend: backend, url: call.url, now: now())
            }
            try await write(response, to: file, url: call.url)
            return head
        }
    }

    private func sendOnce(_ call: HTTPCall, cap: Int) async throws -> HTTPAnswer {
        let response = try await execute(call)
        let body = try await collect(response, cap: cap, url: call.url)
        return HTTPAnswer(status: Int(response.status.code), headers: Self.headers(of: response), body: body)
    }

    private func execute(_ call: HTTPCall) async throws -> HTTPClientResponse {
        guard URL(string: call.url)?.host != nil else {
            throw BackendError(
                .rejected, backend: backend,
                "'\(BackendError.shown(call.url))' is not a usable URL; fix the backend's 'url' in film.yaml")
        }
        var request = HTTPClientRequest(url: call.url)
        request.method = HTTPMethod(rawValue: call.method)
        for (name, value) in call.headers { request.headers.add(name: name, value: value) }
        if let body = call.body { request.body = .bytes(ByteBuffer(data: body)) }
        let limit = call.timeout ?? timeout
        let amount = TimeAmount.nanoseconds(
            limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000)
        do {
            return try await client.execute(request, timeout: amount)
        } catch {
            throw translate(error, url: call.url)
        }
    }

    private func collect(_ response: HTTPClientResponse, cap: Int, url rawURL: String) async throws -> Data {
        let url = BackendError.shown(rawURL)
        var data = Data()
        do {
            for try await chunk in response.body {
                guard data.count + chunk.readableBytes <= cap else {
                    throw BackendError(
                        .badResponse, backend: backend,
                        "\(backend) sent more than \(cap >> 20) MB from \(url); the answer is too large to read")
                }
                data.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as BackendError {
            throw error
        } catch {
            throw translate(error, url: url)
        }
        return data
    }

    private func write(_ response: HTTPClientResponse, to file: URL, url rawURL: String) async throws {
        let url = BackendError.shown(rawURL)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var written = 0
        do {
            for try await chunk in response.body {
                written += chunk.readableBytes
                guard written <= maxDownloadBytes else {
                    throw BackendError(
                        .badResponse, backend: backend,
                        "\(backend) sent more than \(maxDownloadBytes >> 20) MB from \(url); the download was stopped")
                }
                try handle.write(contentsOf: chunk.readableBytesView)
            }
        } catch let error as BackendError {
            throw error
        } catch {
            throw translate(error, url: url)
        }
    }

    /// Connection trouble and timeouts are transient `BackendError`s; cancellation stays
    /// `CancellationError`, so callers can clean up on the server.
    private func translate(_ error: any Error, url rawURL: String) -> any Error {
        let url = BackendError.shown(rawURL)
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let error = error as? BackendError { return error }
        if let client = error as? HTTPClientError,
            [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(client)
        {
            return BackendError(
                .timedOut, backend: backend,
                "\(backend) did not answer \(url) in time; check that the server is running and not overloaded",
                underlying: client)
        }
        return BackendError(
            .unreachable, backend: backend,
            "cannot reach \(backend) at \(url) (\(error)); start the server or fix its 'url' in film.yaml",
            underlying: error)
    }

    /// The HTTP client remote backends should share: one per session (`ProjectSession` makes it
    /// and shuts it down when the session closes). A refused connection fails at once instead of
    /// being retried by the client until the deadline, so `RetryPolicy` alone decides how long an
    /// unreachable server is tried.
    public static func makeClient(connectTimeout: Duration = .seconds(10)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .nanoseconds(
            connectTimeout.components.seconds * 1_000_000_000 + connectTimeout.components.attoseconds / 1_000_000_000)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    private static func headers(of response: HTTPClientResponse) -> [(String, String)] {
        response.headers.map { ($0.name, $0.value) }
    }
}
