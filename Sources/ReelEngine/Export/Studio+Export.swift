import Foundation
import ReelKit
import ReelMedia
import ReelStore

extension Studio {
    /// `reel export`: the cut as files an editor opens (OTIO, FCPXML, EDL) and subtitles
    /// (SRT, WebVTT), written atomically into `out/`. Each shot's clip is copied to
    /// `out/clips/<shot>.mp4` first so editors see readable names and the exports point at
    /// files outside the store, which Reel may rewrite. Fails, naming them, when shots have no
    /// clip for their current pick.
    ///
    /// ```swift
    /// let output = try studio.export([.otio, .srt])
    /// ```
    public func export(_ formats: Set<ExportFormat>) throws -> ExportOutput {
        let clipsDirectory = project.outputDirectory.appending(path: "clips")
        if formats.contains(.edl), !Self.timecodeRates.contains(film.fps) {
            progress.warning(
                "the film runs at \(film.fps) fps; many EDL readers only accept timecode at "
                    + Self.timecodeRates.map(String.init).joined(separator: ", ") + " fps")
        }
        let timeline = try editTimeline(copyingClipsInto: clipsDirectory)
        var files: [URL] = []
        for format in ExportFormat.allCases where formats.contains(format) {
            let url = project.outputDirectory.appending(path: format.fileName)
            try Data(Self.render(timeline, as: format).utf8).write(to: url, options: .atomic)
            files.append(url)
        }
        return ExportOutput(files: files, clipsDirectory: clipsDirectory, timeline: timeline)
    }

    /// `out/film.srt` and `out/film.vtt` when the film has dialog or narration (and
    /// `subtitles:` is not `off`); otherwise removes earlier ones so they never describe another
    /// version of the film. `cut()` calls it after every cut. Needs the clips.
    @discardableResult
    public func writeSubtitles() throws -> [URL] {
        guard film.subtitles != .off, film.hasSpeech else {
            for format in [ExportFormat.srt, .vtt] {
                try? FileManager.default.removeItem(at: project.outputDirectory.appending(path: format.fileName))
            }
            return []
        }
        let timeline = try editTimeline(copyingClipsInto: nil)
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        return try [ExportFormat.srt, .vtt].map { format in
            let url = project.outputDirectory.appending(path: format.fileName)
            try Data(Self.render(timeline, as: format).utf8).write(to: url, options: .atomic)
            return url
        }
    }

    /// With `subtitles: burn`, the cues to draw into the film (film frames); `nil` otherwise.
    func burnedCues() throws -> [BurnedCue]? {
        guard film.subtitles == .burn else { return nil }
        return try editTimeline(copyingClipsInto: nil).cues.map {
            BurnedCue(start: $0.start, end: $0.end, text: $0.displayText)
        }
    }

    /// Draws `cues` into the cut film in place.
    func burn(_ cues: [BurnedCue], into filmURL: URL, encoder: EncoderSettings) async throws {
        guard !cues.isEmpty else { return }
        let step = "subtitles"
        progress.emit(
            .started(step: step, detail: "\(cues.count) line\(cues.count == 1 ? "" : "s") burned in", total: 1))
        try await SubtitleBurner(ffmpeg: try FFmpegLocator().locate(), settings: encoder)
            .burn(cues, from: filmURL, to: filmURL, fps: film.fps)
        progress.emit(.finished(step: step, detail: project.displayPath(filmURL)))
    }

    /// Frame rates SMPTE timecode readers commonly accept.
    static let timecodeRates = [24, 25, 30, 48, 50, 60]

    static func render(_ timeline: EditTimeline, as format: ExportFormat) -> String {
        switch format {
        case .otio: OTIOWriter().write(timeline)
        case .fcpxml: FCPXMLWriter().write(timeline)
        case .edl: EDLWriter().write(timeline)
        case .srt: SubtitleWriter(.srt).write(timeline)
        case .vtt: SubtitleWriter(.webVTT).write(timeline)
        }
    }

    /// The film's cut as an ``EditTimeline``, frame for frame as `cut()` lays it out. With a
    /// directory, each clip is copied there as `<shot>.mp4` and the timeline points at the
    /// copies; without, at the clips in the store.
    public func editTimeline(copyingClipsInto directory: URL?) throws -> EditTimeline {
        let shots = try exportedShots()
        if let directory { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        var clips: [EditClip] = []
        for shot in shots {
            var path = store.blobs.url(shot.clip.blob).path
            if let directory {
                let target = directory.appending(path: "\(shot.shot.id).mp4")
                try copyAtomically(store.blobs.url(shot.clip.blob), to: target)
                path = target.standardizedFileURL.path
            }
            clips.append(
                EditClip(
                    path: path, mediaFrames: Int((shot.clip.durationSeconds * Double(film.fps)).rounded()),
                    prompt: shot.prompt, seed: shot.candidate.seed, imageBackend: shot.take.backend,
                    videoBackend: shot.clip.backend, takeID: shot.take.id, candidate: shot.candidate.index,
                    camera: (shot.shot.camera ?? Self.defaultCamera(for: shot.shot.framing)).rawValue))
        }
        let plan = try cutPlanSkeleton(
            durations: shots.map(\.clip.durationSeconds), placeholder: URL(filePath: "/dev/null"))
        let cut = try plan.timeline()
        var items: [EditTimeline.Item] = []
        if let card = film.titleCard {
            items.append(.init(name: "title", content: .card(text: card.text, subtitle: card.subtitle), frames: 0))
        }
        for (shot, clip) in zip(shots, clips) {
            let lineFrames = try speech(of: shot.shot)?.map { Self.frames($0.duration, fps: film.fps) }
            items.append(
                .init(
                    name: shot.shot.id, content: .clip(clip), frames: 0, lines: film.spokenLines(of: shot.shot),
                    lineFrames: lineFrames))
        }
        if let card = film.endCard {
            items.append(.init(name: "end", content: .card(text: card.text, subtitle: card.subtitle), frames: 0))
        }
        guard items.count == cut.entryFrames.count else {
            throw ReelError(
                .internal, "the export found \(items.count) entries but the cut has \(cut.entryFrames.count)")
        }
        for index in items.indices {
            items[index].frames = cut.entryFrames[index]
            if case .clip(var clip) = items[index].content {
                clip.mediaFrames = max(clip.mediaFrames, cut.entryFrames[index])
                items[index].content = .clip(clip)
            }
        }
        let transitions = (0..<max(0, items.count - 1)).map { index -> EditTransition in
            let overlap = cut.start(of: index) + cut.entryFrames[index] - cut.start(of: index + 1)
            if overlap > 0 { return .crossfade(frames: overlap) }
            return cut.tail(of: index) > 0 ? .fade(frames: cut.tail(of: index)) : .cut
        }
        let size = outputSize
        return EditTimeline(
            title: film.title, fps: film.fps, width: size.width, height: size.height, items: items,
            transitions: transitions, timing: Self.dialogTiming)
    }

    private struct ExportedShot {
        var shot: Shot
        var clip: Clip
        var take: Take
        var candidate: Candidate
        var prompt: String
    }

    /// Every shot's current clip with the take and candidate it came from, as `cut()` finds them.
    private func exportedShots() throws -> [ExportedShot] {
        var shots: [ExportedShot] = []
        var missing: [String] = []
        let records = try store.snapshot()
        for shot in film.shots {
            guard let pick = records.pick(for: shot.id),
                let take = records.takes(shot: shot.id).first(where: { $0.id == pick.takeID }),
                let candidate = take.candidate(pick.candidateIndex),
                let clip = try clipKeyIfEndKnown(for: shot, picked: candidate).flatMap({ records.clip(stepKey: $0.hex) }
                )
            else {
                missing.append(shot.id)
                continue
            }
            shots.append(
                ExportedShot(
                    shot: shot, clip: clip, take: take, candidate: candidate, prompt: try take.decodedRequest().prompt))
        }
        if !missing.isEmpty {
            throw ReelError(
                .invalidInput,
                "shots without a clip for their current pick: \(missing.joined(separator: ", "))", suggesting: [.make])
        }
        return shots
    }

    /// Copies through a temporary name in the same directory, so a reader never sees half a file.
    private func copyAtomically(_ source: URL, to target: URL) throws {
        let temporary = target.deletingLastPathComponent().appending(
            path: ".\(target.lastPathComponent).\(UUID().uuidString)")
        do {
            try FileManager.default.copyItem(at: source, to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw ReelError(
                    .internal,
                    "cannot move a clip into '\(project.displayPath(target))': \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
