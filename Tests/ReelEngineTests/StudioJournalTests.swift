import Foundation
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

/// The job journal: a run that dies while a remote job is in flight resumes it next time
/// without submitting or paying again; the budget refuses work before it starts.
@Suite struct StudioJournalTests {
    static let film = """
        title: Remote
        aspect: "7:3"
        fps: 12
        resolution: 96
        backends: { image: scripted }
        shots:
          - { id: one, prompt: "a harbour", duration: 1 }
          - { id: two, prompt: "a lighthouse", duration: 1 }
          - { id: three, from: two, prompt: "at night", duration: 1 }
        """

    func studio(_ directory: URL, server: ScriptedJobServer, budget: Budget? = nil) throws -> Studio {
        var registry = TestStudio.registry()
        registry.images["scripted"] = ScriptedResumableBackend(server: server)
        registry.concurrency["scripted"] = 2
        let project = Project(directory: directory)
        return Studio(
            project: project, film: try FilmLoader().load(contentsOf: project.filmURL),
            store: try Store.open(projectDirectory: directory), registry: registry, budget: budget)
    }

    @Test func aRunKilledMidJobResumesWithoutPayingTwice() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let server = ScriptedJobServer()
            await server.killClientDuringNextCollects(1)
            await #expect(throws: ClientKilled.self) { _ = try await studio(directory, server: server).make() }
            let store = try Store.open(projectDirectory: directory)
            let finished = try ["one", "two", "three"].filter { try !store.takes(shot: $0).isEmpty }
            #expect(finished.count < 3)

            let report = try await studio(directory, server: server).make()
            #expect(Set(report.generated) == Set(["one", "two", "three"]).subtracting(finished))
            #expect(await server.submissions == 3, "a job in flight was submitted again")
            #expect(await server.chargedUSD == 3 * 4 * 0.04)
            #expect(try store.totalCost() == 3 * 4 * 0.04)
            #expect(try store.unfinishedJobs().isEmpty)
        }
    }

    @Test func aServerThatForgotTheJobGetsItAgain() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let server = ScriptedJobServer()
            await server.killClientDuringNextCollects(2)
            await #expect(throws: ClientKilled.self) { _ = try await studio(directory, server: server).make() }
            let submittedBefore = await server.submissions
            await server.restartForgettingJobs()
            _ = try await studio(directory, server: server).make()
            // The lost jobs are submitted once more; none that finished is.
            #expect(await server.submissions == submittedBefore + 2 + (3 - submittedBefore))
            #expect(await server.chargedUSD == 3 * 4 * 0.04)
        }
    }

    @Test func aJobThatFailedOnTheServerIsSubmittedAgainByTheNextMake() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let server = ScriptedJobServer()
            await server.failNextJobs(1)
            let first = try await studio(directory, server: server).make()
            #expect(first.failures.count >= 1)
            let failed = try #require(first.failures.first?.shotID)

            // Re-attaching to the failed job fails the same way; it is made anew instead.
            let second = try await studio(directory, server: server).make()
            #expect(second.failures.isEmpty, "\(second.failures.map(\.message))")
            #expect(second.generated.contains(failed))
            #expect(await server.submissions == 4)
        }
    }

    @Test func theBudgetRefusesARunBeforeAnythingStarts() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let server = ScriptedJobServer()
            let studio = try studio(directory, server: server, budget: Budget(limitUSD: 0.20))
            #expect(try studio.estimate().generations == 3)
            #expect(abs(try studio.estimate().costUSD - 0.48) < 1e-9)
            let error = await #expect(throws: ReelError.self) { _ = try await studio.make() }
            #expect(error?.message.contains("--budget") == true)
            #expect(await server.submissions == 0)
            #expect(try studio.store.takes(shot: "one").isEmpty)
        }
    }

    @Test func theBudgetStopsSingleGenerationsPastTheCap() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(Self.film, in: parent)
            let server = ScriptedJobServer()
            let studio = try studio(directory, server: server, budget: Budget(limitUSD: 0.20))
            _ = try await studio.generate(shotID: "one")
            await #expect(throws: ReelError.self) { _ = try await studio.reroll(shotID: "one") }
            #expect(await server.submissions == 1)
        }
    }
}
