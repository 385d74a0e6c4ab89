import Foundation
import ReelKit

/// Reads a PDF back with poppler's command-line tools (Debian's `poppler-utils`), an independent
/// reader for checking what Reel prints: page count and size, the text a viewer extracts, where
/// each word sits, and the images embedded.
public struct PDFReader: Sendable {
    public struct Failure: ReelFailure {
        public var description: String
        public var code: ReelError.Code { ReelError.Code(rawValue: "unreadable-pdf") }
        public var kind: FailureKind { .internal }
        public var message: String { description }
    }

    /// One word as `pdftotext -bbox` places it, in points from the page's top left.
    public struct Word: Sendable, Hashable {
        public var page: Int
        public var text: String
        public var xMin: Double
        public var yMin: Double
        public var xMax: Double
        public var yMax: Double
    }

    /// One row of `pdfimages -list`.
    public struct Image: Sendable, Hashable {
        public var page: Int
        /// `image` for a picture, `smask` for a picture's alpha.
        public var type: String
        public var width: Int
        public var height: Int
        /// The compression: `jpeg`, `image` (Flate), …
        public var encoding: String
    }

    public let file: URL

    public init(_ file: URL) {
        self.file = file
    }

    /// `pdfinfo`'s fields ("Pages", "Page size", "Title", …).
    public func info() throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try Self.run("pdfinfo", [file.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    public func pageCount() throws -> Int {
        guard let pages = try info()["Pages"].flatMap(Int.init) else {
            throw Failure(description: "pdfinfo: no page count")
        }
        return pages
    }

    /// The document's text as `pdftotext -layout` reads it, pages separated by form feeds.
    public func text() throws -> String {
        try Self.run("pdftotext", ["-layout", file.path, "-"])
    }

    /// Every word with its box.
    public func words() throws -> [Word] {
        let html = try Self.run("pdftotext", ["-bbox", file.path, "-"])
        var words: [Word] = []
        var page = 0
        for line in html.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<page ") { page += 1 }
            guard trimmed.hasPrefix("<word "), let close = trimmed.range(of: ">"),
                let end = trimmed.range(of: "</word>", options: .backwards)
            else { continue }
            func value(_ name: String) -> Double? {
                guard let start = trimmed.range(of: "\(name)=\"") else { return nil }
                let rest = trimmed[start.upperBound...]
                return rest.firstIndex(of: "\"").flatMap { Double(rest[..<$0]) }
            }
            guard let xMin = value("xMin"), let yMin = value("yMin"), let xMax = value("xMax"), let yMax = value("yMax")
            else { continue }
            let text = String(trimmed[close.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(page: page, text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
        }
        return words
    }

    /// The embedded images, page by page.
    public func images() throws -> [Image] {
        try Self.run("pdfimages", ["-list", file.path]).split(separator: "\n").dropFirst(2).compactMap { row in
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count > 8, let page = Int(columns[0]), let width = Int(columns[3]),
                let height = Int(columns[4])
            else { return nil }
            return Image(
                page: page, type: String(columns[2]), width: width, height: height, encoding: String(columns[8]))
        }
    }

    /// Writes every embedded image into `directory` in its own format (JPEG stays JPEG) and
    /// returns the files in document order.
    public func extractImages(into directory: URL) throws -> [URL] {
        _ = try Self.run("pdfimages", ["-all", file.path, directory.appending(path: "image").path])
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("image-") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Runs a poppler tool, returning its standard output; throws with its standard error.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(tool)") else {
            throw Failure(description: "\(tool) is missing: run scripts/bootstrap (it installs poppler-utils)")
        }
        try process.run()
        // Standard error is drained on another thread so neither pipe can fill up and stall the tool.
        let errorText = ErrorText()
        let drained = DispatchSemaphore(value: 0)
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async {
            errorText.set(errorHandle.readDataToEndOfFile())
            drained.signal()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed: \(errorText.text)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private final class ErrorText: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        func set(_ value: Data) { lock.withLock { data = value } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }
}
