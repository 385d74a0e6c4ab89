import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// Replicate's HTTP errors as a user reads them: each says what to do, names the variable and
/// never the token, and only transient ones may be tried again.
@Suite struct ReplicateErrorsTests {
    static let predictions = "https://api.replicate.com/v1/models/black-forest-labs/flux-dev/predictions"

    static func answer(_ status: Int, _ body: String) -> HTTPAnswer {
        HTTPAnswer(status: status, headers: [], body: Data(body.utf8))
    }

    @Test(arguments: [
        (401, #"{"title": "Unauthenticated", "detail": "Invalid token", "status": 401}"#, "REPLICATE_API_TOKEN"),
        (402, #"{"title": "Insufficient credit", "detail": "Add a payment method", "status": 402}"#, "needs credit"),
        (
            404, #"{"title": "Not found", "detail": "The requested resource could not be found", "status": 404}"#,
            "does not know the model black-forest-labs/flux-dev"
        ),
        (
            422, #"{"title": "Input validation failed", "detail": "input.seed: Invalid type", "status": 422}"#,
            "Input validation failed: input.seed: Invalid type"
        ),
    ])
    func refusedRequestsSayWhatToFixAndAreNotRetried(status: Int, body: String, says: String) {
        let error = ReplicateErrors.error(
            of: Self.answer(status, body), url: Self.predictions, model: "black-forest-labs/flux-dev")
        #expect(error.code == .rejected)
        #expect(!error.isTransient)
        #expect(error.status == status)
        #expect(error.message.contains(says), "\(error.message)")
    }

    @Test func aThrottledOrFailingServerIsTransient() {
        let throttled = ReplicateErrors.error(
            of: Self.answer(429, #"{"detail": "Request was throttled. Your rate limit resets in ~30s."}"#),
            url: Self.predictions, model: "black-forest-labs/flux-dev")
        #expect(throttled.code == .rateLimited && throttled.isTransient)
        #expect(throttled.message.contains("Request was throttled"))
        let failing = ReplicateErrors.error(
            of: Self.answer(503, ""), url: Self.predictions, model: "black-forest-labs/flux-dev")
        #expect(failing.code == .serverError && failing.isTransient)
    }
}
