import Foundation
import ReelStore
import Testing

@Suite struct StoreClipTests {
    @Test func recordsClipsAndFindsThemByStepKeyAndShot() throws {
        try withStore { store throws in
            let draft = try clipDraft(store, shot: "vista", stepKey: "clip-1")
            let first = try store.recordClip(draft)
            #expect(first.shotID == "vista" && first.sourceBlob == draft.sourceBlob && first.blob == draft.blob)
            #expect(first.backend == "camera" && first.durationSeconds == 4 && first.fps == 24)
            #expect(first.width == 1344 && first.height == 576 && first.createdAt == fixedDate)
            let second = try store.recordClip(clipDraft(store, shot: "vista", stepKey: "clip-2"))

            #expect(try store.clip(stepKey: "clip-1") == first)
            #expect(try store.clip(stepKey: "clip-3") == nil)
            #expect(try store.latestClip(shot: "vista") == second)
            #expect(try store.clips(shot: "vista") == [second, first])
            #expect(try store.latestClip(shot: "glow") == nil)
        }
    }

    @Test func refusesAClipWhoseVideoIsNotStored() throws {
        try withStore { store throws in
            var draft = try clipDraft(store, shot: "vista", stepKey: "clip-1")
            draft.blob = BlobID.of(Data("a video never put".utf8))
            #expect {
                try store.recordClip(draft)
            } throws: { error in
                (error as? StoreError)?.code == .invalidRecord
            }
            #expect(try store.latestClip(shot: "vista") == nil)
        }
    }
}
