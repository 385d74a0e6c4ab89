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
    /// Frames on the contact sheet are this wide; picks are shrunk to it as they are read.
    static let contactThumbnailWidth = 448
    /// Each storyboard frame stays this long.
    public static let boardFrameCentiseconds = 100

    /// `out/storyboard.gif` and `.webp` (one frame per pick, about a second each) and
    /// `out/contact.png` (every pick with shot id, framing and the prompt's first words).
    public func board() async throws -> BoardOutput {
        let out = project.outputDirectory
        let gifURL = out.appending(path: "storyboard.gif")
        let webpURL = out.appending(path: "storyboard.webp")
        let sheetURL = out.appending(path: "contact.png")
        let (entries, missing, key) = try boardInputs(try store.snapshot())
        guard !entries.isEmpty else {
            throw ReelError(.invalidInput, "no shot has a pick yet", suggesting: [.make])
        }
        let files = [gifURL, webpURL, sheetURL]
        if try store.meta(.board) == key.hex, files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
            return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: true)
        }
        let step = "board"
        progress.emit(.started(step: step, detail: "\(entries.count) frames", total: entries.count + 1))
        // One pick decoded at a time: it becomes a storyboard frame (appended to both animations at
        // once) and a contact-sheet thumbnail, and is let go, so memory stays flat in the shot count.
        let height = Int((Double(Self.boardWidth) / film.aspect.ratio / 2).rounded()) * 2
        var gif = GIFWriter(width: Self.boardWidth, height: height, looping: entries.count > 1)
        let webp = try AnimatedWebPWriter(width: Self.boardWidth, height: height, quality: 80)
        var thumbnails: [ContactSheet.Entry] = []
        for (index, entry) in entries.enumerated() {
            try ensureIntact(entry.picked, of: entry.shot)
            let image = try RGBAImage(decoding: try store.blobs.data(entry.picked.blob))
            let frame = AnimationFrame(
                image: image.cropped(toAspect: film.aspect).resized(width: Self.boardWidth, height: height),
                duration: .milliseconds(Self.boardFrameCentiseconds * 10))
            try gif.append(frame)
            try webp.append(frame)
            let thumbnailWidth = min(image.width, Self.contactThumbnailWidth)
            let thumbnailHeight = max(
                1, Int((Double(thumbnailWidth) * Double(image.height) / Double(image.width)).rounded()))
            thumbnails.append(
                ContactSheet.Entry(
                    image: image.resized(width: thumbnailWidth, height: thumbnailHeight), shotID: entry.shot.id,
                    framing: entry.shot.framingName, prompt: Self.promptWords(entry.shot)))
            progress.emit(.advanced(step: step, done: index + 1, total: entries.count + 1))
        }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try gif.finish().write(to: gifURL, options: .atomic)
        try webp.finish().write(to: webpURL, options: .atomic)
        let sheet = try ContactSheet(
            title: film.title, entries: thumbnails, aspect: film.aspect.ratio,
            thumbnailWidth: Self.contactThumbnailWidth
        ).render()
        try sheet.encoded(as: .png).write(to: sheetURL, options: .atomic)
        try store.setMeta(key.hex, for: .board)
        progress.emit(.finished(step: step, detail: files.map(project.displayPath).joined(separator: ", ")))
        return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: false)
    }

    /// The picks the board shows, the shots it leaves out for want of one, and the key of it all.
    func boardInputs(
        _ records: StoreSnapshot
    ) throws -> (entries: [(shot: Shot, picked: Candidate)], missing: [String], key: StepKey) {
        var entries: [(shot: Shot, picked: Candidate)] = []
        var missing: [String] = []
        for shot in film.shots {
            if let picked = records.pickedCandidate(for: shot.id) {
                entries.append((shot, picked))
            } else {
                missing.append(shot.id)
            }
        }
        struct BoardInputs: Encodable {
            var frames: [String]
            var labels: [String]
            var width: Int
            var delay: Int
            /// The frames are cropped to it and the contact sheet's panels take it.
            var aspect: Double
        }
        let labels = entries.map { "\($0.shot.id) \($0.shot.framingName ?? "") \(Self.promptWords($0.shot))" }
        let key = try StepKey(
            kind: "board", backend: "reel",
            inputs: BoardInputs(
                frames: entries.map(\.picked.blob.hex), labels: labels, width: Self.boardWidth,
                delay: Self.boardFrameCentiseconds, aspect: film.aspect.ratio))
        return (entries, missing, key)
    }

    /// The prompt's words before its parameters: what the contact sheet prints.
    static func promptWords(_ shot: Shot) -> String {
        shot.promptText.split(separator: " ").prefix { !$0.hasPrefix("--") }.joined(separator: " ")
    }
}
