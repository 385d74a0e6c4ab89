import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// fal's error shapes (backend-apis.md §4) become errors a user can act on: refusals are
/// `refused` with fal's words and never retried, a bad key names `FAL_KEY`, validation errors
/// say which input, and request-level failures keep their `error_type`.
@Suite struct FalErrorsTests {
    static func answer(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPAnswer {
        HTTPAnswer(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test func aContentPolicyDetailIsARefusalWithFalsReason() {
        let body = #"""
            {"detail": [{"loc": ["body", "prompt"], "msg": "Prompt flagged by moderation", "type": "content_policy_violation",
             "url": "https://docs.fal.ai/errors#content_policy_violation", "ctx": {}, "input": "a prompt"}]}
            """#
        let error = FalErrors.error(of: Self.answer(422, body), url: "http://q/x", model: "fal-ai/flux/dev")
        #expect(error.code == .refused)
        #expect(!error.isTransient)
        #expect(error.message.contains("body.prompt: Prompt flagged by moderation"))
        #expect(RetryPolicy().delay(after: error, attempt: 1, waited: .zero) == nil)
    }

    @Test func aValidationDetailSaysWhichInput() {
        let body =
            #"{"detail": [{"loc": ["body", "num_images"], "msg": "Input should be less than or equal to 4", "type": "less_than_equal"}]}"#
        let error = FalErrors.error(of: Self.answer(422, body), url: "http://q/x", model: "fal-ai/flux/dev")
        #expect(error.code == .rejected)
        #expect(error.message.contains("body.num_images: Input should be less than or equal to 4"))
    }

    @Test func aRefusedKeyNamesTheVariable() {
        let error = FalErrors.error(of: Self.answer(401, #"{"detail": "Invalid key"}"#), url: "http://q/x", model: "m")
        #expect(error.message.contains("FAL_KEY"))
        #expect(error.status == 401)
    }

    @Test func aRequestLevelFailureKeepsItsErrorTypeAndStaysRetryable() {
        let error = FalErrors.error(
            of: Self.answer(504, "{}", headers: [("x-fal-error-type", "request_timeout")]), url: "http://q/x",
            model: "m")
        #expect(error.code == .serverError)
        #expect(error.isTransient)
        #expect(error.message.contains("request_timeout"))
    }

    @Test func aCompletedRunWithAnErrorFailsWithIt() {
        let status = FalWire.Status(
            status: "COMPLETED", queue_position: nil, error: "Runner disconnected", error_type: "runner_disconnected")
        let failed = FalErrors.error(ofFailedRun: status, model: "m")
        #expect(failed.code == .serverError)
        #expect(failed.message.contains("Runner disconnected (runner_disconnected)"))
        let refused = FalWire.Status(
            status: "COMPLETED", queue_position: nil, error: "NSFW content", error_type: "content_policy_violation")
        #expect(FalErrors.error(ofFailedRun: refused, model: "m").code == .refused)
    }
}
