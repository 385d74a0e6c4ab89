import Foundation

/// The film's sound, before it is mixed: spoken lines at their places, an optional score, and
/// the picture's exact length, which the mixed track matches.
public struct AudioMix: Sendable, Hashable {
    public var speech: [PlacedSpeech]
    public var music: MusicTrack?
    /// Seconds of the film (its frames over its rate); the track is padded or cut to this.
    public var duration: Double
    /// Integrated loudness the track is normalised to, in LUFS.
    public var targetLUFS: Double

    public static let defaultTargetLUFS = -16.0

    public init(
        speech: [PlacedSpeech], music: MusicTrack? = nil, duration: Double,
        targetLUFS: Double = AudioMix.defaultTargetLUFS
    ) {
        self.speech = speech
        self.music = music
        self.duration = duration
        self.targetLUFS = targetLUFS
    }

    /// True when nothing would sound: the track is silence, and is not normalised.
    public var isSilent: Bool { speech.isEmpty && (music == nil || music!.volumeDB <= -120) }
}

/// One spoken line: an audio file and the film time it starts at.
public struct PlacedSpeech: Sendable, Hashable {
    public var file: URL
    public var start: Double

    public init(file: URL, start: Double) {
        self.file = file
        self.start = start
    }
}

/// The score: a file with its gain, fades at the film's ends, looping, and how far it ducks
/// under speech.
public struct MusicTrack: Sendable, Hashable {
    public var file: URL
    public var volumeDB: Double
    public var fadeIn: Double
    public var fadeOut: Double
    public var loop: Bool
    public var duckDB: Double

    public init(
        file: URL, volumeDB: Double = 0, fadeIn: Double = 0, fadeOut: Double = 0, loop: Bool = true, duckDB: Double = 12
    ) {
        self.file = file
        self.volumeDB = volumeDB
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.loop = loop
        self.duckDB = duckDB
    }
}
