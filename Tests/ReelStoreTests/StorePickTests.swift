import Foundation
import ReelStore
import Testing

@Suite struct StorePickTests {
    @Test func picksACandidateAndReplacesTheShotsEarlierPick() throws {
        try withStore { store throws in
            let take = try store.recordTake(takeDraft(store, shot: "vista"))
            let pick = try store.pick(shot: "vista", take: take.id, candidate: 2)
            #expect(pick.shotID == "vista" && pick.takeID == take.id && pick.candidateIndex == 2)
            #expect(pick.pickedAt == fixedDate && !pick.auto)
            #expect(try store.pick(for: "vista") == pick)
            #expect(try store.pickedCandidate(for: "vista") == take.candidate(2))

            let reroll = try store.recordTake(takeDraft(store, shot: "vista", kind: .reroll, seed: 50))
            try store.pick(shot: "vista", take: reroll.id, candidate: 4)
            #expect(try store.pick(for: "vista")?.takeID == reroll.id)
            #expect(try store.pickedCandidate(for: "vista") == reroll.candidate(4))
            #expect(try store.picks().count == 1)
        }
    }

    @Test func listsPicksByShot() throws {
        try withStore { store throws in
            for shot in ["vista", "glow", "harbour"] {
                let take = try store.recordTake(takeDraft(store, shot: shot))
                try store.pick(shot: shot, take: take.id, candidate: 1)
            }
            #expect(try store.picks().map(\.shotID) == ["glow", "harbour", "vista"])
            #expect(try store.pick(for: "nowhere") == nil)
            #expect(try store.pickedCandidate(for: "nowhere") == nil)
        }
    }

    @Test(arguments: [(4, 5, "(it has 1–4)"), (4, 0, "(it has 1–4)"), (1, 2, "(it has 1)")])
    func explainsAPickOfAMissingCandidate(count: Int, index: Int, has: String) throws {
        try withStore { store throws in
            let take = try store.recordTake(takeDraft(store, shot: "vista", count: count))
            #expect {
                try store.pick(shot: "vista", take: take.id, candidate: index)
            } throws: { error in
                let error = error as? StoreError
                return error?.code == .notFound && error?.message == "take \(take.id) has no candidate \(index) \(has)"
            }
            #expect(try store.pick(for: "vista") == nil)
        }
    }

    @Test func refusesAPickOfAMissingTakeOrAnotherShotsTake() throws {
        try withStore { store throws in
            let glow = try store.recordTake(takeDraft(store, shot: "glow"))
            #expect {
                try store.pick(shot: "vista", take: 404, candidate: 1)
            } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
            #expect {
                try store.pick(shot: "vista", take: glow.id, candidate: 1)
            } throws: { error in
                (error as? StoreError)?.message == "take \(glow.id) belongs to shot 'glow', not 'vista'"
            }
        }
    }

    @Test func anAutomaticPickNeverReplacesTheUsersPick() throws {
        try withStore { store throws in
            let take = try store.recordTake(takeDraft(store, shot: "vista"))
            try store.pick(shot: "vista", take: take.id, candidate: 1, auto: true)
            #expect(try store.pick(shot: "vista", take: take.id, candidate: 2, auto: true).candidateIndex == 2)
            try store.pick(shot: "vista", take: take.id, candidate: 3)
            let kept = try store.pick(shot: "vista", take: take.id, candidate: 4, auto: true)
            #expect(kept.candidateIndex == 3 && !kept.auto)
            #expect(try store.pick(for: "vista") == kept)
        }
    }
}
