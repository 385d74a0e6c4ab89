import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel board --pdf` made.
public struct BoardSheetOutput: Sendable {
    public var pdf: URL
    public var pages: Int
    /// Shots printed as empty "no pick yet" panels.
    public var missing: [String]
}

extension Studio {
    /// `out/board.pdf`: every shot in film order as a printed storyboard panel — the pick (or an
    /// empty frame), number and id, start timecode, framing, camera move, duration, transition,
    /// dialog and narration with speakers, and the prompt — on `paper` in landscape. The file is
    /// replaced atomically; `date` is printed in each page's title block.
    public func boardSheet(paper: PaperSize = .a4, date: Date = .now) throws -> BoardSheetOutput {
        let url = project.outputDirectory.appending(path: "board.pdf")
        let starts = shotStartFrames()
        var panels: [StoryboardSheet.Panel] = []
        var missing: [String] = []
        let step = "board.pdf"
        progress.emit(.started(step: step, detail: "\(film.shots.count) panels", total: film.shots.count + 1))
        for (index, shot) in film.shots.enumerated() {
            var picture: RGBAImage?
            if let picked = try store.pickedCandidate(for: shot.id) {
                try ensureIntact(picked, of: shot)
                picture = try RGBAImage(decoding: try store.blobs.data(picked.blob))
            } else {
                missing.append(shot.id)
            }
            let isLast = index == film.shots.count - 1
            panels.append(
                StoryboardSheet.Panel(
                    number: index + 1, shotID: shot.id, picture: picture, framing: shot.framingName,
                    camera: (shot.camera ?? Self.defaultCamera(for: shot.framing)).rawValue, duration: shot.duration,
                    startFrame: starts.shots[index], transition: isLast ? nil : shot.transition.description,
                    dialog: shot.dialog + (shot.narration.map { [DialogLine(speaker: "narrator", text: $0)] } ?? []),
                    prompt: Self.promptWords(shot)))
            progress.emit(.advanced(step: step, done: index + 1, total: film.shots.count + 1))
        }
        let sheet = StoryboardSheet(
            title: film.title, aspect: film.aspect.ratio, fps: film.fps, paper: paper, date: date,
            totalFrames: starts.total, panels: panels)
        let pdf = try sheet.render()
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        try pdf.write(to: url, options: .atomic)
        progress.emit(.finished(step: step, detail: project.displayPath(url)))
        return BoardSheetOutput(pdf: url, pages: sheet.layout.pageCount(for: panels.count), missing: missing)
    }

    /// The film frame where each shot starts and the film's length, as the cut lays them out
    /// (title card first, crossfades overlapping); plain sums of durations if the cut would refuse
    /// the film's transitions.
    func shotStartFrames() -> (shots: [Int], total: Int?) {
        let placeholder = URL(filePath: "/dev/null")
        if let timeline = try? cutPlanSkeleton(durations: film.shots.map(\.duration), placeholder: placeholder)
            .timeline()
        {
            let offset = film.titleCard == nil ? 0 : 1
            return (film.shots.indices.map { timeline.start(of: $0 + offset) }, timeline.frameCount)
        }
        var starts: [Int] = []
        var seconds = film.titleCard?.duration ?? 0
        for shot in film.shots {
            starts.append(Int((seconds * Double(film.fps)).rounded()))
            seconds += shot.duration - shot.transition.overlap
        }
        return (starts, nil)
    }
}
