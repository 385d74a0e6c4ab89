import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What a chained clip's step key is made of: the shot's clip request and how it is split.
struct ChainedClipInputs: Encodable {
    var request: ClipRequest
    var chain: ClipChainPlan

    init(_ request: ClipRequest, _ chain: ClipChainPlan) {
        self.request = request
        self.chain = chain
    }
}

/// What one piece's step key is made of: its place in the chain and its own request, which names
/// the image it starts from, so a piece is reused only while everything before it is unchanged.
struct ClipPieceInputs: Encodable {
    var index: Int
    var count: Int
    var request: ClipRequest
}

extension Studio {
    /// How a request is split on a backend: one piece when it fits in one generation; otherwise
    /// segments of one continuous move (backends that render any range of a move), or pieces that
    /// each start from the previous piece's last frame.
    /// A backend that extends its own generations (``VideoCapabilities/nativeExtension``) makes a
    /// long shot as one generation and extensions of it.
    func chainPlan(for request: ClipRequest, on capabilities: VideoCapabilities) -> ClipChainPlan {
        chainPlan(for: request.duration, fps: request.fps, on: capabilities)
    }

    /// How a shot of `seconds` at `fps` is split on a backend.
    func chainPlan(for seconds: Double, fps: Int, on capabilities: VideoCapabilities) -> ClipChainPlan {
        if let native = capabilities.nativeExtension, !capabilities.continuousSegments {
            return ClipChainPlan(
                duration: seconds, fps: fps, firstPieceSeconds: capabilities.durations,
                maxClipSeconds: capabilities.maxClipSeconds, extending: native)
        }
        return ClipChainPlan(
            duration: seconds, fps: fps, maxClipSeconds: capabilities.maxClipSeconds,
            overlap: !capabilities.continuousSegments)
    }

    /// The request of piece `index`, starting from `image`.
    ///
    /// A continuous piece keeps the whole shot's request (same still, same move over the same
    /// duration and seed) and names its frames; its keyframes are the shot's that fall inside it.
    /// A chained piece asks for its frames plus the repeated first one, with a seed of its own; its
    /// keyframe hints are left out, as remote backends ignore them and the join re-encodes anyway.
    /// Only the last chained piece keeps the shot's end still; a continuous piece keeps it as it
    /// keeps the whole move, and renders the part of the ending that falls in its frames.
    func pieceRequest(_ request: ClipRequest, chain: ClipChainPlan, index: Int, image: BlobID) -> ClipRequest {
        var piece = request
        piece.image = .blob(image.hex)
        if chain.overlap {
            // Only the last piece ends on the end still; the others end where their motion leads.
            if index + 1 < chain.pieces.count { piece.endImage = nil }
            piece.duration = Double(chain.requestedFrames(ofPiece: index)) / Double(max(1, request.fps))
            piece.seed = index == 0 ? request.seed : Seeds.derived(from: request.seed, purpose: "piece", index: index)
            piece.keyframeHints = []
        } else {
            piece.segment = chain.pieces[index]
            piece.keyframeHints = chain.keyframeHints(request.keyframeHints, ofPiece: index)
        }
        return piece
    }

    /// Builds a long shot as a chain: each piece is looked up by its step key and generated only when
    /// missing (so a run killed mid-chain resumes where it stopped and pays for no piece twice), then
    /// the pieces are joined into one clip of exactly the shot's frames and recorded with them.
    func makeChain(
        _ chain: ClipChainPlan, shot: Shot, picked: Candidate, request: ClipRequest, backend: any VideoBackend,
        backendName: String, key: StepKey
    ) async throws -> Clip {
        if chain.nativeExtension != nil {
            return try await makeExtendedChain(
                chain, shot: shot, picked: picked, request: request, backend: backend, backendName: backendName,
                key: key)
        }
        let ffmpeg = try FFmpegLocator().locate()
        var pieces: [ClipPiece] = []
        var source = picked.blob
        for index in chain.pieces.indices {
            let pieceRequest = pieceRequest(request, chain: chain, index: index, image: source)
            let pieceKey = try StepKey(
                kind: "clip-piece", backend: backendName,
                inputs: ClipPieceInputs(index: index, count: chain.pieces.count, request: pieceRequest))
            if let stored = try store.clipPiece(stepKey: pieceKey.hex), try store.blobs.verify(stored.blob) {
                if stored.clipID == nil {
                    progress.note("\(shot.id): piece \(index + 1)/\(chain.pieces.count) is kept from an earlier run")
                }
                pieces.append(stored)
            } else {
                pieces.append(
                    try await generatePiece(
                        index, of: chain, shot: shot, request: pieceRequest, source: source, backend: backend,
                        backendName: backendName, chainKey: key, pieceKey: pieceKey))
            }
            if chain.overlap, index + 1 < chain.pieces.count {
                // The next piece starts where this one ends.
                let last = try await ffmpeg.lastFrame(of: store.blobs.url(pieces[index].blob))
                source = try store.blobs.put(try last.encoded(as: .png))
            }
        }
        return try await joinAndRecord(
            pieces, of: chain, shot: shot, picked: picked, request: request, backendName: backendName, key: key
        ) { joiner, output in
            if chain.overlap {
                try await joiner.reencode(
                    pieces.map { store.blobs.url($0.blob) }, overlap: true, fps: request.fps,
                    size: VideoSize(width: request.width, height: request.height), frameCount: chain.totalFrames,
                    encoder: EncoderSettings.standard.withKeyframes(request.keyframeHints), to: output)
            } else {
                try await joiner.concatenate(
                    pieces.map { (store.blobs.url($0.blob), $0.frameCount) }, fps: request.fps, to: output)
            }
        }
    }

    /// Joins a chain's pieces into the shot's clip with `join` (given a joiner and the file to
    /// write) and records the clip with its pieces.
    func joinAndRecord(
        _ pieces: [ClipPiece], of chain: ClipChainPlan, shot: Shot, picked: Candidate, request: ClipRequest,
        backendName: String, key: StepKey, join: (ClipJoiner, URL) async throws -> Void
    ) async throws -> Clip {
        let ffmpeg = try FFmpegLocator().locate()
        let step = "\(shot.id): join \(chain.pieces.count) pieces"
        progress.emit(.started(step: step, detail: "\(chain.totalFrames) frames", total: 1))
        let blob = try await withScratchDirectory { scratch in
            let output = scratch.appending(path: "clip.mp4")
            try await join(ClipJoiner(ffmpeg: ffmpeg), output)
            return try store.blobs.put(fileAt: output)
        }
        let duration = Double(chain.totalFrames) / Double(request.fps)
        let clip = try store.recordChainedClip(
            Clip.Draft(
                shotID: shot.id, stepKey: key.hex, sourceBlob: picked.blob, blob: blob, backend: backendName,
                requestJSON: try CanonicalEncoding.string(request), durationSeconds: duration,
                fps: Double(request.fps), width: request.width, height: request.height),
            pieces: pieces)
        progress.emit(
            .finished(
                step: step,
                detail: "clip of \(String(format: "%.2f", duration))s from \(chain.pieces.count) pieces"))
        return clip
    }

    /// Generates and records one piece of a chain.
    func generatePiece(
        _ index: Int, of chain: ClipChainPlan, shot: Shot, request: ClipRequest, source: BlobID,
        backend: any VideoBackend, backendName: String, chainKey: StepKey, pieceKey: StepKey
    ) async throws -> ClipPiece {
        let count = chain.pieces.count
        let step = "\(shot.id): animate piece \(index + 1)/\(count)"
        let segment = chain.pieces[index]
        progress.emit(
            .started(
                step: step,
                detail: "frames \(segment.startFrame)–\(segment.startFrame + segment.frameCount - 1) on \(backendName)"
                    + (request.continuing == nil ? "" : ", extending piece \(index)"),
                total: 100))
        let (generated, blob) = try await animateIntoStore(
            request, on: backend, step: step, key: pieceKey, shotID: shot.id)
        let piece = try store.recordClipPiece(
            ClipPiece.Draft(
                shotID: shot.id, chainKey: chainKey.hex, stepKey: pieceKey.hex, pieceIndex: index, pieceCount: count,
                startFrame: segment.startFrame, frameCount: segment.frameCount, sourceBlob: source, blob: blob,
                backend: backendName, requestJSON: try CanonicalEncoding.string(request),
                durationSeconds: generated.duration, costUSD: generated.costUSD))
        try finishJob(key: pieceKey, result: "{\"clipPiece\":\(piece.id)}")
        progress.emit(.finished(step: step, detail: "piece of \(String(format: "%.2f", generated.duration))s"))
        return piece
    }
}
