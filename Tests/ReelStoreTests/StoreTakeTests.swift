import Foundation
import ReelStore
import Testing

@Suite struct StoreTakeTests {
    @Test func recordsATakeWithItsCandidatesNumberedFromOne() throws {
        try withStore { store throws in
            let draft = try takeDraft(store, shot: "vista", seed: UInt64.max - 1, count: 2)
            let take = try store.recordTake(draft)
            #expect(take.shotID == "vista" && take.kind == .generate && take.stepKey == draft.stepKey)
            #expect(take.backend == "sketch" && take.model == "sketch-1" && take.requestJSON == draft.requestJSON)
            #expect(take.seeds == [UInt64.max - 1, UInt64.max])
            #expect(take.createdAt == fixedDate && take.durationSeconds == 1.5 && take.gridBlob == draft.gridBlob)
            #expect(take.candidates.map(\.index) == [1, 2])
            #expect(take.candidates.map(\.takeID) == [take.id, take.id])
            #expect(take.candidates.map(\.seed) == [UInt64.max - 1, UInt64.max])
            #expect(take.candidates.map(\.blob) == draft.candidates.map(\.blob))
            #expect(take.candidate(2)?.width == 1344 && take.candidate(3) == nil)
            #expect(try store.take(id: take.id) == take)
        }
    }

    @Test func listsTakesNewestFirstAndFindsThemByStepKey() throws {
        try withStore { store throws in
            let first = try store.recordTake(takeDraft(store, shot: "vista", seed: 1))
            let other = try store.recordTake(takeDraft(store, shot: "glow", seed: 2))
            let reroll = try store.recordTake(takeDraft(store, shot: "vista", kind: .reroll, seed: 3))
            #expect(try store.takes(shot: "vista").map(\.id) == [reroll.id, first.id])
            #expect(try store.latestTake(shot: "vista") == reroll)
            #expect(try store.latestTake(shot: "glow") == other)
            #expect(try store.take(stepKey: first.stepKey) == first)
            #expect(try store.take(stepKey: "never-ran") == nil)
            #expect(try store.takes(shot: "nowhere").isEmpty)
            #expect(try store.take(id: 999) == nil)
        }
    }

    @Test func recordsAVariationOfAnExistingCandidate() throws {
        try withStore { store throws in
            let parent = try store.recordTake(takeDraft(store, shot: "vista", seed: 1))
            let variation = try store.recordTake(
                takeDraft(store, shot: "vista", kind: .varyStrong, seed: 9, parent: (parent.id, 3)))
            #expect(variation.parentTakeID == parent.id && variation.parentCandidateIndex == 3)
        }
    }

    @Test func refusesAVariationOfACandidateThatDoesNotExist() throws {
        try withStore { store throws in
            let parent = try store.recordTake(takeDraft(store, shot: "vista", seed: 1))
            #expect {
                try store.recordTake(
                    takeDraft(store, shot: "vista", kind: .varySubtle, seed: 9, parent: (parent.id, 7)))
            } throws: { error in
                (error as? StoreError)?.message == "take \(parent.id) has no candidate 7 (it has 1–4)"
            }
            #expect {
                try store.recordTake(takeDraft(store, shot: "vista", kind: .varySubtle, seed: 9, parent: (404, 1)))
            } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
            #expect(try store.takes(shot: "vista").count == 1)
        }
    }

    @Test(arguments: [Take.Kind.varySubtle, .varyStrong])
    func refusesAVariationWithoutTheCandidateItVaries(kind: Take.Kind) throws {
        try withStore { store throws in
            let parent = try store.recordTake(takeDraft(store, shot: "vista", seed: 1))
            #expect {
                try store.recordTake(takeDraft(store, shot: "vista", kind: kind, seed: 9, parent: (parent.id, nil)))
            } throws: { error in
                (error as? StoreError)?.message == "a variation of shot 'vista' needs the take and candidate it varies"
            }
        }
    }

    @Test func refusesATakeWithoutCandidates() throws {
        try withStore { store throws in
            var draft = try takeDraft(store, shot: "vista")
            draft.candidates = []
            #expect {
                try store.recordTake(draft)
            } throws: { error in
                (error as? StoreError)?.code == .invalidRecord
            }
        }
    }

    @Test func refusesATakeWhoseImagesAreNotStored() throws {
        try withStore { store throws in
            var draft = try takeDraft(store, shot: "vista")
            draft.candidates[1].blob = BlobID.of(Data("not put".utf8))
            #expect {
                try store.recordTake(draft)
            } throws: { error in
                let error = error as? StoreError
                return error?.code == .invalidRecord && error?.message.contains("not in the blob store") == true
            }
            #expect(try store.takes(shot: "vista").isEmpty)
        }
    }

    @Test func roundTripsThroughJSONForTheStudio() throws {
        try withStore { store throws in
            let take = try store.recordTake(takeDraft(store, shot: "vista", kind: .fromImage))
            let json = try JSONEncoder().encode(take)
            #expect(try JSONDecoder().decode(Take.self, from: json) == take)
            #expect(String(decoding: json, as: UTF8.self).contains(#""kind":"from-image""#))
        }
    }
}
