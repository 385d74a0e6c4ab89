/// One subtitle drawn once and kept in the encoder's colour space (BT.709, limited range),
/// premultiplied by its coverage, so that putting it on a frame is one multiply-add per sample
/// of its box and no frame is ever converted to RGB.
///
/// The look: white DejaVu Sans on a translucent black band, centred near the bottom, wrapped to
/// at most three lines, sized from the frame height so it reads the same at every resolution.
struct SubtitleOverlay: Sendable {
    /// Even-aligned box the overlay covers, in luma pixels.
    let x: Int
    let y: Int
    let width: Int
    let height: Int
    /// Per luma sample of the box: coverage 0…1 and coverage × Y′.
    let alpha: [Float]
    let luma: [Float]
    /// Per chroma sample of the box (half size): mean coverage and coverage × Cb, × Cr.
    let chromaAlpha: [Float]
    let cb: [Float]
    let cr: [Float]

    /// Draws `text` for a frame of `frameWidth` × `frameHeight` (both even).
    init(text: String, frameWidth: Int, frameHeight: Int) throws {
        let canvas = try Canvas(width: frameWidth, height: frameHeight)
        let size = max(9, Double(frameHeight) * 0.055)
        canvas.setFont(size: size)
        let lines = text.split(whereSeparator: \.isNewline).flatMap {
            canvas.wrapped(String($0), toWidth: Double(frameWidth) * 0.86, maxLines: 3)
        }.suffix(3)
        let metrics = canvas.fontMetrics
        let lineHeight = (metrics.ascent + metrics.descent) * 1.15
        let padding = size * 0.45
        let textWidth = lines.map(canvas.textWidth).max() ?? 0
        let boxHeight = lineHeight * Double(lines.count) + padding
        let bottom = Double(frameHeight) * 0.95
        let box = CanvasRect(
            x: (Double(frameWidth) - textWidth) / 2 - padding, y: bottom - boxHeight, width: textWidth + 2 * padding,
            height: boxHeight)
        if !lines.isEmpty {
            canvas.addRect(box)
            canvas.setColor(Color(white: 0, alpha: 0.62))
            canvas.fill()
            canvas.setColor(.white)
            for (index, line) in lines.enumerated() {
                let baseline = box.y + padding / 2 + lineHeight * Double(index) + metrics.ascent
                canvas.drawText(line, centeredAt: Double(frameWidth) / 2, baseline: baseline)
            }
        }
        let image = canvas.image()
        // The box, grown to whole 2×2 chroma blocks and kept inside the frame.
        let x0 = max(0, Int(box.x.rounded(.down)) & ~1)
        let y0 = max(0, Int(box.y.rounded(.down)) & ~1)
        let x1 = min(frameWidth, (Int((box.x + box.width).rounded(.up)) + 1) & ~1)
        let y1 = min(frameHeight, (Int((box.y + box.height).rounded(.up)) + 1) & ~1)
        x = x0
        y = y0
        width = lines.isEmpty ? 0 : max(0, x1 - x0)
        height = lines.isEmpty ? 0 : max(0, y1 - y0)
        var alpha = [Float](repeating: 0, count: width * height)
        var luma = alpha
        var chromaAlpha = [Float](repeating: 0, count: width * height / 4)
        var cb = chromaAlpha
        var cr = chromaAlpha
        for row in 0..<height {
            for column in 0..<width {
                let p = ((y0 + row) * frameWidth + x0 + column) * 4
                let a = Float(image.pixels[p + 3]) / 255
                let r = Float(image.pixels[p]) / 255
                let g = Float(image.pixels[p + 1]) / 255
                let b = Float(image.pixels[p + 2]) / 255
                let yValue = 0.2126 * r + 0.7152 * g + 0.0722 * b
                let index = row * width + column
                alpha[index] = a
                luma[index] = a * (16 + 219 * yValue)
                let c = (row / 2) * (width / 2) + column / 2
                chromaAlpha[c] += a / 4
                cb[c] += a * (128 + 224 * (b - yValue) / 1.8556) / 4
                cr[c] += a * (128 + 224 * (r - yValue) / 1.5748) / 4
            }
        }
        self.alpha = alpha
        self.luma = luma
        self.chromaAlpha = chromaAlpha
        self.cb = cb
        self.cr = cr
    }

    /// Lays the overlay over a yuv420p frame of the size it was drawn for.
    func composite(onto frame: inout [UInt8], frameWidth: Int, frameHeight: Int) {
        guard width > 0, height > 0 else { return }
        let chromaWidth = frameWidth / 2
        let cbOffset = frameWidth * frameHeight
        let crOffset = cbOffset + cbOffset / 4
        frame.withUnsafeMutableBufferPointer { bytes in
            for row in 0..<height {
                let line = (y + row) * frameWidth + x
                for column in 0..<width {
                    let index = row * width + column
                    let a = alpha[index]
                    guard a > 0 else { continue }
                    let value = Float(bytes[line + column]) * (1 - a) + luma[index]
                    bytes[line + column] = UInt8(max(0, min(255, value.rounded())))
                }
            }
            for row in 0..<(height / 2) {
                let line = (y / 2 + row) * chromaWidth + x / 2
                for column in 0..<(width / 2) {
                    let index = row * (width / 2) + column
                    let a = chromaAlpha[index]
                    guard a > 0 else { continue }
                    let u = Float(bytes[cbOffset + line + column]) * (1 - a) + cb[index]
                    let v = Float(bytes[crOffset + line + column]) * (1 - a) + cr[index]
                    bytes[cbOffset + line + column] = UInt8(max(0, min(255, u.rounded())))
                    bytes[crOffset + line + column] = UInt8(max(0, min(255, v.rounded())))
                }
            }
        }
    }
}
