import Foundation
import ReelKit

/// The storyboard as a crew gets it on paper: a PDF of landscape pages, each with a title block
/// (film, page n of m, date) and a grid of panels in the film's aspect. Under each panel: the
/// shot's number and id, its start timecode, framing, camera move, duration and the transition
/// out of it, the dialog with speakers' names, and the prompt in small type. Text is real PDF
/// text; pictures are embedded as JPEG at `pictureDPI`. A shot without a pick gets an empty
/// framed panel saying so.
///
/// ```swift
/// let pdf = try StoryboardSheet(title: "Harbour", aspect: 7.0 / 3, fps: 24, date: .now, panels: panels).render()
/// try pdf.write(to: out.appending(path: "board.pdf"), options: .atomic)
/// ```
public struct StoryboardSheet: Sendable {
    /// One shot's panel.
    public struct Panel: Sendable {
        /// The shot's place in the film, from 1.
        public var number: Int
        public var shotID: String
        /// The pick; `nil` draws a "no pick yet" panel.
        public var picture: RGBAImage?
        public var framing: String?
        public var camera: String?
        /// Seconds on screen.
        public var duration: Double
        /// The film frame where the shot starts (after a title card, crossfades overlapped).
        public var startFrame: Int
        /// Into the next shot ("cut", "crossfade 0.5s"); `nil` for the last shot.
        public var transition: String?
        public var dialog: [DialogLine]
        public var prompt: String

        public init(
            number: Int, shotID: String, picture: RGBAImage?, framing: String? = nil, camera: String? = nil,
            duration: Double, startFrame: Int, transition: String? = nil, dialog: [DialogLine] = [], prompt: String
        ) {
            self.number = number
            self.shotID = shotID
            self.picture = picture
            self.framing = framing
            self.camera = camera
            self.duration = duration
            self.startFrame = startFrame
            self.transition = transition
            self.dialog = dialog
            self.prompt = prompt
        }
    }

    public var title: String
    /// Width over height of the panels: the film's frame.
    public var aspect: Double
    /// The film's frame rate, for timecodes.
    public var fps: Int
    public var paper: PaperSize
    /// The day printed in the title block and stored as the document's creation date.
    public var date: Date
    /// Frames in the whole film, when known: the title block shows the running time.
    public var totalFrames: Int?
    public var panels: [Panel]
    /// Pictures are resampled to at most this many pixels per inch of their printed size.
    public var pictureDPI: Double
    /// JPEG quality of the embedded pictures.
    public var jpegQuality: Int

    public init(
        title: String, aspect: Double, fps: Int, paper: PaperSize = .a4, date: Date, totalFrames: Int? = nil,
        panels: [Panel], pictureDPI: Double = 200, jpegQuality: Int = 90
    ) {
        self.title = title
        self.aspect = aspect
        self.fps = fps
        self.paper = paper
        self.date = date
        self.totalFrames = totalFrames
        self.panels = panels
        self.pictureDPI = pictureDPI
        self.jpegQuality = jpegQuality
    }

    /// The grid every page uses.
    public var layout: StoryboardLayout {
        StoryboardLayout(pageWidth: paper.width, pageHeight: paper.height, aspect: aspect)
    }

    /// The PDF file's bytes.
    public func render() throws -> Data {
        let layout = self.layout
        let document = try PDFDocument(width: paper.width, height: paper.height)
        document.setMetadata(title: "\(title) — storyboard", created: date)
        let pages = layout.pageCount(for: panels.count)
        for page in 0..<pages {
            let canvas = document.canvas
            canvas.setColor(.white)
            canvas.paint()
            drawHeader(page: page + 1, of: pages, in: layout.header, on: canvas)
            let first = page * layout.panelsPerPage
            for (cell, panel) in zip(layout.cells, panels.dropFirst(first).prefix(layout.panelsPerPage)) {
                try drawPanel(panel, in: cell, on: canvas)
            }
            document.endPage()
        }
        return try document.finish()
    }

    static let ink = Color(hex: 0x111111)
    static let secondaryInk = Color(hex: 0x555555)
    static let faintInk = Color(hex: 0x7A7A7A)
    static let rule = Color(hex: 0xB8B8B8)

    /// Title left; page and date right; what the board covers under the title; a rule below.
    private func drawHeader(page: Int, of pages: Int, in rect: CanvasRect, on canvas: Canvas) {
        let right = "page \(page) of \(pages)"
        canvas.setFont(size: 9)
        let rightWidth = max(canvas.textWidth(right), canvas.textWidth(dateText))
        canvas.setColor(Self.ink)
        canvas.drawText(right, at: CanvasPoint(rect.maxX - canvas.textWidth(right), rect.minY + 11))
        canvas.setColor(Self.secondaryInk)
        canvas.drawText(dateText, at: CanvasPoint(rect.maxX - canvas.textWidth(dateText), rect.minY + 23))

        canvas.setFont(size: 15, bold: true)
        canvas.setColor(Self.ink)
        let room = rect.width - rightWidth - 24
        canvas.drawText(canvas.truncated(title, toWidth: room), at: CanvasPoint(rect.minX, rect.minY + 14))
        canvas.setFont(size: 9)
        canvas.setColor(Self.secondaryInk)
        canvas.drawText(canvas.truncated(summaryText, toWidth: room), at: CanvasPoint(rect.minX, rect.minY + 27))

        canvas.setColor(Self.rule)
        canvas.lineWidth = 0.75
        canvas.move(to: CanvasPoint(rect.minX, rect.maxY - 6))
        canvas.line(to: CanvasPoint(rect.maxX, rect.maxY - 6))
        canvas.stroke()
    }

    /// `2026-12-05`, in the machine's time zone.
    var dateText: String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
    }

    /// "storyboard · 12 shots · 9 picked · 00:00:48:00".
    var summaryText: String {
        let picked = panels.filter { $0.picture != nil }.count
        var parts = ["storyboard", panels.count == 1 ? "1 shot" : "\(panels.count) shots", "\(picked) picked"]
        if let totalFrames { parts.append("running time \(Timecode.smpte(totalFrames, fps: fps))") }
        parts.append(paper == .a4 ? "A4" : "US Letter")
        return parts.joined(separator: " · ")
    }
}
