import AsyncHTTPClient
import Foundation
import ReelKit
import Synchronization

@testable import ReelBackends

/// Shared pieces of the remote backends' tests.
enum RemoteTestSupport {
    /// One client for every test in the process, configured as the tool's.
    static let client = HTTPTransport.makeClient(connectTimeout: .seconds(60))

    /// A transport on the test clock with short, jitter-free backoff.
    static func transport(_ backend: String, clock: TestClock, maxAttempts: Int = 4) -> HTTPTransport {
        HTTPTransport(
            backend: backend, client: client,
            retry: RetryPolicy(
                maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .seconds(10),
                maxTotalDelay: .seconds(60), jitter: { 1 }),
            clock: clock, timeout: .seconds(180))
    }

    /// A context whose blobs are `blobs` and whose progress reports are collected in `progress`.
    static func context(
        blobs: [String: Data] = [:], scratch: URL, progress: ProgressLog = ProgressLog()
    ) -> GenerationContext {
        GenerationContext(
            readBlob: { hash in
                guard let data = blobs[hash] else { throw ReelError(.notFound, "no blob \(hash)") }
                return data
            },
            progress: { fraction, message in progress.append(fraction, message) }, scratchDirectory: scratch)
    }
}

/// Progress reports a backend made, in order.
final class ProgressLog: Sendable {
    private let entries = Mutex<[(Double, String)]>([])
    func append(_ fraction: Double, _ message: String) { entries.withLock { $0.append((fraction, message)) } }
    var fractions: [Double] { entries.withLock { $0.map(\.0) } }
    var messages: [String] { entries.withLock { $0.map(\.1) } }
}
