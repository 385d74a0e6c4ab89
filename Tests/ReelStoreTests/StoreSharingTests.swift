import Foundation
import ReelStore
import Testing

/// A CLI and the studio server may work on one project at once.
@Suite struct StoreSharingTests {
    @Test func twoProcessesWriteToOneProjectAtOnce() throws {
        try withTemporaryDirectory { project throws in
            let count = 150
            let probe = try ProbeProcess(["jobs", project.path, "probe", "\(count)"])
            let store = try Store.open(projectDirectory: project)
            for index in 0..<count {
                let job = try store.enqueueJob(
                    stepKey: "tests-\(index)", kind: "image", shotID: "tests", backend: "local")
                try store.updateJob(job.id, to: .finished)
            }
            #expect(probe.nextLine() == "done")
            #expect(probe.waitForExit() == 0)

            #expect(try store.unfinishedJobs().isEmpty)
            for prefix in ["probe", "tests"] {
                for index in [0, count / 2, count - 1] {
                    #expect(try store.job(stepKey: "\(prefix)-\(index)")?.state == .finished)
                }
            }
            #expect(try store.job(stepKey: "probe-\(count)") == nil)
        }
    }

    @Test func twoStoresOnOneProjectSeeEachOthersWrites() throws {
        try withTemporaryDirectory { project throws in
            let cli = try Store.open(projectDirectory: project)
            let server = try Store.open(projectDirectory: project)
            let take = try cli.recordTake(takeDraft(cli, shot: "vista"))
            try server.pick(shot: "vista", take: take.id, candidate: 3)
            #expect(try cli.pick(for: "vista")?.candidateIndex == 3)
        }
    }
}
