/// What a shot shows: its size, from an extreme long shot to an extreme close-up, or one of the
/// set-ups of a real shot list (a two shot, over the shoulder, a point of view, an insert).
///
/// The film file accepts the words filmmakers use ("long shot", "wide", "full body", "ECU", "OTS"…;
/// see `Framing+Parsing.swift`); `rawValue` is the display name the board and `reel status`
/// print, `words` is what composition puts into the prompt, `subjectScale` is how tall the
/// subject is relative to the frame height (the `sketch` backend draws by it). Where the
/// camera looks from is a separate ``CameraAngle``.
///
/// The first eight cases are in order of size and their words are in the step keys of existing
/// takes: never change them. New cases go at the end.
public enum Framing: String, CaseIterable, Sendable, Codable {
    case extremeLongShot = "extreme long shot"
    case longShot = "long shot"
    case fullShot = "full shot"
    case mediumLongShot = "medium long shot"
    case mediumShot = "medium shot"
    case mediumCloseUp = "medium close-up"
    case closeUp = "close-up"
    case extremeCloseUp = "extreme close-up"
    /// Two people in the frame, side by side.
    case twoShot = "two shot"
    /// The subject seen past the blurred shoulder and head of someone in the foreground.
    case overTheShoulder = "over-the-shoulder shot"
    /// What a character sees: the viewer is not in the picture.
    case pointOfView = "point-of-view shot"
    /// A detail (an object, a hand, a letter) filling the frame.
    case insert = "insert shot"

    /// The words composition adds to the prompt.
    public var words: String {
        switch self {
        case .extremeLongShot: "extreme long shot"
        case .longShot: "long shot"
        case .fullShot: "full body shot"
        case .mediumLongShot: "medium long shot"
        case .mediumShot: "medium shot"
        case .mediumCloseUp: "medium close-up"
        case .closeUp: "close-up"
        case .extremeCloseUp: "extreme close-up"
        case .twoShot: "two shot"
        case .overTheShoulder: "over-the-shoulder shot"
        case .pointOfView: "point-of-view shot"
        case .insert: "insert shot"
        }
    }

    /// Subject height as a multiple of frame height (a figure for wide shots, a face beyond).
    public var subjectScale: Double {
        switch self {
        case .extremeLongShot: 0.12
        case .longShot, .pointOfView: 0.35
        case .fullShot: 0.8
        case .mediumLongShot, .twoShot: 1.15
        case .mediumShot, .overTheShoulder: 1.6
        case .mediumCloseUp: 2.2
        case .closeUp: 3.2
        case .extremeCloseUp, .insert: 6.0
        }
    }
}
