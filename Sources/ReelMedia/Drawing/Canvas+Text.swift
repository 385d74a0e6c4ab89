import CCairo

/// Text through cairo's toy font API: one family, plain or bold, measured and laid out on a
/// baseline. Enough for labels, contact sheets and title cards; not a typesetter.
extension Canvas {
    /// The family every label uses (Debian's fonts-dejavu-core).
    public static let fontFamily = "DejaVu Sans"

    /// Selects the font for the following text calls.
    public func setFont(size: Double, bold: Bool = false) {
        cairo_select_font_face(
            cairo, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cairo, max(1, size))
    }

    /// How far `text` advances in the current font.
    public func textWidth(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cairo, text, &extents)
        return extents.x_advance
    }

    /// The current font's ascent and descent (distances above and below the baseline).
    public var fontMetrics: (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        cairo_font_extents(cairo, &extents)
        return (extents.ascent, extents.descent)
    }

    /// Fills `text` with the current source, its baseline starting at `origin`.
    public func drawText(_ text: String, at origin: CanvasPoint) {
        cairo_move_to(cairo, origin.x, origin.y)
        cairo_show_text(cairo, text)
        cairo_new_path(cairo)
    }

    /// Fills `text` centred horizontally on `centerX` with its baseline at `baseline`.
    public func drawText(_ text: String, centeredAt centerX: Double, baseline: Double) {
        drawText(text, at: CanvasPoint(centerX - textWidth(text) / 2, baseline))
    }

    /// `text` shortened with an ellipsis until it fits `width` in the current font.
    public func truncated(_ text: String, toWidth width: Double) -> String {
        if textWidth(text) <= width { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces + "…"
            if textWidth(candidate) <= width { return candidate }
        }
        return ""
    }

    /// `text` broken at spaces into lines no wider than `width`; at most `maxLines`, the last one
    /// ending in an ellipsis when text was left out. Words longer than a line are cut.
    public func wrapped(_ text: String, toWidth width: Double, maxLines: Int) -> [String] {
        wrapped(text, toWidth: width, firstLineWidth: width, maxLines: maxLines)
    }

    /// As `wrapped(_:toWidth:maxLines:)`, with a first line of its own width: the room left after
    /// a label set on the same line (a speaker's name before their words).
    public func wrapped(_ text: String, toWidth width: Double, firstLineWidth: Double, maxLines: Int) -> [String] {
        guard maxLines > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var leftOut = false
        func room() -> Double { lines.isEmpty ? firstLineWidth : width }
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if textWidth(candidate) <= room() {
                current = candidate
                continue
            }
            if !current.isEmpty {
                lines.append(current)
            } else if lines.isEmpty && firstLineWidth < width {
                // Not even one word fits beside the label: the words start on the next line.
                lines.append("")
            }
            if lines.count == maxLines {
                leftOut = true
                break
            }
            current = truncated(word, toWidth: room())
        }
        if !leftOut && !current.isEmpty {
            if lines.count < maxLines { lines.append(current) } else { leftOut = true }
        }
        if leftOut, let last = lines.popLast() {
            let lastRoom = lines.isEmpty ? firstLineWidth : width
            lines.append(truncated(last + " …", toWidth: lastRoom))
        }
        return lines
    }

    /// The largest font size up to `size` at which `text` fits `width` on one line.
    public func fontSize(fitting text: String, width: Double, startingAt size: Double, bold: Bool = false) -> Double {
        setFont(size: size, bold: bold)
        let natural = textWidth(text)
        guard natural > width, natural > 0 else { return size }
        return max(1, size * width / natural)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}
