import Foundation
import ReelKit

/// A file `reel export` can write into `out/`.
public enum ExportFormat: String, CaseIterable, Sendable, Hashable {
    /// OpenTimelineIO JSON, `film.otio`.
    case otio
    /// Final Cut Pro X / DaVinci Resolve XML, `film.fcpxml`.
    case fcpxml
    /// CMX 3600 edit decision list, `film.edl`.
    case edl
    /// SubRip subtitles, `film.srt`.
    case srt
    /// WebVTT subtitles, `film.vtt`.
    case vtt

    /// The file name in `out/`.
    public var fileName: String {
        switch self {
        case .otio: "film.otio"
        case .fcpxml: "film.fcpxml"
        case .edl: "film.edl"
        case .srt: "film.srt"
        case .vtt: "film.vtt"
        }
    }
}

/// What `reel export` wrote.
public struct ExportOutput: Sendable {
    /// The files written, in the order of ``ExportFormat/allCases``.
    public var files: [URL]
    /// `out/clips/`, with each shot's clip as `<shot>.mp4`.
    public var clipsDirectory: URL
    /// The timeline every file was written from.
    public var timeline: EditTimeline
}
