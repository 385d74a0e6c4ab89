/// What the film does with its dialog and narration as text (`subtitles:` in the film file).
public enum SubtitleMode: String, CaseIterable, Sendable, Hashable, Codable {
    /// Drawn into the picture of `out/film.mp4`, and written as files too.
    case burn
    /// `out/film.srt` and `out/film.vtt` beside the film.
    case file
    /// Neither.
    case off
}
