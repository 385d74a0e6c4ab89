/// The picks of a film on one page: a grid of frames, each captioned with its shot id, framing
/// and the first words of its prompt, light text on a dark ground so it reads on any screen.
///
/// ```swift
/// let sheet = try ContactSheet(title: "Harbour", entries: picks).render()
/// ```
public struct ContactSheet: Sendable {
    /// One frame of the sheet.
    public struct Entry: Sendable {
        public var image: RGBAImage
        public var shotID: String
        public var framing: String?
        public var prompt: String
        /// Why the frame is off-model ("obama drift 0.71"): the frame gets a red border and an
        /// OFF-MODEL tag with this text. Nil draws it plain.
        public var offModel: String?

        public init(image: RGBAImage, shotID: String, framing: String? = nil, prompt: String, offModel: String? = nil) {
            self.image = image
            self.shotID = shotID
            self.framing = framing
            self.prompt = prompt
            self.offModel = offModel
        }
    }

    public var title: String?
    public var entries: [Entry]
    /// Width over height of every panel: the film's, so a shot framed wider (`--ar 21:9`) is
    /// letterboxed in its own panel instead of every panel. `nil` takes the first frame's.
    public var aspect: Double?
    /// Frames per row; `nil` picks a count that keeps the sheet roughly landscape.
    public var columns: Int?
    /// Width of each frame on the sheet, in pixels; text scales with it.
    public var thumbnailWidth: Int
    /// How many words of each prompt the caption shows at most.
    public var promptWords: Int

    public init(
        title: String? = nil, entries: [Entry], aspect: Double? = nil, columns: Int? = nil, thumbnailWidth: Int = 448,
        promptWords: Int = 14
    ) {
        self.title = title
        self.entries = entries
        self.aspect = aspect
        self.columns = columns
        self.thumbnailWidth = thumbnailWidth
        self.promptWords = promptWords
    }

    static let background = Color(hex: 0x15161A)
    /// The border and tag of an off-model frame.
    public static let offModelColor = Color(hex: 0xE5484D)

    /// Draws the sheet. Frames keep their proportions inside panels of ``aspect``.
    public func render() throws -> RGBAImage {
        let thumbW = Double(max(64, thumbnailWidth))
        let unit = thumbW / 448
        let aspect = self.aspect ?? entries.first.map { Double($0.image.width) / Double($0.image.height) } ?? 16.0 / 9
        let thumbH = (thumbW / min(8, max(0.125, aspect))).rounded()
        let columns = max(1, min(self.columns ?? Self.defaultColumns(count: entries.count), max(1, entries.count)))
        let rows = max(1, (entries.count + columns - 1) / columns)
        let margin = (28 * unit).rounded()
        let gap = (22 * unit).rounded()
        let captionH = (max(13, 18 * unit) * 1.3 + 2 * max(11, 15 * unit) * 1.35 + 12 * unit).rounded()
        let titleH = title == nil ? 0 : (46 * unit).rounded()
        let width = Int(2 * margin + Double(columns) * thumbW + Double(columns - 1) * gap)
        let height = Int(2 * margin + titleH + Double(rows) * (thumbH + captionH) + Double(rows - 1) * gap)

        return try Canvas.withCanvas(width: width, height: height) { canvas in
            canvas.setColor(Self.background)
            canvas.paint()
            if let title {
                canvas.setColor(Color(hex: 0xF2F0EA))
                canvas.setFont(size: 26 * unit, bold: true)
                let text = canvas.truncated(title, toWidth: Double(width) - 2 * margin)
                canvas.drawText(text, at: CanvasPoint(margin, margin + 26 * unit))
            }
            if entries.isEmpty {
                canvas.setColor(Color(hex: 0x9A9CA5))
                canvas.setFont(size: 16 * unit)
                canvas.drawText("No picks yet", at: CanvasPoint(margin, margin + titleH + 40 * unit))
            }
            for (index, entry) in entries.enumerated() {
                let cell = CanvasRect(
                    x: margin + Double(index % columns) * (thumbW + gap),
                    y: margin + titleH + Double(index / columns) * (thumbH + captionH + gap),
                    width: thumbW, height: thumbH)
                drawFrame(entry, in: cell, captionHeight: captionH, unit: unit, on: canvas)
            }
            return canvas.image()
        }
    }

    private func drawFrame(_ entry: Entry, in cell: CanvasRect, captionHeight: Double, unit: Double, on canvas: Canvas)
    {
        canvas.setColor(Color(hex: 0x0B0B0D))
        canvas.addRect(cell)
        canvas.fill()
        let imageAspect = Double(entry.image.width) / Double(entry.image.height)
        canvas.draw(entry.image, in: cell.fitting(aspect: imageAspect))
        canvas.setColor(Color(hex: 0x34363E))
        canvas.lineWidth = max(1, unit)
        canvas.addRect(cell.insetBy(-0.5, -0.5))
        canvas.stroke()
        if let offModel = entry.offModel { drawOffModelMark(offModel, in: cell, unit: unit, on: canvas) }

        // Text never shrinks below what reads on a screen.
        let idSize = max(13, 18 * unit)
        let textSize = max(11, 15 * unit)
        let textX = cell.minX + 2 * unit
        var baseline = cell.maxY + idSize * 1.3
        canvas.setFont(size: idSize, bold: true)
        let id = canvas.truncated(entry.shotID, toWidth: cell.width * 0.55)
        canvas.setColor(Color(hex: 0xF2F0EA))
        canvas.drawText(id, at: CanvasPoint(textX, baseline))
        if let framing = entry.framing, !framing.isEmpty {
            let idWidth = canvas.textWidth(id)
            canvas.setFont(size: textSize)
            canvas.setColor(Color(hex: 0xE0A458))
            let room = cell.width - idWidth - 16 * unit
            canvas.drawText(
                canvas.truncated(framing, toWidth: room), at: CanvasPoint(textX + idWidth + 12 * unit, baseline))
        }
        canvas.setFont(size: textSize)
        canvas.setColor(Color(hex: 0xC4C6CC))
        let words = entry.prompt.split(whereSeparator: \.isWhitespace)
        var excerpt = words.prefix(promptWords).joined(separator: " ")
        if words.count > promptWords { excerpt += " …" }
        for line in canvas.wrapped(excerpt, toWidth: cell.width - 4 * unit, maxLines: 2) {
            baseline += textSize * 1.35
            canvas.drawText(line, at: CanvasPoint(textX, baseline))
        }
    }

    /// A red border inside the frame's edge and a red tag in its top-left corner: "OFF-MODEL" and why.
    private func drawOffModelMark(_ reason: String, in cell: CanvasRect, unit: Double, on canvas: Canvas) {
        let border = max(3, 5 * unit)
        canvas.setColor(Self.offModelColor)
        canvas.lineWidth = border
        canvas.addRect(cell.insetBy(border / 2, border / 2))
        canvas.stroke()
        let size = max(11, 14 * unit)
        canvas.setFont(size: size, bold: true)
        let label = canvas.truncated("OFF-MODEL · \(reason)", toWidth: cell.width - 4 * border)
        let tag = CanvasRect(
            x: cell.minX + border, y: cell.minY + border, width: canvas.textWidth(label) + 2 * size * 0.6,
            height: size * 1.6)
        canvas.addRect(tag)
        canvas.fill()
        canvas.setColor(.white)
        canvas.drawText(label, at: CanvasPoint(tag.minX + size * 0.6, tag.minY + size * 1.2))
    }

    /// Columns for `count` frames: one row up to three, then rows of two to four.
    static func defaultColumns(count: Int) -> Int {
        switch count {
        case ...3: max(1, count)
        case 4: 2
        case 5...9: 3
        default: 4
        }
    }
}
