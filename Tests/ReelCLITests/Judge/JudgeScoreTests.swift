import Foundation
import ReelFaces
import ReelKit
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel score` with a judge (`backends: { judge: gemini }`) on sketch drawings, which have no
/// face for dlib: the fake Gemini judges by the images it is sent, each answer is stored and
/// never asked for again, its cost is in the ledger, a garbled answer fails its candidate
/// alone, and the key is never written or printed.
@Suite struct JudgeScoreTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    /// Runs `body` with the fake Gemini and a project whose reference is drawing `reference + 1`.
    func withJudge(
        reference: Int = 1, extra: String = "score: { scorer: judge }",
        _ body: @Sendable (FakeGemini, URL, [Data]) async throws -> Void
    ) async throws {
        let fake = FakeGemini(key: JudgeProject.key)
        try await withTemporaryDirectory("reel-judge") { parent in
            let drawings = try await JudgeProject.drawings(reel: reel, in: parent)
            try #require(drawings.count == 4 && Set(drawings).count == 4, "four different drawings")
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { url in
                let project = try await JudgeProject.make(
                    in: parent, url: url, drawings: drawings, reference: reference, extra: extra)
                try await body(fake, project, drawings)
            }
        }
    }

    var environment: [String: String] { ["GEMINI_API_KEY": JudgeProject.key] }

    @Test func theJudgeScoresDrawingsIsAskedOnceAndItsCostIsInTheLedger() async throws {
        try await withJudge { fake, project, _ in
            let first = try await reel.run(["score", "ridge", "--json"], in: project, environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(try JudgeProject.verdicts(first.stdout) == ["drift", "match", "drift", "drift"])
            #expect(first.stdout.contains(#""scorer" : "judge""#))
            #expect(await fake.judgeCalls.count == 4)
            #expect(await fake.generateCalls.isEmpty, "no image was made")

            let second = try await reel.run(["score", "ridge"], in: project, environment: environment)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("oda match [judge 0.90]"), "\(second.stdout)")
            #expect(second.stdout.contains("best for identity: candidate 2"), "\(second.stdout)")
            #expect(await fake.judgeCalls.count == 4, "stored verdicts are never asked for again")

            let costs = try await reel.run(["costs"], in: project)
            #expect(costs.stdout.contains("gemini judge"), "\(costs.stdout)")
            let store = try Store.open(projectDirectory: project)
            let judged = try store.costEntries().filter { $0.backend == "gemini judge" }
            #expect(judged.count == 4)
            #expect(abs(judged.reduce(0) { $0 + $1.usd } - 4 * FakeGemini.judgeCost(images: 2)) < 1e-12)

            for result in [first, second, costs] {
                try HostedMake.expectKeyNeverLeaks(JudgeProject.key, printed: result, project: project)
            }
        }
    }

    @Test func aGarbledAnswerFailsThatCandidateOnly() async throws {
        try await withJudge { fake, project, drawings in
            await fake.set(garbledCandidate: drawings[2])
            let first = try await reel.run(["score", "ridge", "--json"], in: project, environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            let verdicts = try JudgeProject.verdicts(first.stdout)
            #expect(verdicts[0] == "drift" && verdicts[1] == "match" && verdicts[3] == "drift")
            #expect(verdicts[2].hasPrefix("failed: judge answered something Reel cannot read"), "\(verdicts[2])")

            // The garbled answer was not stored: only that candidate is asked again, and paid again.
            await fake.set(garbledCandidate: nil)
            let second = try await reel.run(["score", "ridge", "--json"], in: project, environment: environment)
            #expect(try JudgeProject.verdicts(second.stdout) == ["drift", "match", "drift", "drift"])
            #expect(await fake.judgeCalls.count == 5)
            let store = try Store.open(projectDirectory: project)
            #expect(try store.costEntries().filter { $0.backend == "gemini judge" }.count == 5)
        }
    }

    @Test func withoutAKeyOneErrorNamesTheVariableAndNothingIsSent() async throws {
        try await withJudge { fake, project, _ in
            let result = try await reel.run(
                ["score", "ridge"], in: project, environment: ["GEMINI_API_KEY": "", "GOOGLE_API_KEY": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("GEMINI_API_KEY"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func pickBestPicksTheCandidateTheJudgeMatchesAndTheEstimateCountsTheJudge() async throws {
        try await withJudge(reference: 2, extra: "score: { scorer: judge }\npick: best") { fake, project, _ in
            let plan = try await reel.run(["make", "--dry-run"], in: project, environment: environment)
            #expect(plan.status == 0, "\(plan.stderr)")
            #expect(plan.stdout.contains("$0.03"), "four questions at about $0.0074: \(plan.stdout)")
            #expect(await fake.requestLog.isEmpty)

            let make = try await reel.run(["make"], in: project, environment: environment)
            #expect(make.status == 0, "\(make.stderr)")
            #expect(make.stderr.contains("picked candidate 3"), "\(make.stderr)")
            #expect(try Store.open(projectDirectory: project).pick(for: "ridge")?.candidateIndex == 3)
            #expect(await fake.judgeCalls.count == 4)
        }
    }

    @Test func theBudgetHoldsTheJudgesQuestions() async throws {
        try await withJudge(extra: "score: { scorer: judge }\npick: best") { fake, project, _ in
            // Four questions at about $0.0074 do not fit under $0.02: nothing is asked.
            let tight = try await reel.run(["make", "--budget", "0.02"], in: project, environment: environment)
            #expect(tight.status != 0)
            #expect(tight.stderr.contains("past its --budget"), "\(tight.stderr)")
            #expect(await fake.judgeCalls.isEmpty)
            #expect(try Store.open(projectDirectory: project).costEntries().isEmpty)

            let enough = try await reel.run(["make", "--budget", "0.05"], in: project, environment: environment)
            #expect(enough.status == 0, "\(enough.stderr)")
            #expect(await fake.judgeCalls.count == 4)
            #expect(try Store.open(projectDirectory: project).totalCost() <= 0.05)
        }
    }

    @Test func makeCoherentKeepsTheCandidateTheJudgeSaysHolds() async throws {
        try await withJudge(reference: 3) { fake, project, _ in
            let make = try await reel.run(
                ["make", "--coherent", "--max-takes", "1"], in: project, environment: environment)
            #expect(make.status == 0, "\(make.stderr)")
            #expect(make.stdout.contains("ridge: take 1 candidate 4 holds"), "\(make.stdout)")
            #expect(try Store.open(projectDirectory: project).pick(for: "ridge")?.candidateIndex == 4)
            #expect(await fake.judgeCalls.count == 4)
        }
    }

    /// With the default scorer, dlib looks first; the drawings have no face, so the judge scores them.
    @Test(.enabled(if: (try? FaceModels.locate()) != nil))
    func whereDlibFindsNoFaceTheJudgeScores() async throws {
        try await withJudge(extra: "") { fake, project, _ in
            let result = try await reel.run(["score", "ridge", "--json"], in: project, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try JudgeProject.verdicts(result.stdout) == ["drift", "match", "drift", "drift"])
            #expect(result.stdout.contains(#""faces" : ["#), "dlib's empty faces are reported beside")
            #expect(await fake.judgeCalls.count == 4)
        }
    }
}
