import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel cut` made.
public struct CutOutput: Sendable {
    public var film: URL
    /// Length in seconds: cards + shots − crossfade overlaps, counted in whole frames.
    public var duration: Double
    public var reused: Bool
}

extension Studio {
    /// `out/film.mp4`: every shot's clip in order with its transition into the next, between
    /// the optional title and end cards, with the film's sound (speech, music, normalised; a
    /// silent stereo track when it has neither), and `out/film.srt`/`.vtt` when the film has
    /// dialog. The picture is cut once per change to it; the sound alone re-mixes.
    /// Fails, naming them, when shots have no clip.
    public func cut() async throws -> CutOutput {
        let filmURL = project.outputDirectory.appending(path: "film.mp4")
        try await ensureSpeech()
        let inputs = try cutInputs(try store.snapshot())
        if !inputs.missing.isEmpty {
            throw ReelError(
                .invalidInput,
                "shots without a clip for their current pick: \(inputs.missing.joined(separator: ", "))",
                suggesting: [.make])
        }
        try reportOverlongShots()
        let sound = try soundtrack(frames: inputs.frames)
        let (clips, duration, videoKey, burned) = (inputs.clips, inputs.duration, inputs.videoKey, inputs.burned)
        let durations = clips.map(\.clip.durationSeconds)
        let key = try StepKey(kind: "film", backend: "reel", inputs: FilmInputs(video: videoKey.hex, sound: sound.key))
        if try store.meta(.cut) == key.hex, FileManager.default.fileExists(atPath: filmURL.path) {
            try writeSubtitles()
            return CutOutput(film: filmURL, duration: duration, reused: true)
        }
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        let ffmpeg = try FFmpegLocator().locate()
        let plan = try cutPlan(clipURLs: clips.map { store.blobs.url($0.clip.blob) }, durations: durations)
        let video = try await videoOnlyCut(
            key: videoKey, clips: clips, plan: plan, burned: burned, ffmpeg: ffmpeg)
        let step = "sound"
        progress.emit(.started(step: step, detail: sound.summary, total: 1))
        let audio = try await mixedSound(sound, duration: duration, ffmpeg: ffmpeg)
        try await AudioMixer(ffmpeg: ffmpeg).mux(
            video: store.blobs.url(video), audio: store.blobs.url(audio), duration: duration, to: filmURL)
        try store.setMeta(key.hex, for: .cut)
        try writeSubtitles()
        progress.emit(
            .finished(step: step, detail: "\(project.displayPath(filmURL)), \(String(format: "%.2f", duration))s"))
        return CutOutput(film: filmURL, duration: duration, reused: false)
    }

    /// The film's sound, mixed and encoded, kept in the store under its own key: a change to
    /// the picture alone muxes the same sound again instead of mixing ten minutes of it anew.
    private func mixedSound(_ sound: Soundtrack, duration: Double, ffmpeg: FFmpeg) async throws -> BlobID {
        if let recorded = try store.meta(.cutSound), recorded.hasPrefix(sound.key + " "),
            let blob = try? BlobID(String(recorded.dropFirst(sound.key.count + 1))), try store.blobs.verify(blob)
        {
            return blob
        }
        return try await withScratchDirectory { scratch in
            let mix = AudioMix(
                speech: sound.speech.map { PlacedSpeech(file: store.blobs.url($0.blob), start: $0.start) },
                music: sound.music, duration: duration)
            let output = scratch.appending(path: "sound.m4a")
            try await AudioMixer(ffmpeg: ffmpeg).render(mix, to: output, scratch: scratch)
            let blob = try store.blobs.put(fileAt: output)
            try store.setMeta("\(sound.key) \(blob.hex)", for: .cutSound)
            return blob
        }
    }

    struct FilmInputs: Encodable {
        var video: String
        var sound: String
    }

    /// What the picture is cut from: each shot's clip for its current pick (shots without one
    /// are `missing`), the film's length, and the key of the picture without sound.
    struct CutInputs {
        var clips: [(shot: Shot, clip: Clip)]
        var missing: [String]
        var frames: Int
        var duration: Double
        var videoKey: StepKey
        var burned: [BurnedCue]?
    }

    /// The clips the cut joins (as `records` has them), the shots still without one, and the keys.
    func cutInputs(_ records: StoreSnapshot) throws -> CutInputs {
        var clips: [(shot: Shot, clip: Clip)] = []
        var missing: [String] = []
        var timeline: EditTimeline?
        for shot in film.shots {
            // A clip whose end shot has no pick yet has no key, and so no clip.
            guard let picked = records.pickedCandidate(for: shot.id),
                let raw = try clipKeyIfEndKnown(for: shot, picked: picked).flatMap({ records.clip(stepKey: $0.hex) })
            else {
                missing.append(shot.id)
                continue
            }
            guard lipSyncs(shot) else {
                clips.append((shot, raw))
                continue
            }
            // Lip-synced shots are cut from their synced clip, which exists once every clip does.
            if timeline == nil { timeline = try? editTimeline(copyingClipsInto: nil) }
            guard let timeline,
                let synced = try? lipSyncedClip(for: shot, raw: raw, timeline: timeline, records: records)
            else {
                missing.append(shot.id)
                continue
            }
            clips.append((shot, synced))
        }
        struct PictureInputs: Encodable {
            var clips: [String]
            var durations: [Double]
            var transitions: [Transition]
            var title: Card?
            var end: Card?
            var fps: Int
            var width: Int
            var height: Int
            /// Only with `subtitles: burn`, so other films keep their keys.
            var subtitles: [BurnedCue]?
        }
        let size = outputSize
        let burned = missing.isEmpty ? try burnedCues() : nil
        let videoKey = try StepKey(
            kind: "cut", backend: "reel",
            inputs: PictureInputs(
                clips: clips.map(\.clip.blob.hex), durations: clips.map(\.clip.durationSeconds),
                transitions: clips.map(\.shot.transition), title: film.titleCard, end: film.endCard, fps: film.fps,
                width: size.width, height: size.height, subtitles: burned))
        // The length needs no drawn title cards: a check that finds nothing changed draws none.
        let durations = clips.map(\.clip.durationSeconds)
        let frames =
            missing.isEmpty
            ? try cutPlanSkeleton(durations: durations, placeholder: URL(filePath: "/dev/null")).timeline().frameCount
            : 0
        return CutInputs(
            clips: clips, missing: missing, frames: frames, duration: Double(frames) / Double(film.fps),
            videoKey: videoKey, burned: burned)
    }

    /// The picture without sound, kept in the store under its own key, so a change to the sound
    /// re-mixes without cutting (or re-encoding) the picture again.
    private func videoOnlyCut(
        key: StepKey, clips: [(shot: Shot, clip: Clip)], plan: CutPlan, burned: [BurnedCue]?, ffmpeg: FFmpeg
    ) async throws -> BlobID {
        if let recorded = try store.meta(.cutVideo), recorded.hasPrefix(key.hex + " "),
            let blob = try? BlobID(String(recorded.dropFirst(key.hex.count + 1))), try store.blobs.verify(blob)
        {
            return blob
        }
        for (shot, clip) in clips where try !store.blobs.verify(clip.blob) {
            throw ReelError(
                .invalidInput,
                "the clip of shot '\(shot.id)' is damaged (its hash no longer matches) and must be animated again",
                suggesting: [.make])
        }
        let step = "cut"
        progress.emit(.started(step: step, detail: "\(clips.count) clips", total: 100))
        let progress = progress
        return try await withScratchDirectory { scratch in
            let output = scratch.appending(path: "picture.mp4")
            let cutter = Cutter(
                ffmpeg: ffmpeg, runCache: CutRunCache(directory: project.storeDirectory.appending(path: "cut-runs")),
                fastStart: false)
            let report = try await cutter.cut(plan, to: output) { fraction in
                progress.emit(.advanced(step: step, done: Int(fraction * 100), total: 100))
            }
            if let burned { try await burn(burned, into: output, encoder: plan.encoder) }
            let blob = try store.blobs.put(fileAt: output)
            try store.setMeta("\(key.hex) \(blob.hex)", for: .cutVideo)
            progress.emit(
                .finished(
                    step: step,
                    detail: "\(String(format: "%.2f", report.duration))s "
                        + "(\(report.copiedFrames) frames copied, \(report.reusedFrames) kept from the last cut, "
                        + "\(report.encodedFrames) encoded)"))
            return blob
        }
    }

    /// The film's timeline with the given clip files (in shot order). With placeholder files it
    /// still answers where each clip needs keyframes.
    func cutPlan(clipURLs: [URL], durations: [Double]) throws -> CutPlan {
        let size = outputSize
        func card(_ card: Card?, transition: CutTransition) throws -> CutPlan.Card? {
            guard let card else { return nil }
            let image = try TitleCard(title: card.text, subtitle: card.subtitle, width: size.width, height: size.height)
                .render()
            return CutPlan.Card(image: image, duration: card.duration, transition: transition)
        }
        return CutPlan(
            fps: film.fps, size: VideoSize(width: size.width, height: size.height),
            title: try card(film.titleCard, transition: .fade(seconds: 1)),
            clips: zip(film.shots, zip(clipURLs, durations)).map { shot, clip in
                CutPlan.Clip(url: clip.0, duration: clip.1, transition: Self.cutTransition(shot.transition))
            },
            endCard: try card(film.endCard, transition: .cut))
    }

    /// Frames where shot `index`'s clip should start a closed GOP, so the cut copies it.
    func keyframeHints(forShotAt index: Int) throws -> [Int] {
        let placeholder = URL(filePath: "/dev/null")
        let durations = try shotDurations()
        let timeline = timelineMemo.timeline(for: durations) {
            try? cutPlanSkeleton(durations: durations, placeholder: placeholder).timeline()
        }
        return timeline?.keyframes(forEntry: index + (film.titleCard == nil ? 0 : 1)) ?? []
    }

    /// Every shot's effective duration, in film order.
    func shotDurations() throws -> [Double] {
        try timelineMemo.durations {
            let durations = try film.shots.map { try effectiveDuration(of: $0) }
            // Only a shot that extends to hold its lines can change length, and it no longer can
            // once all its lines are stored (the speech memo holds them).
            let settled = film.shots.allSatisfy {
                ($0.dialogFit ?? film.dialogFit) != .extend || speechMemo[$0.id] != nil
            }
            return (durations, settled)
        }
    }

    func cutPlanSkeleton(durations: [Double], placeholder: URL) throws -> CutPlan {
        let size = outputSize
        let blank = RGBAImage(width: 2, height: 2)
        func card(_ card: Card?, transition: CutTransition) -> CutPlan.Card? {
            card.map { CutPlan.Card(image: blank, duration: $0.duration, transition: transition) }
        }
        return CutPlan(
            fps: film.fps, size: VideoSize(width: size.width, height: size.height),
            title: card(film.titleCard, transition: .fade(seconds: 1)),
            clips: zip(film.shots, durations).map { shot, duration in
                CutPlan.Clip(url: placeholder, duration: duration, transition: Self.cutTransition(shot.transition))
            },
            endCard: card(film.endCard, transition: .cut))
    }

    static func cutTransition(_ transition: Transition) -> CutTransition {
        switch transition.kind {
        case .cut: .cut
        case .crossfade: .crossfade(seconds: transition.duration)
        case .fade: .fade(seconds: transition.duration)
        }
    }
}
