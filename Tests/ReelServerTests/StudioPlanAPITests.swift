import Foundation
import Hummingbird
import HummingbirdTesting
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

@testable import ReelServer

/// The studio reads the same plan as `reel plan`, and shows a failed shot's reason on the shot.
@Suite struct StudioPlanAPITests {
    @Test func thePlanSaysWhatTheNextMakeRunsAndWhy() async throws {
        try await StudioFixture.with { _, client in
            let answer = try await client.execute(uri: "/api/plan", method: .get, headers: StudioFixture.page())
            #expect(answer.status == .ok)
            let plan = try answer.object()
            #expect(plan["toRun"] as? Int == 9)
            #expect(plan["takesToGenerate"] as? Int == 3)
            let steps = try #require(plan["steps"] as? [[String: Any]])
            let glow = try #require(steps.first { $0["id"] as? String == "take:glow" })
            #expect((glow["reason"] as? [String: Any])?["text"] as? String == "after take:face")
        }
    }

    @Test func aShotThatFailedShowsWhy() async throws {
        try await StudioFixture.with { fixture, client in
            try fixture.openStudio().store.recordFailure(
                shotID: "face", stepID: "take:face", code: "backend", message: "the service refused the prompt")
            let answer = try await client.execute(uri: "/api/shots", method: .get, headers: StudioFixture.page())
            let shots = try #require(try answer.json() as? [[String: Any]])
            let face = try #require(shots.first { $0["id"] as? String == "face" })
            #expect(face["state"] as? String == "failed")
            #expect(face["failure"] as? String == "the service refused the prompt")
            let wide = try #require(shots.first { $0["id"] as? String == "wide" })
            #expect(wide["failure"] == nil)
        }
    }
}
