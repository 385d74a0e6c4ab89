import Foundation
import ReelKit
import ReelMedia
import ReelStore

extension Studio {
    /// Whether `shot`'s clip is re-rendered to its dialog: the film names a lip-sync backend,
    /// the shot (or the film) asks for it, and someone on screen speaks (narration is a voice
    /// over the picture, so it alone does not count).
    public func lipSyncs(_ shot: Shot) -> Bool {
        film.backends.lipsync != nil && (shot.lipsync ?? film.lipsync)
            && shot.dialog.contains { $0.speaker != "narrator" }
    }

    /// A shot's lip-sync, worked out from its raw clip and the film's timeline: the clip, the
    /// lines of its track with the clip time each starts at (the track itself is mixed only when
    /// the step runs), and the step key.
    struct LipSyncWork {
        var raw: Clip
        var lines: [(blob: BlobID, start: Double)]
        var key: StepKey
    }

    /// The lip-sync of `shot` over its current raw clip, whose lines are placed as the film's
    /// timeline places them (the cues the subtitles and the mix use), in the clip's own time.
    func lipSyncWork(for shot: Shot, raw: Clip, timeline: EditTimeline) throws -> LipSyncWork {
        guard let name = film.backends.lipsync else {
            throw ReelError(.internal, "shot '\(shot.id)' is lip-synced without a lip-sync backend")
        }
        guard let entry = timeline.entries.first(where: { $0.name == shot.id }),
            let takes = try speech(of: shot)
        else {
            throw ReelError(
                .invalidInput, "the lines of shot '\(shot.id)' have not been spoken yet", suggesting: [.make])
        }
        let cues = timeline.cues.filter { $0.shot == shot.id }
        let spoken = film.spokenLines(of: shot)
        guard cues.count == takes.count, spoken.count == takes.count else {
            throw ReelError(.internal, "shot '\(shot.id)' has \(takes.count) spoken lines but \(cues.count) cues")
        }
        var lines: [(blob: BlobID, start: Double)] = []
        for ((line, take), cue) in zip(zip(spoken, takes), cues) where line.speaker != "narrator" {
            lines.append((try BlobID(take.blob), Double(cue.start - entry.start) / Double(max(1, film.fps))))
        }
        struct Inputs: Encodable {
            var clip: String
            var lines: [[String]]
            var duration: Double
            var fps: Int
            var model: String
        }
        let model = (try? registry.lipSync(name))?.capabilities.model ?? name
        let key = try StepKey(
            kind: "lipsync", backend: name,
            inputs: Inputs(
                clip: raw.blob.hex, lines: lines.map { [$0.blob.hex, String(format: "%.4f", $0.start)] },
                duration: raw.durationSeconds, fps: film.fps, model: model))
        return LipSyncWork(raw: raw, lines: lines, key: key)
    }

    /// The lip-synced clip of `shot` recorded for its current raw clip and lines, if any.
    func lipSyncedClip(for shot: Shot, raw: Clip, timeline: EditTimeline, records: StoreSnapshot) throws -> Clip? {
        records.clip(stepKey: try lipSyncWork(for: shot, raw: raw, timeline: timeline).key.hex)
    }

    /// The shot's clip re-rendered to its lines by the lip-sync backend, unless an identical one
    /// is stored: the lines are mixed into one track as long as the clip (silence between
    /// them), and the job runs under the journal like a clip, paid once.
    public func ensureLipSync(for shot: Shot) async throws -> (clip: Clip, reused: Bool) {
        let records = try store.snapshot()
        guard let picked = records.pickedCandidate(for: shot.id),
            let raw = records.clip(stepKey: try clipKey(for: shot, picked: picked).hex)
        else {
            throw ReelError(
                .invalidInput, "shot '\(shot.id)' has no clip to lip-sync yet", suggesting: [.make])
        }
        let work = try lipSyncWork(for: shot, raw: raw, timeline: try editTimeline(copyingClipsInto: nil))
        if let existing = records.clip(stepKey: work.key.hex) {
            if try store.blobs.verify(existing.blob) { return (existing, true) }
            progress.warning("the stored lip-synced clip of shot '\(shot.id)' is damaged; syncing it again")
            try? FileManager.default.removeItem(at: store.blobs.url(existing.blob))
        }
        guard let name = film.backends.lipsync else { throw ReelError(.internal, "no lip-sync backend") }
        let backend = try registry.lipSync(name)
        let step = "\(shot.id): lip-sync"
        progress.emit(.started(step: step, detail: "\(work.lines.count) line(s) on \(name)", total: 100))
        let (generated, blob, request) = try await withScratchDirectory { scratch in
            let track = scratch.appending(path: "lines.m4a")
            let mix = AudioMix(
                speech: work.lines.map { PlacedSpeech(file: store.blobs.url($0.blob), start: $0.start) },
                duration: raw.durationSeconds)
            try await AudioMixer(ffmpeg: try FFmpegLocator().locate()).render(mix, to: track, scratch: scratch)
            let request = LipSyncRequest(
                video: raw.blob.hex, audio: try store.blobs.put(fileAt: track).hex, duration: raw.durationSeconds,
                fps: film.fps)
            let output = scratch.appending(path: "synced.mp4")
            let generated = try await journaledLipSync(
                key: work.key, shotID: shot.id, backend: backend, request: request, output: output,
                context: context(scratch: scratch, step: step))
            return (generated, try store.blobs.put(fileAt: output), request)
        }
        // The cut trims every clip to its recorded length: the synced clip keeps the raw one's.
        let clip = try store.recordClip(
            Clip.Draft(
                shotID: shot.id, stepKey: work.key.hex, sourceBlob: raw.blob, blob: blob, backend: name,
                requestJSON: try CanonicalEncoding.string(request), durationSeconds: raw.durationSeconds,
                fps: raw.fps, width: raw.width, height: raw.height, costUSD: generated.costUSD))
        try finishJob(key: work.key, result: "{\"clip\":\(clip.id)}")
        progress.emit(.finished(step: step, detail: "lips follow \(work.lines.count) line(s)"))
        return (clip, false)
    }

    /// One lip-sync job under the journal, reserved against `--budget` first and re-attached
    /// after a crash, as clips are.
    private func journaledLipSync(
        key: StepKey, shotID: String, backend: any LipSyncBackend, request: LipSyncRequest, output: URL,
        context: GenerationContext
    ) async throws -> GeneratedClip {
        try (backend as? any SetupChecked)?.checkSetup()
        var job = try store.enqueueJob(stepKey: key.hex, kind: "lipsync", shotID: shotID, backend: backend.name)
        try checkBudget(adding: backend.capabilities.estimatedCostUSD(seconds: request.duration), backend: backend.name)
        let context = journaling(context, into: job.id)
        return try await whileJournaled(job.id) {
            try await reattachOrSubmit(
                backend.name, job: &job,
                calls: RemoteJobCalls(
                    submit: { _ in try await backend.submit(request, context: context) },
                    collect: { try await backend.collect(jobID: $0, request: request, to: output, context: context) },
                    cancel: { await backend.cancel(jobID: $0) }))
        }
    }
}
