import Foundation
import ReelStore
import Testing

/// A snapshot answers as the store's one-row queries do, from one read of every table.
@Suite struct StoreSnapshotTests {
    @Test func answersAsTheStoresQueriesDo() throws {
        try withStore { store throws in
            let first = try store.recordTake(takeDraft(store, shot: "vista"))
            let second = try store.recordTake(takeDraft(store, shot: "vista", kind: .reroll, seed: 50))
            try store.pick(shot: "vista", take: first.id, candidate: 3)
            _ = try store.recordTake(takeDraft(store, shot: "glow"))
            let clip = try store.recordClip(clipDraft(store, shot: "vista", stepKey: "clip-1"))
            let newer = try store.recordClip(clipDraft(store, shot: "vista", stepKey: "clip-2"))
            try store.setMeta("abc", for: .filmHash)
            try store.recordCost(usd: 0.25, backend: "sketch", shotID: "vista")
            try store.recordFailure(shotID: "glow", stepID: "take:glow", code: "backend", message: "down")

            let records = try store.snapshot()
            #expect(records.takes(shot: "vista") == [second, first])
            #expect(records.takes(shot: "vista") == (try store.takes(shot: "vista")))
            #expect(records.pick(for: "vista") == (try store.pick(for: "vista")))
            #expect(records.pickedCandidate(for: "vista") == first.candidate(3))
            #expect(records.pickedCandidate(for: "glow") == nil)
            #expect(records.clip(stepKey: "clip-1") == clip && records.clip(stepKey: "clip-3") == nil)
            #expect(records.latestClip(shot: "vista") == newer && records.latestClip(shot: "glow") == nil)
            #expect(records.meta(.filmHash) == "abc" && records.meta(.lastMake) == nil)
            #expect(records.cost(shot: "vista") == 0.25 && records.cost(shot: "glow") == 0)
            #expect(records.failures == (try store.failures()))
            #expect(records.clipPieceCount(chainKey: "clip-1") == 0)
        }
    }
}
