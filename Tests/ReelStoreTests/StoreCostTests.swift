import Foundation
import ReelStore
import Testing

@Suite struct StoreCostTests {
    @Test func addsUpCostsPerShotAndOverall() throws {
        try withStore { store throws in
            let take = try store.recordTake(takeDraft(store, shot: "vista", costUSD: 0.25))
            try store.recordTake(takeDraft(store, shot: "vista", kind: .reroll, seed: 9, costUSD: 0.5))
            try store.recordTake(takeDraft(store, shot: "glow", costUSD: 0))
            let clip = try store.recordClip(clipDraft(store, shot: "glow", stepKey: "clip-1", costUSD: 1.25))
            let job = try store.enqueueJob(stepKey: "failed", kind: "clip", shotID: "glow", backend: "runway")
            try store.recordCost(usd: 0.125, backend: "runway", shotID: "glow", jobID: job.id)
            try store.recordCost(usd: 2, backend: "elevenlabs", shotID: nil)

            #expect(try store.cost(shot: "vista") == 0.75)
            #expect(try store.cost(shot: "glow") == 1.375)
            #expect(try store.cost(shot: "nowhere") == 0)
            #expect(try store.costByShot() == ["vista": 0.75, "glow": 1.375])
            #expect(try store.totalCost() == 4.125)

            let entries = try store.costEntries()
            #expect(entries.count == 5)
            #expect(entries[0].takeID == take.id && entries[0].usd == 0.25 && entries[0].createdAt == fixedDate)
            #expect(entries[2].clipID == clip.id && entries[2].backend == "camera")
            #expect(entries[3].jobID == job.id)
        }
    }

    @Test func anEmptyProjectCostsNothing() throws {
        try withStore { store throws in
            #expect(try store.totalCost() == 0)
            #expect(try store.costByShot().isEmpty)
        }
    }

    @Test(arguments: [-0.01, Double.nan, Double.infinity])
    func refusesAmountsThatAreNotMoney(usd: Double) throws {
        try withStore { store throws in
            #expect {
                try store.recordCost(usd: usd, backend: "runway", shotID: "vista")
            } throws: { error in
                (error as? StoreError)?.code == .invalidRecord
            }
        }
    }
}
