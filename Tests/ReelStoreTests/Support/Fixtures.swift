import Foundation
import ReelStore

/// Tiny stand-ins for images and videos: distinct bytes per name, stored in the blob store.
@discardableResult
func putBlob(_ store: Store, _ name: String) throws -> BlobID {
    try store.blobs.put(Data("fake image bytes of \(name)".utf8))
}

/// A take draft of `shotID` with `count` stored candidates whose seeds are `seed`, `seed + 1`…
func takeDraft(
    _ store: Store, shot shotID: String, kind: Take.Kind = .generate, stepKey: String? = nil, seed: UInt64 = 100,
    count: Int = 4, costUSD: Double = 0, parent: (take: Int64, candidate: Int?)? = nil
) throws -> Take.Draft {
    let seeds = (0..<UInt64(count)).map { seed &+ $0 }
    let candidates = try seeds.map { seed in
        Candidate.Draft(blob: try putBlob(store, "\(shotID)-\(seed)"), seed: seed, width: 1344, height: 576)
    }
    return Take.Draft(
        shotID: shotID, kind: kind, parentTakeID: parent?.take, parentCandidateIndex: parent?.candidate,
        stepKey: stepKey ?? "step-\(shotID)-\(seed)", promptKey: "prompt-\(shotID)", backend: "sketch",
        model: "sketch-1",
        requestJSON: #"{"prompt":"a pilot on a cliff"}"#, seeds: seeds, costUSD: costUSD, durationSeconds: 1.5,
        gridBlob: try putBlob(store, "grid-\(shotID)-\(seed)"), candidates: candidates)
}

/// A clip draft of `shotID` whose still and video are stored.
func clipDraft(_ store: Store, shot shotID: String, stepKey: String, costUSD: Double = 0) throws -> Clip.Draft {
    Clip.Draft(
        shotID: shotID, stepKey: stepKey, sourceBlob: try putBlob(store, "still-\(stepKey)"),
        blob: try putBlob(store, "video-\(stepKey)"), backend: "camera", requestJSON: #"{"camera":"push-in"}"#,
        durationSeconds: 4, fps: 24, width: 1344, height: 576, costUSD: costUSD)
}
