import ReelKit
import Testing

@testable import ReelEngine

/// `make --coherent` stops at the run's --budget: the budget's refusal is told apart from other
/// failures of a reroll.
@Suite struct CoherenceStopTests {
    @Test func theBudgetsRefusalIsRecognisedAndOtherErrorsAreNot() throws {
        let budget = Budget(limitUSD: 0.05)
        #expect(throws: ReelError.self) { try budget.reserve(0.10, backend: "fal") }
        do {
            try budget.reserve(0.10, backend: "fal")
            Issue.record("the budget let a generation past it")
        } catch {
            #expect(IdentityReview.isPastBudget(error))
        }
        #expect(!IdentityReview.isPastBudget(ReelError(.backend, "fal refused the prompt")))
    }
}
