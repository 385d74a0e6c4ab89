import Foundation
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `backends: { judge: openai }`: the same drawings judged by the fake OpenAI's chat completions,
/// the verdicts read the same way, stored, paid in the ledger, and the key never written or printed.
@Suite struct OpenAIJudgeScoreTests {
    static let key = "sk-openai-judge-secret-77d2"
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    @Test func theOpenAIJudgeScoresDrawingsOnceAndItsCostIsInTheLedger() async throws {
        let fake = FakeOpenAI(key: Self.key)
        try await withTemporaryDirectory("reel-openai-judge") { parent in
            let drawings = try await JudgeProject.drawings(reel: reel, in: parent)
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { url in
                let project = try await JudgeProject.make(
                    in: parent, url: url, drawings: drawings, reference: 0, judge: "openai")
                let environment = ["OPENAI_API_KEY": Self.key]
                let first = try await reel.run(["score", "ridge", "--json"], in: project, environment: environment)
                #expect(first.status == 0, "\(first.stderr)")
                #expect(try JudgeProject.verdicts(first.stdout) == ["match", "drift", "drift", "drift"])
                let second = try await reel.run(["score", "ridge"], in: project, environment: environment)
                #expect(second.stdout.contains("oda match [judge 0.90]"), "\(second.stdout)")
                #expect(await fake.paidCount(.chat) == 4, "stored verdicts are never asked for again")
                let store = try Store.open(projectDirectory: project)
                let judged = try store.costEntries().filter { $0.backend == "openai judge" }
                #expect(abs(judged.reduce(0) { $0 + $1.usd } - 4 * FakeOpenAI.judgeCost(images: 2)) < 1e-12)
                for result in [first, second] {
                    try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
                }
            }
        }
    }
}
