import Foundation
import ReelKit
import ReelMedia
import ReelStore

extension Studio {
    /// The output frame size of the film: `resolution` high, width from the aspect, both even.
    public var outputSize: (width: Int, height: Int) {
        let height = film.resolution / 2 * 2
        let width = Int((Double(height) * film.aspect.ratio / 2).rounded()) * 2
        return (max(2, width), max(2, height))
    }

    /// The camera move a shot gets when it names none: slow pushes into wide shots, close-ups
    /// and details, a drift for the middle distances, for two-shots and over-the-shoulder
    /// shots, for a point of view (a gaze wanders) and for the eyes of an extreme close-up.
    public static func defaultCamera(for framing: Framing?) -> CameraMove {
        switch framing {
        case .extremeLongShot?, .longShot?, .closeUp?, .insert?: .pushIn
        case .fullShot?, .mediumLongShot?, .mediumShot?, .mediumCloseUp?, .extremeCloseUp?: .drift
        case .twoShot?, .overTheShoulder?, .pointOfView?: .drift
        case nil: .drift
        }
    }

    /// The clip request for a shot's picked candidate.
    public func clipRequest(for shot: Shot, picked candidate: Candidate) throws -> ClipRequest {
        let camera = shot.camera ?? Self.defaultCamera(for: shot.framing)
        let size = outputSize
        let index = film.shots.firstIndex { $0.id == shot.id } ?? 0
        var request = ClipRequest(
            image: .blob(candidate.blob.hex),
            motion: shot.motion ?? camera.rawValue.replacingOccurrences(of: "-", with: " "),
            camera: camera, duration: try effectiveDuration(of: shot), fps: film.fps, width: size.width,
            height: size.height,
            seed: UInt32(truncatingIfNeeded: candidate.seed), keyframeHints: try keyframeHints(forShotAt: index))
        request.endImage = try endImage(of: shot)
        return request
    }

    /// The shot's clip for its current pick, animated now unless an identical one is stored.
    /// A stored clip whose bytes no longer match their hash is reported and made again. A shot
    /// longer than its backend makes in one generation is built as a chain (see `makeChain`).
    public func ensureClip(for shot: Shot) async throws -> (clip: Clip, reused: Bool) {
        guard let picked = try store.pickedCandidate(for: shot.id) else {
            throw ReelError(
                .invalidInput, "shot '\(shot.id)' has no pick", suggesting: [.pick(shot: shot.id), .make])
        }
        let request = try clipRequest(for: shot, picked: picked)
        let backendName = shot.videoBackend ?? film.backends.video
        let backend = try registry.video(backendName)
        let key = try clipKey(for: shot, picked: picked)
        if let existing = try store.clip(stepKey: key.hex) {
            if try store.blobs.verify(existing.blob) { return (existing, true) }
            progress.warning(
                "the stored clip of shot '\(shot.id)' is damaged (its hash no longer matches); animating it again")
            try? FileManager.default.removeItem(at: store.blobs.url(existing.blob))
        }
        try ensureIntact(picked, of: shot)
        for note in clipNotes(for: shot, on: backend) ?? [] { progress.warning("shot '\(shot.id)': \(note)") }
        let chain = chainPlan(for: request, on: backend.capabilities)
        if chain.isChain {
            let clip = try await makeChain(
                chain, shot: shot, picked: picked, request: request, backend: backend, backendName: backendName,
                key: key)
            return (clip, false)
        }
        let step = "\(shot.id): animate"
        progress.emit(
            .started(
                step: step, detail: "\(request.camera.rawValue), \(request.duration)s on \(backendName)", total: 100))
        let (generated, blob) = try await animateIntoStore(request, on: backend, step: step, key: key, shotID: shot.id)
        let clip = try store.recordClip(
            Clip.Draft(
                shotID: shot.id, stepKey: key.hex, sourceBlob: picked.blob, blob: blob, backend: backendName,
                requestJSON: try CanonicalEncoding.string(request), durationSeconds: generated.duration,
                fps: Double(request.fps), width: request.width, height: request.height, costUSD: generated.costUSD))
        try finishJob(key: key, result: "{\"clip\":\(clip.id)}")
        progress.emit(.finished(step: step, detail: "clip of \(String(format: "%.2f", generated.duration))s"))
        return (clip, false)
    }

    /// The key of the clip a shot's picked candidate animates into. A chained clip's key holds the
    /// chain's plan too, so a backend that makes longer clips (or a changed `max_clip_seconds`)
    /// makes the shot again; a clip made in one generation keys on its request alone.
    func clipKey(for shot: Shot, picked: Candidate) throws -> StepKey {
        // The end still is named too: a new pick of the end shot makes a new key.
        var end = ""
        if case .blob(let hex)? = try endImage(of: shot) { end = " ending on \(hex)" }
        return try timelineMemo.clipKey("\(shot.id) \(picked.blob.hex) \(picked.seed)\(end)") {
            try makeClipKey(for: shot, picked: picked)
        }
    }

    private func makeClipKey(for shot: Shot, picked: Candidate) throws -> StepKey {
        let backendName = shot.videoBackend ?? film.backends.video
        let request = try clipRequest(for: shot, picked: picked)
        if let backend = try? registry.video(backendName) {
            let chain = chainPlan(for: request, on: backend.capabilities)
            if chain.isChain {
                return try StepKey(kind: "clip", backend: backendName, inputs: ChainedClipInputs(request, chain))
            }
        }
        return try StepKey(kind: "clip", backend: backendName, inputs: request)
    }

    /// `reel animate`: clips for the given shots (all when empty) that have picks.
    public func animate(shotIDs: [String] = []) async throws -> [(shot: String, reused: Bool)] {
        let shots = try shotIDs.isEmpty ? film.shots : shotIDs.map { try shot($0) }
        try await ensureSpeech()
        var results: [(String, Bool)] = []
        for shot in shots {
            if shotIDs.isEmpty, try store.pick(for: shot.id) == nil {
                progress.warning("shot '\(shot.id)' has no pick yet; skipped")
                continue
            }
            results.append((shot.id, try await ensureClip(for: shot).reused))
        }
        return results
    }

    /// Refuses to use a pick whose image is damaged; making the film regenerates it.
    func ensureIntact(_ picked: Candidate, of shot: Shot) throws {
        guard try !store.blobs.verify(picked.blob) else { return }
        throw ReelError(
            .invalidInput,
            "the picked image of shot '\(shot.id)' is damaged (its hash no longer matches) and must be made again",
            suggesting: [.make])
    }

    /// Runs `backend` on `request` in a scratch folder, under the job journal (keyed by the clip's
    /// or piece's step key), and stores the clip it writes.
    func animateIntoStore(
        _ request: ClipRequest, on backend: any VideoBackend, step: String, key: StepKey, shotID: String
    ) async throws -> (GeneratedClip, BlobID) {
        try await withScratchDirectory { scratch in
            let output = scratch.appending(path: "clip.mp4")
            let generated = try await journaledClip(
                key: key, shotID: shotID, backend: backend, request: request, output: output,
                context: context(scratch: scratch, step: step))
            return (generated, try store.blobs.put(fileAt: output))
        }
    }
}
