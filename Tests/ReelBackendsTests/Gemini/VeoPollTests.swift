import Foundation
import Testing

@testable import ReelBackends

/// An operation's life as a value: running polls back off, a done operation downloads its clip,
/// and errors and filters fail with the right code.
@Suite struct VeoPollTests {
    static func operation(_ json: String) throws -> GeminiWire.Operation {
        try JSONDecoder().decode(GeminiWire.Operation.self, from: Data(json.utf8))
    }

    @Test func runningPollsBackOffThenTheClipIsDownloaded() throws {
        var poll = VeoPoll(interval: .seconds(5), maxInterval: .seconds(12), model: "veo")
        let running = try Self.operation(#"{"name": "models/veo/operations/a", "metadata": {}}"#)
        #expect(poll.action(after: running) == .poll(after: .seconds(5), note: "Veo is making the clip"))
        #expect(
            poll.action(after: try Self.operation(#"{"done": false}"#))
                == .poll(after: .seconds(10), note: "Veo is making the clip"))
        #expect(poll.action(after: running) == .poll(after: .seconds(12), note: "Veo is making the clip"))
        let done = try Self.operation(
            #"{"done": true, "response": {"generateVideoResponse": {"generatedSamples": [{"video": {"uri": "https://x/f:download?alt=media"}}]}}}"#
        )
        #expect(poll.action(after: done) == .download(uri: "https://x/f:download?alt=media"))
    }

    @Test func errorsAndFiltersFailWithTheirCodes() throws {
        var poll = VeoPoll(interval: .seconds(1), maxInterval: .seconds(1), model: "veo")
        func code(_ json: String) throws -> BackendError.Code? {
            if case .fail(let code, _) = poll.action(after: try Self.operation(json)) { return code }
            return nil
        }
        #expect(try code(#"{"done": true, "error": {"code": 1, "message": "cancelled"}}"#) == .cancelled)
        #expect(try code(#"{"done": true, "error": {"code": 3, "message": "bad image"}}"#) == .rejected)
        #expect(try code(#"{"done": true, "error": {"code": 13, "message": "internal"}}"#) == .serverError)
        #expect(try code(#"{"done": true, "error": {"code": 3, "message": "blocked by safety settings"}}"#) == .refused)
        #expect(
            try code(
                #"{"done": true, "response": {"generateVideoResponse": {"raiMediaFilteredCount": 1, "raiMediaFilteredReasons": ["child"]}}}"#
            )
                == .refused)
        #expect(try code(#"{"done": true, "response": {"generateVideoResponse": {}}}"#) == .badResponse)
    }
}
