/// Camera moves as a film file may spell them: case, spaces and underscores are forgiven, and
/// the words people use for the same move (zoom in, dolly out, locked) are accepted.
extension CameraMove {
    public init?(parsing text: String) {
        let key = Self.normalize(text)
        guard let move = CameraMove(rawValue: key) ?? Self.aliases[key] else { return nil }
        self = move
    }

    /// Lowercased, words joined by `-`: "Push In" → "push-in".
    static func normalize(_ text: String) -> String {
        text.lowercased().split { $0.isWhitespace || $0 == "_" || $0 == "-" }.joined(separator: "-")
    }

    private static let aliases: [String: CameraMove] = [
        "push": .pushIn, "pushin": .pushIn, "zoom-in": .pushIn, "dolly-in": .pushIn,
        "pull": .pullOut, "pullout": .pullOut, "pull-back": .pullOut, "zoom-out": .pullOut, "dolly-out": .pullOut,
        "pan": .panRight, "tilt": .tiltUp,
        "still": .static, "locked": .static, "locked-off": .static, "none": .static,
        "handheld": .shake, "hand-held": .shake, "float": .drift,
    ]
}
