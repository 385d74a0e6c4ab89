import Foundation
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

/// The plan says, before anything runs, every step a `make` would take and why; `make`, the
/// estimate and `status` agree with it.
@Suite struct StudioPlanTests {
    @Test func aNewFilmPlansEveryStepAsNeverMade() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let plan = try studio.plan()
            #expect(
                plan.toRun.map(\.id) == [
                    "take:wide", "take:face", "take:glow", "clip:wide", "clip:face", "clip:glow", "board", "cut", "mix",
                ])
            #expect(plan.step("take:wide")?.reason == .neverMade)
            #expect(plan.step("take:glow")?.reason == .after("take:face"))
            #expect(plan.step("take:glow")?.dependsOn == ["take:face"])
            #expect(plan.step("clip:face")?.reason == .after("take:face"))
            #expect(plan.step("take:wide")?.backend == "sketch")
            #expect(plan.step("clip:wide")?.backend == "camera")
            #expect(plan.takeGenerations == 3)
            #expect(try studio.estimate().generations == 3)
        }
    }

    @Test func afterAMakeNothingIsPlanned() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            let plan = try TestStudio.open(directory).plan(verifyingBlobs: true)
            #expect(plan.toRun.isEmpty, "\(plan.toRun.map { "\($0.id): \($0.reason?.text ?? "")" })")
            #expect(plan.steps.allSatisfy { $0.key != nil })
        }
    }

    @Test func anEditedPromptPlansItsShotItsDependentsAndTheFilmWithReasons() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            let edited = TestFilms.threeShots.replacingOccurrences(of: "calm face, night", with: "calm face, dawn")
            try Data(edited.utf8).write(to: directory.appending(path: "film.yaml"))

            let studio = try TestStudio.open(directory)
            let plan = try studio.plan()
            #expect(
                plan.toRun.map(\.id) == ["take:face", "take:glow", "clip:face", "clip:glow", "board", "cut", "mix"])
            #expect(plan.step("take:face")?.reason == .changed(["prompt"]))
            #expect(plan.step("take:glow")?.reason == .after("take:face"))
            #expect(plan.step("clip:wide")?.willRun == false)
            // What make does is what the plan said.
            let report = try await studio.make()
            #expect(report.generated == ["face", "glow"])
            #expect(try studio.plan().toRun.isEmpty)
        }
    }

    @Test func aNewSeedAndALongerShotSayWhichInputChanged() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            var edited = TestFilms.threeShots.replacingOccurrences(of: "seed: 99", with: "seed: 100")
            edited = edited.replacingOccurrences(
                of: "camera: drift\n    duration: 1", with: "camera: drift\n    duration: 2")
            try Data(edited.utf8).write(to: directory.appending(path: "film.yaml"))

            let plan = try TestStudio.open(directory).plan()
            // mira's seed feeds every shot she is in: wide and face; glow starts from face.
            #expect(plan.step("take:wide")?.reason == .changed(["seed"]))
            #expect(plan.step("take:face")?.reason == .changed(["seed"]))
            #expect(plan.step("take:glow")?.reason == .after("take:face"))
        }
    }

    @Test func aLongerShotReplansItsClipWithTheReason() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            _ = try await TestStudio.open(directory).make()
            let edited = TestFilms.threeShots.replacingOccurrences(
                of: "camera: static\n    duration: 1", with: "camera: static\n    duration: 2")
            try Data(edited.utf8).write(to: directory.appending(path: "film.yaml"))

            let plan = try TestStudio.open(directory).plan()
            #expect(plan.step("take:glow")?.willRun == false)
            let reason = try #require(plan.step("clip:glow")?.reason)
            guard case .changed(let inputs) = reason else { Issue.record("\(reason)"); return }
            #expect(inputs.first == "duration")
            #expect(plan.step("cut")?.reason == .after("clip:glow"))
        }
    }

    @Test func planJSONRoundTripsWithItsReasons() throws {
        let plan = Plan(steps: [
            PlanStep(id: "take:a", kind: .take, shotID: "a", backend: "sketch", reason: .changed(["prompt", "seed"])),
            PlanStep(id: "take:b", kind: .take, shotID: "b", backend: "sketch", reason: .unpicked(take: 7)),
            PlanStep(id: "clip:a", kind: .clip, shotID: "a", backend: "camera", reason: .after("take:a")),
            PlanStep(id: "board", kind: .board, backend: "reel", reason: .blocked("no pick")),
            PlanStep(id: "cut", kind: .cut, backend: "reel"),
        ])
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
        #expect(String(decoding: data, as: UTF8.self).contains(#""text":"changed: prompt, seed""#))
    }
}
