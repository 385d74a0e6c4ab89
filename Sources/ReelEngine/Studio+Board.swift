import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel board` made.
public struct BoardOutput: Sendable {
    public var gif: URL
    public var webp: URL
    public var contactSheet: URL
    /// Shots left out because they have no pick.
    public var missing: [String]
    /// True when the picks had not changed and the files were kept.
    public var reused: Bool
}

extension Studio {
    /// Storyboard frames are this wide (the height follows the film's aspect).
    public static let boardWidth = 896
    /// Each storyboard frame stays this long.
    public static let boardFrameCentiseconds = 100

    /// `out/storyboard.gif` and `.webp` (one frame per pick, about a second each) and
    /// `out/contact.png` (every pick with shot id, framing and the prompt's first words).
    public func board() async throws -> BoardOutput {
        let out = project.outputDirectory
        let gifURL = out.appending(path: "storyboard.gif")
        let webpURL = out.appending(path: "storyboard.webp")
        let sheetURL = out.appending(path: "contact.png")
        var entries: [(shot: Shot, picked: Candidate)] = []
        var missing: [String] = []
        for shot in film.shots {
            if let picked = try store.pickedCandidate(for: shot.id) {
                entries.append((shot, picked))
            } else {
                missing.append(shot.id)
            }
        }
        guard !entries.isEmpty else {
            throw ReelError(
                .invalidInput, "no shot has a pick yet; run `reel make`, or `reel gen SHOT` and `reel pick SHOT N`")
        }
        struct BoardInputs: Encodable {
            var frames: [String]
            var labels: [String]
            var width: Int
            var delay: Int
        }
        let labels = entries.map { "\($0.shot.id) \($0.shot.framingName ?? "") \(Self.promptWords($0.shot))" }
        let key = try StepKey(
            kind: "board", backend: "reel",
            inputs: BoardInputs(
                frames: entries.map(\.picked.blob.hex), labels: labels, width: Self.boardWidth,
                delay: Self.boardFrameCentiseconds))
        let files = [gifURL, webpURL, sheetURL]
        if try store.meta(.board) == key.hex, files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
            return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: true)
        }
        let step = "board"
        progress.emit(.started(step: step, detail: "\(entries.count) frames", total: entries.count + 2))
        var frames: [RGBAImage] = []
        var pictures: [RGBAImage] = []
        for (index, entry) in entries.enumerated() {
            try ensureIntact(entry.picked, of: entry.shot)
            let image = try RGBAImage(decoding: try store.blobs.data(entry.picked.blob))
            pictures.append(image)
            let height = Int((Double(Self.boardWidth) / film.aspect.ratio / 2).rounded()) * 2
            frames.append(image.cropped(toAspect: film.aspect).resized(width: Self.boardWidth, height: height))
            progress.emit(.advanced(step: step, done: index + 1, total: entries.count + 2))
        }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let animation = frames.map {
            AnimationFrame(image: $0, duration: .milliseconds(Self.boardFrameCentiseconds * 10))
        }
        try GIFEncoder(options: .storyboard).encode(animation).write(to: gifURL, options: .atomic)
        progress.emit(.advanced(step: step, done: entries.count + 1, total: entries.count + 2))
        try AnimatedWebP.encode(animation, quality: 80).write(to: webpURL, options: .atomic)
        let sheet = try ContactSheet(
            title: film.title,
            entries: zip(entries, pictures).map { entry, picture in
                ContactSheet.Entry(
                    image: picture, shotID: entry.shot.id, framing: entry.shot.framingName,
                    prompt: Self.promptWords(entry.shot))
            }
        ).render()
        try sheet.encoded(as: .png).write(to: sheetURL, options: .atomic)
        try store.setMeta(key.hex, for: .board)
        progress.emit(.finished(step: step, detail: files.map(project.displayPath).joined(separator: ", ")))
        return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: false)
    }

    /// The prompt's words before its parameters: what the contact sheet prints.
    static func promptWords(_ shot: Shot) -> String {
        shot.promptText.split(separator: " ").prefix { !$0.hasPrefix("--") }.joined(separator: " ")
    }
}
