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
    /// How wide the contact sheet draws each frame: `contactThumbnailWidth` for a short film, less
    /// for a long one so the sheet stays near 16 megapixels (200 shots at full width would be 35,
    /// most of the board's time and memory), never under 160.
    static func contactSheetThumbnailWidth(count: Int, aspect: Double) -> Int {
        let budget = 16_000_000.0
        // A cell is about w × (w / aspect) with a caption of about a third of w, plus the gaps.
        let perSquareWidth = Double(max(1, count)) * (1 / min(8, max(0.125, aspect)) + 0.35) * 1.1
        return max(160, min(contactThumbnailWidth, Int((budget / perSquareWidth).squareRoot())))
    }

    /// The storyboard WebP's lossy quality.
    static let boardWebPQuality: Float = 80
    /// Each storyboard frame stays this long.
    public static let boardFrameCentiseconds = 100

    /// `out/storyboard.gif` and `.webp` (one frame per pick, about a second each) and
    /// `out/contact.png` (every pick with shot id, framing and the prompt's first words).
    public func board() async throws -> BoardOutput {
        let out = project.outputDirectory
        let gifURL = out.appending(path: "storyboard.gif")
        let webpURL = out.appending(path: "storyboard.webp")
        let sheetURL = out.appending(path: "contact.png")
        let (entries, missing, key, offModel) = try boardInputs(try store.snapshot())
        guard !entries.isEmpty else {
            throw ReelError(.invalidInput, "no shot has a pick yet", suggesting: [.make])
        }
        let files = [gifURL, webpURL, sheetURL]
        if try store.meta(.board) == key.hex, files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
            return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: true)
        }
        let step = "board"
        progress.emit(.started(step: step, detail: "\(entries.count) frames", total: entries.count + 1))
        // Each pick's frame is encoded once (a GIF frame, a WebP still and a contact-sheet
        // thumbnail, kept in the store) and assembled from there: a board after one new pick encodes
        // one frame. The contact sheet (decoding thumbnails, drawing, PNG) is most of a long film's
        // board: it is made beside the GIF and WebP, its thumbnails decoded in two halves at once.
        let height = Int((Double(Self.boardWidth) / film.aspect.ratio / 2).rounded()) * 2
        var frames: [BoardFrame] = []
        for (index, entry) in entries.enumerated() {
            frames.append(try boardFrame(of: entry.picked, shot: entry.shot, height: height))
            progress.emit(.advanced(step: step, done: index + 1, total: entries.count + 1))
        }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let thumbnails = try frames.map { try BlobID($0.thumbnail) }
        let shots = entries.map(\.shot)
        async let sheet: Void = contactSheet(thumbnails, of: shots, offModel: offModel, to: sheetURL)
        var gif = GIFWriter(width: Self.boardWidth, height: height, looping: entries.count > 1)
        let webp = try WebPAnimationMuxer(width: Self.boardWidth, height: height)
        for frame in frames {
            gif.append(encoded: try store.blobs.data(try BlobID(frame.gif)))
            try webp.append(
                try store.blobs.data(try BlobID(frame.webp)), milliseconds: Self.boardFrameCentiseconds * 10)
        }
        try gif.finish().write(to: gifURL, options: .atomic)
        try webp.finish().write(to: webpURL, options: .atomic)
        try await sheet
        try store.setMeta(key.hex, for: .board)
        progress.emit(.finished(step: step, detail: files.map(project.displayPath).joined(separator: ", ")))
        return BoardOutput(gif: gifURL, webp: webpURL, contactSheet: sheetURL, missing: missing, reused: false)
    }

    /// `out/contact.png` from the picks' stored thumbnails, decoded (and shrunk to the sheet's
    /// panel width) in two halves at once.
    /// Picks in `offModel` (by shot id) are marked with why.
    private func contactSheet(
        _ thumbnails: [BlobID], of shots: [Shot], offModel: [String: String], to url: URL
    ) async throws {
        let width = Self.contactSheetThumbnailWidth(count: shots.count, aspect: film.aspect.ratio)
        let blobs = store.blobs
        let half = (thumbnails.count + 1) / 2
        let halves = [Array(thumbnails[..<half]), Array(thumbnails[half...])]
        let decoded = try await withThrowingTaskGroup(of: (Int, [RGBAImage]).self) { group in
            for (index, part) in halves.enumerated() {
                group.addTask {
                    let images = try part.map { blob in
                        let image = try RGBAImage(decoding: try blobs.data(blob))
                        guard image.width > width else { return image }
                        let shrunk = max(1, Int((Double(width * image.height) / Double(image.width)).rounded()))
                        return image.resized(width: width, height: shrunk)
                    }
                    return (index, images)
                }
            }
            var parts = [[RGBAImage]](repeating: [], count: halves.count)
            for try await (index, images) in group { parts[index] = images }
            return parts.flatMap { $0 }
        }
        let entries = zip(decoded, shots).map { image, shot in
            ContactSheet.Entry(
                image: image, shotID: shot.id, framing: shot.framingName, prompt: Self.promptWords(shot),
                offModel: offModel[shot.id])
        }
        let sheet = try ContactSheet(
            title: film.title, entries: entries, aspect: film.aspect.ratio, thumbnailWidth: width
        ).render()
        // A long film's sheet is written for speed: at 200 shots (16 MP) the smallest PNG took
        // 4 of the board's 6 seconds, on every edit, for a file a third smaller.
        let encoding: ImageEncoding = sheet.width * sheet.height > 4_000_000 ? .pngFast : .png
        try sheet.encoded(as: encoding).write(to: url, options: .atomic)
    }

    /// A pick as the board shows it, encoded once and kept: its storyboard frame as a GIF frame and
    /// a WebP still, and its contact-sheet thumbnail as a PNG, each a blob.
    struct BoardFrame: Codable {
        var gif: String
        var webp: String
        var thumbnail: String
    }

    /// The board's frame of `picked`, from the store when it was made before and is intact.
    func boardFrame(of picked: Candidate, shot: Shot, height: Int) throws -> BoardFrame {
        struct Inputs: Encodable {
            var pick: String
            var width: Int
            var height: Int
            var aspect: String
            var centiseconds: Int
            var thumbnailWidth: Int
            var webpQuality: Float
        }
        let key = try StepKey(
            kind: "board-frame", backend: "reel",
            inputs: Inputs(
                pick: picked.blob.hex, width: Self.boardWidth, height: height, aspect: film.aspect.description,
                centiseconds: Self.boardFrameCentiseconds, thumbnailWidth: Self.contactThumbnailWidth,
                webpQuality: Self.boardWebPQuality))
        let meta = MetaKey(rawValue: "board.frame.\(key.hex)")
        if let text = try store.meta(meta),
            let kept = try? JSONDecoder().decode(BoardFrame.self, from: Data(text.utf8)),
            try [kept.gif, kept.webp, kept.thumbnail].allSatisfy({ try store.blobs.verify(try BlobID($0)) })
        {
            return kept
        }
        try ensureIntact(picked, of: shot)
        let image = try RGBAImage(decoding: try store.blobs.data(picked.blob))
        let frame = AnimationFrame(
            image: image.cropped(toAspect: film.aspect).resized(width: Self.boardWidth, height: height),
            duration: .milliseconds(Self.boardFrameCentiseconds * 10))
        let thumbnailWidth = min(image.width, Self.contactThumbnailWidth)
        let thumbnailHeight = max(
            1, Int((Double(thumbnailWidth) * Double(image.height) / Double(image.width)).rounded()))
        let made = BoardFrame(
            gif: try store.blobs.put(GIFWriter.encodedFrame(frame)).hex,
            webp: try store.blobs.put(try frame.image.encoded(as: .webp(quality: Self.boardWebPQuality))).hex,
            thumbnail: try store.blobs.put(
                try image.resized(width: thumbnailWidth, height: thumbnailHeight).encoded(as: .pngFast)
            ).hex)
        try store.setMeta(String(decoding: try JSONEncoder().encode(made), as: UTF8.self), for: meta)
        return made
    }

    /// The picks the board shows, the shots it leaves out for want of one, the key of it all, and
    /// the picks stored scores say are off-model (by shot id, with why).
    func boardInputs(
        _ records: StoreSnapshot
    ) throws -> (
        entries: [(shot: Shot, picked: Candidate)], missing: [String], key: StepKey, offModel: [String: String]
    ) {
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
            /// Off-model picks, marked on the contact sheet (absent when there are none).
            var offModel: [String: String]?
        }
        let offModel = offModelPicks(entries)
        let labels = entries.map { "\($0.shot.id) \($0.shot.framingName ?? "") \(Self.promptWords($0.shot))" }
        let key = try StepKey(
            kind: "board", backend: "reel",
            inputs: BoardInputs(
                frames: entries.map(\.picked.blob.hex), labels: labels, width: Self.boardWidth,
                delay: Self.boardFrameCentiseconds, aspect: film.aspect.ratio,
                offModel: offModel.isEmpty ? nil : offModel))
        return (entries, missing, key, offModel)
    }

    /// The prompt's words before its parameters: what the contact sheet prints.
    static func promptWords(_ shot: Shot) -> String {
        shot.promptText.split(separator: " ").prefix { !$0.hasPrefix("--") }.joined(separator: " ")
    }
}
