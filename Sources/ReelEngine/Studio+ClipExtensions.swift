import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What a natively extended piece's step key is made of: its place in the chain, its own request
/// (the shot's still, motion and the extension's length) and the piece it continues, by that
/// piece's step key and video, so it is reused only while everything before it is unchanged.
struct ClipExtensionInputs: Encodable {
    var index: Int
    var count: Int
    var request: ClipRequest
    var extends: String
    var extendsVideo: String
    var mode = "extend"
}

extension Studio {
    /// Builds a long shot on a backend that extends its own generations: the first piece is
    /// animated from the pick, and each later piece is submitted as an extension of the piece
    /// before it, named by the vendor's id the journal holds for that piece. Each piece is stored
    /// under its own key, so a killed run resumes piece by piece and pays for each once. When the
    /// service can no longer continue the prior generation (expired, or no id was journaled), that
    /// piece is made from the prior piece's last frame instead, and progress says so. The join
    /// reads each frame of the shot once, from the video that holds it last (an extension may
    /// answer the whole video so far), and cuts it to exactly the shot's frames.
    func makeExtendedChain(
        _ chain: ClipChainPlan, shot: Shot, picked: Candidate, request: ClipRequest, backend: any VideoBackend,
        backendName: String, key: StepKey
    ) async throws -> Clip {
        guard let native = chain.nativeExtension else {
            throw ReelError(.internal, "shot '\(shot.id)' has no native extension to chain")
        }
        let count = chain.pieces.count
        var pieces: [ClipPiece] = []
        var keys: [StepKey] = []
        var videoStarts: [Int] = []
        for index in chain.pieces.indices {
            let start = chain.pieces[index].startFrame
            if index == 0 {
                let first = pieceRequest(request, chain: chain, index: 0, image: picked.blob)
                let firstKey = try StepKey(
                    kind: "clip-piece", backend: backendName,
                    inputs: ClipPieceInputs(index: 0, count: count, request: first))
                pieces.append(
                    try await storedOrGenerated(
                        index, of: chain, shot: shot, request: first, source: picked.blob, backend: backend,
                        backendName: backendName, chainKey: key, pieceKey: firstKey))
                keys.append(firstKey)
                videoStarts.append(0)
                continue
            }
            let previous = pieces[index - 1]
            var extending = request
            extending.duration = native.seconds
            extending.seed = Seeds.derived(from: request.seed, purpose: "piece", index: index)
            extending.keyframeHints = []
            // Only the last piece ends on the shot's end still.
            if index + 1 < count { extending.endImage = nil }
            let extensionKey = try StepKey(
                kind: "clip-piece", backend: backendName,
                inputs: ClipExtensionInputs(
                    index: index, count: count, request: extending, extends: keys[index - 1].hex,
                    extendsVideo: previous.blob.hex))
            let handle = try store.job(stepKey: keys[index - 1].hex)?.remoteID
            if let stored = try storedPiece(extensionKey, index: index, of: chain, shot: shot) {
                pieces.append(stored)
                keys.append(extensionKey)
                videoStarts.append(native.returnsWholeVideo ? videoStarts[index - 1] : start - 1)
                continue
            }
            // A piece made from the last frame in an earlier run, after its extension failed.
            let attempted = try store.job(stepKey: extensionKey.hex) != nil
            var fallback: (request: ClipRequest, key: StepKey, source: BlobID)?
            if handle == nil || attempted {
                fallback = try await lastFramePiece(request, chain: chain, index: index, after: previous, backendName)
                if let fallback, let stored = try storedPiece(fallback.key, index: index, of: chain, shot: shot) {
                    pieces.append(stored)
                    keys.append(fallback.key)
                    videoStarts.append(start - 1)
                    continue
                }
            }
            if let handle {
                extending.continuing = handle
                do {
                    pieces.append(
                        try await generatePiece(
                            index, of: chain, shot: shot, request: extending, source: previous.blob, backend: backend,
                            backendName: backendName, chainKey: key, pieceKey: extensionKey))
                    keys.append(extensionKey)
                    videoStarts.append(native.returnsWholeVideo ? videoStarts[index - 1] : start - 1)
                    continue
                } catch let lost as ExtensionSourceLost {
                    progress.emit(
                        .finished(step: "\(shot.id): animate piece \(index + 1)/\(count)", detail: "not extended"))
                    progress.warning(
                        "\(shot.id): \(lost.description); piece \(index + 1)/\(count) starts from the last frame of piece \(index) instead"
                    )
                }
            } else {
                progress.warning(
                    "\(shot.id): no \(backendName) id is journaled for piece \(index)/\(count); piece \(index + 1) starts from its last frame instead"
                )
            }
            let made: (request: ClipRequest, key: StepKey, source: BlobID)
            if let fallback {
                made = fallback
            } else {
                made = try await lastFramePiece(request, chain: chain, index: index, after: previous, backendName)
            }
            pieces.append(
                try await generatePiece(
                    index, of: chain, shot: shot, request: made.request, source: made.source, backend: backend,
                    backendName: backendName, chainKey: key, pieceKey: made.key))
            keys.append(made.key)
            videoStarts.append(start - 1)
        }
        let parts = chain.joinParts(videoStarts: videoStarts)
        return try await joinAndRecord(
            pieces, of: chain, shot: shot, picked: picked, request: request, backendName: backendName, key: key
        ) { joiner, output in
            try await joiner.reencode(
                parts: parts.map { (store.blobs.url(pieces[$0.piece].blob), $0.skip, $0.count) }, fps: request.fps,
                size: VideoSize(width: request.width, height: request.height), frameCount: chain.totalFrames,
                encoder: EncoderSettings.standard.withKeyframes(request.keyframeHints), to: output)
        }
    }

    /// The piece `index` as the last-frame chain makes it: its request, key and the still it starts from.
    private func lastFramePiece(
        _ request: ClipRequest, chain: ClipChainPlan, index: Int, after previous: ClipPiece, _ backendName: String
    ) async throws -> (request: ClipRequest, key: StepKey, source: BlobID) {
        let last = try await FFmpegLocator().locate().lastFrame(of: store.blobs.url(previous.blob))
        let source = try store.blobs.put(try last.encoded(as: .png))
        let piece = pieceRequest(request, chain: chain, index: index, image: source)
        let key = try StepKey(
            kind: "clip-piece", backend: backendName,
            inputs: ClipPieceInputs(index: index, count: chain.pieces.count, request: piece))
        return (piece, key, source)
    }

    /// The stored, intact piece under `key`, said to be kept when it comes from an earlier run.
    private func storedPiece(_ key: StepKey, index: Int, of chain: ClipChainPlan, shot: Shot) throws -> ClipPiece? {
        guard let stored = try store.clipPiece(stepKey: key.hex), try store.blobs.verify(stored.blob) else {
            return nil
        }
        if stored.clipID == nil {
            progress.note("\(shot.id): piece \(index + 1)/\(chain.pieces.count) is kept from an earlier run")
        }
        return stored
    }

    /// The stored piece under `pieceKey`, or a new one.
    private func storedOrGenerated(
        _ index: Int, of chain: ClipChainPlan, shot: Shot, request: ClipRequest, source: BlobID,
        backend: any VideoBackend, backendName: String, chainKey: StepKey, pieceKey: StepKey
    ) async throws -> ClipPiece {
        if let stored = try storedPiece(pieceKey, index: index, of: chain, shot: shot) { return stored }
        return try await generatePiece(
            index, of: chain, shot: shot, request: request, source: source, backend: backend,
            backendName: backendName, chainKey: chainKey, pieceKey: pieceKey)
    }
}
