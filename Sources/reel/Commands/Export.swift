import ArgumentParser
import ReelEngine
import ReelKit

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the cut for an editor (OTIO, FCPXML, EDL) and its subtitles (SRT, WebVTT).",
        discussion: """
            Writes out/film.otio, film.fcpxml, film.edl, film.srt and film.vtt — those you ask for, or \
            all with --all — from the same timeline as out/film.mp4, frame for frame. Each shot's clip is \
            copied to out/clips/<shot>.mp4 and the exports point there. Needs every shot's clip: run \
            `reel make` first.

            Example:
              reel export --otio --srt
              reel export Examples/first-light --all
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "OpenTimelineIO JSON (out/film.otio).") var otio = false
    @Flag(help: "Final Cut Pro X / DaVinci Resolve XML (out/film.fcpxml).") var fcpxml = false
    @Flag(help: "CMX 3600 edit decision list (out/film.edl).") var edl = false
    @Flag(help: "SubRip subtitles of the dialog and narration (out/film.srt).") var srt = false
    @Flag(help: "WebVTT subtitles of the dialog and narration (out/film.vtt).") var vtt = false
    @Flag(help: "Every format above.") var all = false

    var formats: Set<ExportFormat> {
        if all { return Set(ExportFormat.allCases) }
        let chosen: [(Bool, ExportFormat)] = [(otio, .otio), (fcpxml, .fcpxml), (edl, .edl), (srt, .srt), (vtt, .vtt)]
        return Set(chosen.filter(\.0).map(\.1))
    }

    func validate() throws {
        if formats.isEmpty {
            throw ValidationError("name what to export: --otio, --fcpxml, --edl, --srt, --vtt or --all")
        }
    }

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let output = try services.studio.export(formats)
            for file in output.files { Output.line(services.project.displayPath(file)) }
            let timeline = output.timeline
            Output.note(
                "\(timeline.entries.count) entries, \(timeline.frameCount) frames at \(timeline.fps) fps, "
                    + "\(timeline.cues.count) subtitle\(timeline.cues.count == 1 ? "" : "s"); clips in "
                    + services.project.displayPath(output.clipsDirectory))
        }
    }
}
