/// The still a shot's clip ends on (`end_frame:`), for video backends that take a last frame as
/// well as a first: the clip moves from the shot's own pick to this one, a seamless hand-over
/// when it is the next shot's pick.
public enum EndFrame: Sendable, Hashable, Codable {
    /// The pick of the shot after this one (`end_frame: next`).
    case next
    /// The pick of the shot with this id (`end_frame: vista`).
    case shot(String)
    /// An image file, relative to the project directory or absolute (`end_frame: frames/dawn.png`).
    case file(String)

    /// Reads the value as written: `next`, a path (it holds a `/` or a `.`, which no shot id
    /// does), or a shot id.
    public init(written text: String) {
        if text == "next" {
            self = .next
        } else if text.contains("/") || text.contains(".") {
            self = .file(text)
        } else {
            self = .shot(text)
        }
    }

    /// As it is written in a film file.
    public var written: String {
        switch self {
        case .next: "next"
        case .shot(let id): id
        case .file(let path): path
        }
    }
}
