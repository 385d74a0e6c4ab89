import Foundation

/// Several fake ComfyUI servers on 127.0.0.1 at once, as a farm of GPUs for a pool: each its own
/// `FakeComfyUI` at its own URL, all stopped when `body` returns.
///
/// ```swift
/// try await FakeComfyUIFarm.with(count: 3) { fakes, urls in
///     await fakes[0].set(runTime: .milliseconds(10))
/// }
/// ```
public enum FakeComfyUIFarm {
    public static func with<T: Sendable>(
        count: Int, _ body: @Sendable (_ fakes: [FakeComfyUI], _ urls: [String]) async throws -> T
    ) async throws -> T {
        try await start(count: count, fakes: [], urls: [], body)
    }

    private static func start<T: Sendable>(
        count: Int, fakes: [FakeComfyUI], urls: [String],
        _ body: @Sendable (_ fakes: [FakeComfyUI], _ urls: [String]) async throws -> T
    ) async throws -> T {
        guard fakes.count < count else { return try await body(fakes, urls) }
        let fake = FakeComfyUI()
        return try await TestHTTPServer.with(
            handler: { await fake.handle($0) },
            webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
        ) { url in
            try await start(count: count, fakes: fakes + [fake], urls: urls + [url], body)
        }
    }
}
