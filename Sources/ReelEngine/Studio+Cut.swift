import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel cut` made.
public struct CutOutput: Sendable {
    public var film: URL
    /// Expected length in seconds: cards + shots − crossfade overlaps.
    public var duration: Double
    public var reused: Bool
}

extension Studio {
    /// `out/film.mp4`: every shot's clip in order with its transition into the next, between
    /// the optional title and end cards. Fails, naming them, when shots have no clip.
    public func cut() async throws -> CutOutput {
        let filmURL = project.outputDirectory.appending(path: "film.mp4")
        var clips: [(shot: Shot, clip: Clip)] = []
        var missing: [String] = []
        for shot in film.shots {
            guard let picked = try store.pickedCandidate(for: shot.id) else {
                missing.append(shot.id)
                continue
            }
            let key = try StepKey(
                kind: "clip", backend: shot.videoBackend ?? film.backends.video, inputs: clipRequest(for: shot, picked: picked))
            guard let clip = try store.clip(stepKey: key.hex) else {
                missing.append(shot.id)
                continue
            }
            clips.append((shot, clip))
        }
        if !missing.isEmpty {
            throw ReelError(
                .invalidInput, "shots without a clip for their current pick: \(missing.joined(separator: ", ")); run `reel make`")
        }
        let plan = cutPlan(clips)
        let key = try StepKey(kind: "cut", backend: "reel", inputs: plan.identity)
        if try store.meta(.cut) == key.hex, FileManager.default.fileExists(atPath: filmURL.path) {
            return CutOutput(film: filmURL, duration: plan.expectedDuration, reused: true)
        }
        for (shot, clip) in clips where try !store.blobs.verify(clip.blob) {
            throw ReelError(
                .invalidInput, "the clip of shot '\(shot.id)' is damaged (its hash no longer matches); run `reel make` to animate it again")
        }
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        let step = "cut"
        progress.emit(.started(step: step, detail: "\(clips.count) clips", total: 100))
        let progress = progress
        try await FilmCutter(ffmpeg: try FFmpeg.locate()).cut(plan, to: filmURL) { fraction in
            progress.emit(.advanced(step: step, done: Int(fraction * 100), total: 100))
        }
        try store.setMeta(key.hex, for: .cut)
        progress.emit(.finished(step: step, detail: "\(project.displayPath(filmURL)), \(String(format: "%.2f", plan.expectedDuration))s"))
        return CutOutput(film: filmURL, duration: plan.expectedDuration, reused: false)
    }

    func cutPlan(_ clips: [(shot: Shot, clip: Clip)]) -> CutPlan {
        let size = outputSize
        var entries: [CutPlan.Entry] = []
        if let card = film.titleCard {
            let image = TitleCard.render(text: card.text, subtitle: card.subtitle, width: size.width, height: size.height)
            entries.append(.still(image, duration: card.duration, transition: .fade(0.5)))
        }
        for (shot, clip) in clips {
            entries.append(.clip(store.blobs.url(clip.blob), duration: clip.duration, transition: Self.cutTransition(shot.transition)))
        }
        if let card = film.endCard {
            let image = TitleCard.render(text: card.text, subtitle: card.subtitle, width: size.width, height: size.height)
            entries.append(.still(image, duration: card.duration, transition: .cut))
        }
        return CutPlan(entries: entries, fps: film.fps, width: size.width, height: size.height)
    }

    static func cutTransition(_ transition: Transition) -> CutTransition {
        switch transition.kind {
        case .cut: .cut
        case .crossfade: .crossfade(transition.duration)
        case .fade: .fade(transition.duration)
        }
    }
}
