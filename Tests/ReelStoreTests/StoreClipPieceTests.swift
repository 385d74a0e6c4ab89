import Foundation
import ReelStore
import Testing

@Suite struct StoreClipPieceTests {
    @Test func aChainsPiecesAreRecordedFoundByStepKeyAndLinkedToTheirClip() throws {
        try withStore { store throws in
            let pieces = try (0..<3).map { try store.recordClipPiece(pieceDraft(store, index: $0, costUSD: 0.25)) }
            #expect(try store.clipPiece(stepKey: "piece-1") == pieces[1])
            #expect(try store.clipPieces(chainKey: "chain-1") == pieces)
            #expect(pieces.map(\.startFrame) == [0, 96, 192] && pieces.allSatisfy { $0.clipID == nil })

            let clip = try store.recordChainedClip(clipDraft(store, shot: "vista", stepKey: "chain-1"), pieces: pieces)
            let linked = try store.clipPieces(clipID: clip.id)
            #expect(linked.map(\.id) == pieces.map(\.id) && linked.allSatisfy { $0.clipID == clip.id })
            // Each piece's charge is in the ledger once; the clip shows their total and adds none.
            #expect(clip.costUSD == 0.75)
            #expect(try store.totalCost() == 0.75)
            #expect(try store.cost(shot: "vista") == 0.75)
        }
    }

    @Test func aPieceMadeAgainReplacesItsPositionInTheChain() throws {
        try withStore { store throws in
            _ = try store.recordClipPiece(pieceDraft(store, index: 0))
            let again = try store.recordClipPiece(pieceDraft(store, index: 0, tag: "again"))
            #expect(try store.clipPieces(chainKey: "chain-1") == [again])
            #expect(try store.clipPieces(shot: "vista").count == 2)
        }
    }

    @Test func refusesAPieceWhoseVideoIsNotStored() throws {
        try withStore { store throws in
            var draft = try pieceDraft(store, index: 0)
            draft.blob = BlobID.of(Data("never put".utf8))
            #expect {
                try store.recordClipPiece(draft)
            } throws: { error in
                (error as? StoreError)?.code == .invalidRecord
            }
            #expect(try store.clipPieces(shot: "vista").isEmpty)
        }
    }

    private func pieceDraft(
        _ store: Store, index: Int, costUSD: Double = 0, tag: String = ""
    ) throws
        -> ClipPiece.Draft
    {
        ClipPiece.Draft(
            shotID: "vista", chainKey: "chain-1", stepKey: "piece-\(index)", pieceIndex: index, pieceCount: 3,
            startFrame: index * 96, frameCount: 96, sourceBlob: try putBlob(store, "still-\(index)\(tag)"),
            blob: try putBlob(store, "video-\(index)\(tag)"), backend: "runway", requestJSON: "{}",
            durationSeconds: 4, costUSD: costUSD)
    }
}
