import Foundation
import ReelStore
import Testing

@Suite struct StoreJobTests {
    @Test func enqueuesOnceAndReturnsTheJournaledJobOnResume() throws {
        try withStore { store throws in
            let job = try store.enqueueJob(stepKey: "key-1", kind: "clip", shotID: "vista", backend: "runway")
            #expect(job.state == .queued && job.attempts == 0 && job.remoteID == nil && job.createdAt == fixedDate)
            let submitted = try store.updateJob(job.id, to: .submitted, remoteID: "task-42")

            let resumed = try store.enqueueJob(stepKey: "key-1", kind: "clip", shotID: "vista", backend: "runway")
            #expect(resumed == submitted)
            #expect(resumed.remoteID == "task-42")
        }
    }

    @Test func walksAJobThroughItsStates() throws {
        try withStore { store throws in
            let job = try store.enqueueJob(stepKey: "key-1", kind: "clip", shotID: "vista", backend: "runway")
            var updated = try store.updateJob(job.id, to: .submitted, remoteID: "task-1")
            #expect(updated.attempts == 1)
            updated = try store.updateJob(job.id, to: .running)
            #expect(updated.remoteID == "task-1" && updated.attempts == 1)
            updated = try store.updateJob(job.id, to: .failed, error: "HTTP 503 from runway")
            #expect(updated.lastError == "HTTP 503 from runway" && updated.state.isTerminal)
            updated = try store.updateJob(job.id, to: .queued)
            updated = try store.updateJob(job.id, to: .submitted, remoteID: "task-2")
            #expect(
                updated.attempts == 2 && updated.remoteID == "task-2" && updated.lastError == "HTTP 503 from runway")
            updated = try store.updateJob(job.id, to: .downloading)
            updated = try store.updateJob(job.id, to: .finished, resultJSON: #"{"clip":1}"#)
            #expect(updated.state == .finished && updated.lastError == nil && updated.resultJSON == #"{"clip":1}"#)
            #expect(try store.job(stepKey: "key-1") == updated)
        }
    }

    @Test func listsUnfinishedJobsOldestFirst() throws {
        try withStore { store throws in
            var ids: [String: Int64] = [:]
            for state in Job.State.allCases {
                let job = try store.enqueueJob(stepKey: state.rawValue, kind: "image", shotID: nil, backend: "sketch")
                if state != .queued { try store.updateJob(job.id, to: state) }
                ids[state.rawValue] = job.id
            }
            let unfinished = try store.unfinishedJobs()
            #expect(unfinished.map(\.stepKey) == ["queued", "submitted", "running", "downloading"])
            #expect(unfinished.map(\.id) == unfinished.map(\.id).sorted())
        }
    }

    @Test func refusesToUpdateAJobThatDoesNotExist() throws {
        try withStore { store throws in
            #expect {
                try store.updateJob(404, to: .running)
            } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
        }
    }
}
