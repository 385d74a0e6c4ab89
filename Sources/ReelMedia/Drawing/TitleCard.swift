/// A title card: a title and an optional subtitle centred on black, for the head of a film or a
/// chapter. The title wraps to three lines at most and shrinks before it would overflow.
///
/// ```swift
/// let card = try TitleCard(title: "Harbour", subtitle: "a film by Ria", width: 1344, height: 576).render()
/// ```
public struct TitleCard: Sendable {
    public var title: String
    public var subtitle: String?
    public var width: Int
    public var height: Int
    public var background: Color
    public var textColor: Color

    public init(
        title: String, subtitle: String? = nil, width: Int, height: Int, background: Color = .black,
        textColor: Color = Color(hex: 0xF4F1EA)
    ) {
        self.title = title
        self.subtitle = subtitle
        self.width = width
        self.height = height
        self.background = background
        self.textColor = textColor
    }

    public func render() throws -> RGBAImage {
        try Canvas.withCanvas(width: width, height: height) { canvas in
            canvas.setColor(background)
            canvas.paint()
            let w = Double(width)
            let h = Double(height)
            let maxWidth = w * 0.86
            let words: [Substring] = title.split(whereSeparator: { $0.isWhitespace })
            let longestWord = words.max { $0.count < $1.count }.map(String.init) ?? title
            let titleSize = canvas.fontSize(
                fitting: longestWord, width: maxWidth, startingAt: min(h * 0.12, w * 0.09), bold: true)
            canvas.setFont(size: titleSize, bold: true)
            let titleLines = canvas.wrapped(title, toWidth: maxWidth, maxLines: 3)
            let titleLead = titleSize * 1.2

            let subtitleSize = max(1, titleSize * 0.42)
            canvas.setFont(size: subtitleSize)
            let subtitleLines = subtitle.map { canvas.wrapped($0, toWidth: maxWidth, maxLines: 2) } ?? []
            let subtitleLead = subtitleSize * 1.35
            let gap = subtitleLines.isEmpty ? 0 : titleSize * 0.6

            let blockHeight = Double(titleLines.count) * titleLead + gap + Double(subtitleLines.count) * subtitleLead
            var baseline = (h - blockHeight) / 2 + titleSize * 0.95
            canvas.setFont(size: titleSize, bold: true)
            canvas.setColor(textColor)
            for line in titleLines {
                canvas.drawText(line, centeredAt: w / 2, baseline: baseline)
                baseline += titleLead
            }
            baseline += gap - titleLead + subtitleLead
            canvas.setFont(size: subtitleSize)
            canvas.setColor(textColor.withAlpha(0.72))
            for line in subtitleLines {
                canvas.drawText(line, centeredAt: w / 2, baseline: baseline)
                baseline += subtitleLead
            }
            return canvas.image()
        }
    }
}
