import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

@Suite struct A1111BackendTests {
    struct Harness {
        let fake: FakeA1111
        let clock: TestClock
        let backend: A1111Backend
        let scratch: URL

        func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
            RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
        }
    }

    static func with<T: Sendable>(
        progressInterval: Duration = .seconds(1), _ body: @Sendable (Harness) async throws -> T
    ) async throws -> T {
        let fake = FakeA1111()
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-a1111") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { base in
                let backend = A1111Backend(
                    baseURL: base, transport: RemoteTestSupport.transport("a1111", clock: clock), steps: 20,
                    sampler: "Euler a", cfgScale: 6, progressInterval: progressInterval)
                return try await body(Harness(fake: fake, clock: clock, backend: backend, scratch: scratch))
            }
        }
    }

    @Test func txt2imgReturnsDecodedImagesWithTheSeedsTheServerUsed() async throws {
        try await Self.with { harness in
            let request = Request(
                prompt: "a harbour at dawn", negative: "text", width: 64, height: 48, seed: 4_000_000_000, count: 3)
            let images = try await harness.backend.generate(request, context: harness.context())
            #expect(images.map(\.seed) == [4_000_000_000, 4_000_000_001, 4_000_000_002])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            #expect(decoded.map(\.height) == [48, 48, 48])
            let body = try #require(await harness.fake.bodies.first)
            #expect(body["prompt"] == .string("a harbour at dawn"))
            #expect(body["negative_prompt"] == .string("text"))
            #expect(body["seed"] == .int(4_000_000_000))
            #expect(body["batch_size"] == .int(3))
            #expect(body["steps"] == .int(20))
            #expect(body["sampler_name"] == .string("Euler a"))
            #expect(body["init_images"] == nil)
        }
    }

    @Test func img2imgSendsTheInitImageAndStrength() async throws {
        try await Self.with { harness in
            let still = try RGBAImage(width: 4, height: 4, fill: (1, 2, 3, 255)).encoded(as: .png)
            let request = Request(
                prompt: "at night", width: 64, height: 64, seed: 1, count: 1, initImage: .blob("h"), strength: 0.3)
            _ = try await harness.backend.generate(request, context: harness.context(blobs: ["h": still]))
            let body = try #require(await harness.fake.bodies.first)
            #expect(body["init_images"] == .array([.string(still.base64EncodedString())]))
            #expect(body["denoising_strength"] == .double(0.3))
        }
    }

    @Test func serverFaultsAreRetriedAndARefusalIsNot() async throws {
        try await Self.with { harness in
            await harness.fake.set(faults: [
                "/sdapi/v1/txt2img": [
                    TestServerResponse(status: 429, headers: [("Retry-After", "2")]),
                    .json(#"{"error": "OutOfMemoryError"}"#, status: 500),
                ]
            ])
            let images = try await harness.backend.generate(
                Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            #expect(images.count == 1)
            // The progress poller sleeps 1 s on the same clock; the retries waited 2 s (Retry-After), then 200 ms.
            #expect(harness.clock.sleeps.filter { $0 != .seconds(1) }.prefix(2) == [.seconds(2), .milliseconds(200)])

            await harness.fake.set(faults: [
                "/sdapi/v1/txt2img": [.json(#"{"detail": "sampler not found"}"#, status: 422), .empty(200)]
            ])
            let error = await #expect(throws: BackendError.self) {
                try await harness.backend.generate(
                    Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            }
            #expect(error?.code == .rejected)
            #expect(error?.message.contains("sampler not found") == true)
        }
    }

    @Test(arguments: [FakeA1111.ImageMode.truncated, .notBase64])
    func brokenImagesAreClearErrors(mode: FakeA1111.ImageMode) async throws {
        try await Self.with { harness in
            await harness.fake.set(imageMode: mode)
            let error = await #expect(throws: BackendError.self) {
                try await harness.backend.generate(
                    Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            }
            #expect(error?.code == .notAnImage)
        }
    }

    @Test func progressIsPolledWhileTheJobRunsAndCancellingInterruptsIt() async throws {
        try await Self.with(progressInterval: .milliseconds(1)) { harness in
            await harness.fake.set(hold: true)
            let progress = ProgressLog()
            let backend = harness.backend
            let context = harness.context(progress: progress)
            let task = Task {
                try await backend.generate(Request(prompt: "x", width: 64, height: 64, count: 1), context: context)
            }
            await harness.fake.waitForRunningJob()
            while progress.fractions.isEmpty { await Task.yield() }
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(await harness.fake.interrupts == 1)
            #expect(progress.fractions.first == 0.5)
        }
    }

    @Test func pingTellsAWebuiWithoutTheAPIFromOneThatIsDown() async throws {
        try await Self.with { harness in
            let up = await harness.backend.ping(timeout: .seconds(60))
            #expect(throws: Never.self) { try up.get() }
            #expect((try? up.get()) == "AUTOMATIC1111 API")
            await harness.fake.set(faults: ["/sdapi/v1/options": [.json(#"{"detail": "Not Found"}"#, status: 404)]])
            let missing = await harness.backend.ping(timeout: .seconds(60))
            #expect(throws: BackendError.self) { try missing.get() }
            if case .failure(let error) = missing { #expect(error.message.contains("--api")) }
        }
    }
}
