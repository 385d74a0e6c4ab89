/// The film's score: an audio file under the picture, at a volume, faded in and out, looped to
/// the film's length if asked, and ducked while anyone speaks.
public struct Music: Sendable, Hashable, Codable {
    /// Relative to the project directory (or absolute).
    public var path: String
    /// Gain in dB before the mix (0 leaves the file as it is; `volume: 0.5` in the film file is
    /// −6 dB).
    public var volumeDB: Double
    /// Seconds of fade from silence at the start of the film.
    public var fadeIn: Double
    /// Seconds of fade to silence at the end of the film.
    public var fadeOut: Double
    /// Repeats the file until the film ends; otherwise it plays once.
    public var loop: Bool
    /// How far the music is pulled down under speech, in dB (0: not at all).
    public var duckDB: Double

    public static let defaultDuckDB = 12.0

    public init(
        path: String, volumeDB: Double = 0, fadeIn: Double = 0, fadeOut: Double = 0, loop: Bool = true,
        duckDB: Double = Music.defaultDuckDB
    ) {
        self.path = path
        self.volumeDB = volumeDB
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.loop = loop
        self.duckDB = duckDB
    }
}
