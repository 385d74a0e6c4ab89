import Foundation
import ReelStore
import Testing

/// A failed step is kept until it succeeds, so `status` and the studio can say why a shot is missing.
@Suite struct StoreFailureTests {
    @Test func aFailureIsKeptReplacedAndClearedPerStep() throws {
        try withStore { store throws in
            try store.recordFailure(shotID: "storm", stepID: "take:storm", code: "backend", message: "refused")
            try store.recordFailure(shotID: "storm", stepID: "clip:storm", code: "blocked", message: "waits")
            try store.recordFailure(shotID: "storm", stepID: "take:storm", code: "backend", message: "refused again")
            let failures = try store.failures()
            #expect(failures.count == 2)
            #expect(failures.first { $0.stepID == "take:storm" }?.message == "refused again")
            #expect(failures.allSatisfy { $0.failedAt == fixedDate && $0.shotID == "storm" })

            try store.clearFailure(shotID: "storm", stepID: "take:storm")
            #expect(try store.failures().map(\.stepID) == ["clip:storm"])
        }
    }

    @Test func failuresSurviveReopeningTheProject() throws {
        try withTemporaryDirectory { project throws in
            try Store.open(projectDirectory: project).recordFailure(
                shotID: "a", stepID: "take:a", code: "internal", message: "boom")
            let reopened = try Store.open(projectDirectory: project)
            #expect(try reopened.failures().map(\.code) == ["internal"])
        }
    }
}
