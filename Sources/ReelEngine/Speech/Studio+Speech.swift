import Foundation
import ReelKit
import ReelMedia
import ReelStore

extension MetaKey {
    /// Where a spoken line's audio is recorded, by the step key of its request.
    static func speech(_ key: StepKey) -> MetaKey { MetaKey(rawValue: "speech.\(key.hex)") }
}

extension Studio {
    /// Lines are placed the same way in the shot for timing, the subtitles and the mix.
    static let dialogTiming = DialogTiming()

    /// Everything spoken in `shot`, in order, each with its speech request and step key.
    public func spokenLines(of shot: Shot) throws -> [SpokenLine] {
        try film.spokenLines(of: shot).map { line in
            let voice = film.voice(of: line.speaker)
            let request = SpeechRequest(text: line.text, voice: voice?.name, speed: voice?.speed, pitch: voice?.pitch)
            let key = try StepKey(kind: "speech", backend: film.backends.speech, inputs: request)
            return SpokenLine(line: line, request: request, key: key)
        }
    }

    /// The stored audio of a line, if it has been spoken and its file is intact. A damaged file
    /// is removed (and said out loud), so the line is spoken again.
    func storedSpeech(_ key: StepKey) throws -> SpeechTake? {
        guard let (take, blob) = Self.speechRecord(try store.meta(.speech(key))),
            FileManager.default.fileExists(atPath: store.blobs.url(blob).path)
        else { return nil }
        guard (try? store.blobs.verify(blob)) == true else {
            progress.warning("a stored spoken line is damaged (its hash no longer matches); speaking it again")
            try? FileManager.default.removeItem(at: store.blobs.url(blob))
            return nil
        }
        return take
    }

    /// A spoken line's record as the store keeps it (JSON under its `speech.KEY` meta value), and its blob.
    static func speechRecord(_ text: String?) -> (take: SpeechTake, blob: BlobID)? {
        guard let text, let take = try? JSONDecoder().decode(SpeechTake.self, from: Data(text.utf8)),
            let blob = try? BlobID(take.blob)
        else { return nil }
        return (take, blob)
    }

    /// The audio of every line of `shot` in order, or `nil` when some line has not been spoken yet.
    public func speech(of shot: Shot) throws -> [SpeechTake]? {
        if let known = speechMemo[shot.id] { return known }
        var takes: [SpeechTake] = []
        for line in try spokenLines(of: shot) {
            guard let take = try storedSpeech(line.key) else { return nil }
            takes.append(take)
        }
        speechMemo[shot.id] = takes
        return takes
    }

    /// Speaks every line of the film that has no stored audio for its text and voice; editing a
    /// prompt or a duration never speaks a line again. Returns how many lines were spoken.
    @discardableResult
    public func ensureSpeech() async throws -> Int {
        var shotIDs: [StepKey: String] = [:]
        let lines = try film.shots.flatMap { shot in
            let lines = try spokenLines(of: shot)
            for line in lines where shotIDs[line.key] == nil { shotIDs[line.key] = shot.id }
            return lines
        }
        var missing: [SpokenLine] = []
        for line in lines where try storedSpeech(line.key) == nil && !missing.contains(where: { $0.key == line.key }) {
            missing.append(line)
        }
        guard !missing.isEmpty else { return 0 }
        let backendName = film.backends.speech
        let backend = try registry.speech(backendName)
        let step = "speech"
        progress.emit(
            .started(
                step: step, detail: "\(missing.count) line\(missing.count == 1 ? "" : "s") on \(backendName)",
                total: missing.count))
        for (index, line) in missing.enumerated() {
            try await speak(line, on: backend, step: step, shotID: shotIDs[line.key])
            progress.emit(.advanced(step: step, done: index + 1, total: missing.count))
        }
        progress.emit(.finished(step: step, detail: "\(missing.count) spoken"))
        return missing.count
    }

    /// Speaks the line of `shot` stored under `key`, unless its audio is stored and intact.
    func speak(_ key: StepKey, of shot: Shot) async throws {
        guard let line = try spokenLines(of: shot).first(where: { $0.key == key }) else {
            throw ReelError(.internal, "shot '\(shot.id)' has no line with key \(key.short)")
        }
        guard try storedSpeech(key) == nil else { return }
        let step = "\(shot.id): speak"
        progress.emit(.started(step: step, detail: "a line on \(film.backends.speech)", total: 1))
        try await speak(line, on: try registry.speech(film.backends.speech), step: step, shotID: shot.id)
        progress.emit(.finished(step: step, detail: "spoken"))
    }

    /// Speaks one line into the store, under its key; a paid voice's line is reserved against
    /// `--budget` first, and what it cost goes in the ledger, charged to `shotID`.
    private func speak(_ line: SpokenLine, on backend: any SpeechBackend, step: String, shotID: String?) async throws {
        try (backend as? any SetupChecked)?.checkSetup()
        try checkBudget(adding: backend.capabilities.pricePerLineUSD, backend: backend.name)
        try await withScratchDirectory { scratch in
            let output = scratch.appending(path: "line.wav")
            let spoken = try await backend.speak(
                line.request, to: output, context: context(scratch: scratch, step: step))
            let blob = try store.blobs.put(fileAt: output)
            let take = SpeechTake(blob: blob.hex, duration: spoken.duration)
            try store.setMeta(String(decoding: try JSONEncoder().encode(take), as: UTF8.self), for: .speech(line.key))
            if spoken.costUSD > 0 { try store.recordCost(usd: spoken.costUSD, backend: backend.name, shotID: shotID) }
        }
    }

    /// Seconds the clip of `shot` must last to hold its lines between its edit points (the
    /// parts of crossfades on either side do not count); 0 without lines or before they are
    /// spoken.
    func secondsNeeded(by shot: Shot) throws -> Double {
        guard let takes = try speech(of: shot), !takes.isEmpty else { return 0 }
        let index = film.shots.firstIndex { $0.id == shot.id } ?? 0
        let incoming = index > 0 ? film.shots[index - 1].transition.overlap : 0
        let outgoing = index < film.shots.count - 1 ? shot.transition.overlap : 0
        let frame = 1 / Double(max(1, film.fps))
        return Self.dialogTiming.seconds(toHold: takes.map { Double(Self.frames($0.duration, fps: film.fps)) * frame })
            + (incoming + outgoing) / 2 + frame
    }

    /// How long a shot lasts in the film: its `duration`, made longer to hold its spoken lines
    /// when its `dialog_fit` is `extend`. Clip keys, keyframe hints, the cut, subtitles, exports
    /// and status all use this.
    public func effectiveDuration(of shot: Shot) throws -> Double {
        guard (shot.dialogFit ?? film.dialogFit) == .extend else { return shot.duration }
        let needed = try secondsNeeded(by: shot)
        guard needed > shot.duration + 1e-9 else { return shot.duration }
        return Double(Self.frames(needed, fps: film.fps)) / Double(max(1, film.fps))
    }

    /// Seconds of the whole film with every shot at its effective duration: cards and shots
    /// less the crossfade overlaps.
    public func plannedDuration() throws -> Double {
        let shots = try film.shots.reduce(0) { $0 + (try effectiveDuration(of: $1)) }
        let overlaps = film.shots.dropLast().reduce(0) { $0 + $1.transition.overlap }
        return shots - overlaps + (film.titleCard?.duration ?? 0) + (film.endCard?.duration ?? 0)
    }

    /// Shots whose lines outlast them and that keep their length (`dialog_fit: report`), with
    /// how many seconds the lines run over.
    public func overlongShots() throws -> [(shot: String, overrun: Double)] {
        try film.shots.compactMap { shot in
            guard (shot.dialogFit ?? film.dialogFit) == .report else { return nil }
            let overrun = try secondsNeeded(by: shot) - shot.duration
            return overrun > 1 / Double(max(1, film.fps)) ? (shot.id, overrun) : nil
        }
    }

    /// Warns about every shot in ``overlongShots()``, naming it and the overrun.
    func reportOverlongShots() throws {
        for (shot, overrun) in try overlongShots() {
            progress.warning(
                "the lines of shot '\(shot)' need \(String(format: "%.2f", overrun))s more than its duration; they "
                    + "run on over the next shot (set 'dialog_fit: extend' to lengthen it, or shorten the lines)")
        }
    }

    /// Whole film frames that `seconds` of audio cover, rounded up.
    static func frames(_ seconds: Double, fps: Int) -> Int { Int((seconds * Double(fps) - 1e-6).rounded(.up)) }
}
