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
    /// the optional title and end cards, and `out/film.srt`/`.vtt` when the film has dialog.
    /// Fails, naming them, when shots have no clip.
    public func cut() async throws -> CutOutput {
        let filmURL = project.outputDirectory.appending(path: "film.mp4")
        var clips: [(shot: Shot, clip: Clip)] = []
        var missing: [String] = []
        for shot in film.shots {
            guard let picked = try store.pickedCandidate(for: shot.id),
                let clip = try store.clip(stepKey: try clipKey(for: shot, picked: picked).hex)
            else {
                missing.append(shot.id)
                continue
            }
            clips.append((shot, clip))
        }
        if !missing.isEmpty {
            throw ReelError(
                .invalidInput,
                "shots without a clip for their current pick: \(missing.joined(separator: ", ")); run `reel make`")
        }
        struct CutInputs: Encodable {
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
        let burned = try burnedCues()
        let key = try StepKey(
            kind: "cut", backend: "reel",
            inputs: CutInputs(
                clips: clips.map(\.clip.blob.hex), durations: clips.map(\.clip.durationSeconds),
                transitions: clips.map(\.shot.transition), title: film.titleCard, end: film.endCard, fps: film.fps,
                width: size.width, height: size.height, subtitles: burned))
        let plan = try cutPlan(
            clipURLs: clips.map { store.blobs.url($0.clip.blob) }, durations: clips.map(\.clip.durationSeconds))
        let duration = try plan.timeline().duration
        if try store.meta(.cut) == key.hex, FileManager.default.fileExists(atPath: filmURL.path) {
            try writeSubtitles()
            return CutOutput(film: filmURL, duration: duration, reused: true)
        }
        for (shot, clip) in clips where try !store.blobs.verify(clip.blob) {
            throw ReelError(
                .invalidInput,
                "the clip of shot '\(shot.id)' is damaged (its hash no longer matches); run `reel make` to animate it again"
            )
        }
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        let step = "cut"
        progress.emit(.started(step: step, detail: "\(clips.count) clips", total: 100))
        let progress = progress
        let report = try await Cutter(ffmpeg: try FFmpegLocator().locate()).cut(plan, to: filmURL) { fraction in
            progress.emit(.advanced(step: step, done: Int(fraction * 100), total: 100))
        }
        if let burned { try await burn(burned, into: filmURL, encoder: plan.encoder) }
        try store.setMeta(key.hex, for: .cut)
        try writeSubtitles()
        progress.emit(
            .finished(
                step: step,
                detail: "\(project.displayPath(filmURL)), \(String(format: "%.2f", report.duration))s "
                    + "(\(report.copiedFrames) frames copied, \(report.encodedFrames) encoded)"))
        return CutOutput(film: filmURL, duration: report.duration, reused: false)
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
    func keyframeHints(forShotAt index: Int) -> [Int] {
        let placeholder = URL(filePath: "/dev/null")
        let durations = film.shots.map(\.duration)
        guard let plan = try? cutPlanSkeleton(durations: durations, placeholder: placeholder) else { return [] }
        return (try? plan.keyframes(forClipAt: index)) ?? []
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
