import Foundation
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

@Suite struct HTTPTransportTests {
    @Test func aDownloadStreamsToTheFileAndStopsAtTheByteCap() async throws {
        let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try await withTemporaryDirectory { folder in
            try await TestHTTPServer.with(handler: { _ in TestServerResponse(status: 200, body: big) }) { base in
                var transport = RemoteTestSupport.transport("test", clock: TestClock())
                let file = folder.appending(path: "body")
                try await transport.download(.get(base + "/big"), to: file)
                #expect(try Data(contentsOf: file) == big)

                transport.maxDownloadBytes = 100_000
                let error = await #expect(throws: BackendError.self) {
                    try await transport.download(.get(base + "/big"), to: file)
                }
                #expect(error?.code == .badResponse)
                #expect(error?.message.contains("the download was stopped") == true)
            }
        }
    }

    @Test func aBodyOverTheCapIsRefusedNotRead() async throws {
        try await TestHTTPServer.with(handler: { _ in TestServerResponse(status: 200, body: Data(count: 50_000)) }) {
            base in
            var transport = RemoteTestSupport.transport("test", clock: TestClock())
            transport.maxBodyBytes = 10_000
            let error = await #expect(throws: BackendError.self) { try await transport.send(.get(base + "/x")) }
            #expect(error?.code == .badResponse)
        }
    }

    @Test func aServerThatIsNotThereIsUnreachableAfterBoundedRetries() async throws {
        // Bind and release a port, so nothing listens on it.
        let base = try await TestHTTPServer.with(handler: { _ in .empty(200) }) { $0 }
        let clock = TestClock()
        let transport = RemoteTestSupport.transport("comfyui", clock: clock, maxAttempts: 3)
        let error = await #expect(throws: BackendError.self) { try await transport.send(.get(base + "/system_stats")) }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("start the server or fix its 'url' in film.yaml") == true)
        #expect(clock.sleeps.count == 2)
    }

    @Test func aRefusalIsReturnedAtOnceAndCheckedIntoAnError() async throws {
        let counter = AttemptCounter()
        try await TestHTTPServer.with(handler: { _ in
            counter.increment()
            return .json(#"{"detail": "bad seed"}"#, status: 422)
        }) { base in
            let transport = RemoteTestSupport.transport("a1111", clock: TestClock())
            let answer = try await transport.send(.get(base + "/x"))
            #expect(answer.status == 422)
            let error = #expect(throws: BackendError.self) { try answer.checked(backend: "a1111", url: base + "/x") }
            #expect(error?.code == .rejected)
            #expect(error?.message.contains("bad seed") == true)
            #expect(counter.value == 1)
        }
    }

    @Test func retryAfterMsIsHonouredBeforeRetryAfter() async throws {
        let counter = AttemptCounter()
        try await TestHTTPServer.with(handler: { _ in
            counter.increment()
            guard counter.value > 1 else {
                return TestServerResponse(
                    status: 429, headers: [("retry-after-ms", "1250"), ("Retry-After", "7")], body: Data("slow".utf8))
            }
            return .json("{}")
        }) { base in
            let clock = TestClock()
            let answer = try await RemoteTestSupport.transport("openai", clock: clock).send(.get(base + "/x"))
            #expect(answer.status == 200)
            #expect(clock.sleeps == [.milliseconds(1250)])
        }
    }

    @Test func theServersWordOnRetryingOverridesTheStatus() async throws {
        let counter = AttemptCounter()
        try await TestHTTPServer.with(handler: { request in
            counter.increment()
            if request.path == "/never" {
                return TestServerResponse(status: 503, headers: [("x-should-retry", "false")])
            }
            guard counter.value > 2 else {
                return TestServerResponse(status: 409, headers: [("x-should-retry", "true")])
            }
            return .json("{}")
        }) { base in
            let clock = TestClock()
            let transport = RemoteTestSupport.transport("openai", clock: clock)
            let never = try await transport.send(.get(base + "/never"))
            #expect(never.status == 503 && counter.value == 1, "x-should-retry: false is not retried")
            let answer = try await transport.send(.get(base + "/again"))
            #expect(answer.status == 200 && counter.value == 3, "x-should-retry: true retries even a 409")
            #expect(clock.sleeps.count == 1)
        }
    }
}

@Suite struct BackendErrorTests {
    @Test func messagesNeverShowCredentialsOrQueries() {
        let error = BackendError.http(
            status: 500, backend: "a1111", url: "http://me:secret@gpu:7860/sdapi/v1/txt2img?token=abc", body: Data(),
            retryAfter: nil)
        #expect(error.message.contains("http://gpu:7860/sdapi/v1/txt2img"))
        #expect(!error.message.contains("secret"))
        #expect(!error.message.contains("token"))
    }
}
