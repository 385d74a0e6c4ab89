import Foundation
import ReelEngine
import ReelTesting
import Testing

@testable import ReelServer

@Suite("Live progress")
struct EventHubTests {
    @Test func everySubscriberHearsEveryEventAndStreamsEndOnClose() async throws {
        let hub = EventHub()
        let first = hub.subscribe()
        let second = hub.subscribe()
        hub.publish(ServerEvent(type: .changed, shot: "wide"))
        hub.progressSink(job: 3).emit(.advanced(step: "wide: generate", done: 2, total: 4))
        hub.close()
        for stream in [first, second] {
            var received: [ServerEvent] = []
            for await event in stream { received.append(event) }
            #expect(received.map(\.type) == [.changed, .advanced])
            #expect(received.last?.job == 3 && received.last?.done == 2)
        }
        #expect(hub.subscriberCount == 0)
    }

    @Test func aJobReportsItsLifeAndItsTake() async throws {
        try await withTemporaryDirectory("reel-jobs") { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let hub = EventHub()
            let events = hub.subscribe()
            let jobs = JobRunner(hub: hub, openStudio: { try TestStudio.open(directory, progress: $0) })
            try await withThrowingTaskGroup { group in
                group.addTask { try await jobs.run() }
                let result = try await jobs.run(.generate(shot: "wide"))
                #expect(result.shot == "wide" && result.take != nil && !result.reused)
                let failure = await #expect(throws: (any Error).self) { try await jobs.run(.reroll(shot: "nope")) }
                #expect(ServerError(try #require(failure)).code == .notFound)
                group.cancelAll()
            }
            hub.close()
            var states: [String] = []
            var sawProgress = false
            for await event in events {
                if event.type == .job, let state = event.state { states.append(state) }
                if event.type == .started { sawProgress = true }
            }
            #expect(states == ["queued", "running", "done", "queued", "running", "failed"])
            #expect(sawProgress)
            #expect(jobs.activeShots.isEmpty)
        }
    }
}
