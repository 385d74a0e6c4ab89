import Foundation
import ReelKit

/// One panel of a storyboard sheet: the framed picture (or an empty frame) and its caption.
extension StoryboardSheet {
    /// Type sizes of a caption, in points.
    enum TypeSize {
        static let heading = 10.0
        static let detail = 8.0
        static let dialog = 8.0
        static let prompt = 6.5
        static let leading = 1.3
    }

    func drawPanel(_ panel: Panel, in cell: StoryboardLayout.Cell, on canvas: Canvas) throws {
        let frame = cell.picture
        if let picture = panel.picture, picture.width > 0, picture.height > 0 {
            canvas.setColor(.black)
            canvas.addRect(frame)
            canvas.fill()
            let placed = frame.fitting(aspect: Double(picture.width) / Double(picture.height))
            let printed = self.printed(picture, width: placed.width)
            canvas.drawPhoto(printed, jpeg: try printed.encoded(as: .jpeg(quality: jpegQuality)), in: placed)
        } else {
            canvas.setColor(Color(hex: 0xF4F4F4))
            canvas.addRect(frame)
            canvas.fill()
            canvas.setColor(Self.faintInk)
            canvas.setFont(size: 9)
            canvas.drawText("no pick yet", centeredAt: frame.midX, baseline: frame.midY + 3)
        }
        canvas.setColor(Self.ink)
        canvas.lineWidth = 0.8
        canvas.addRect(frame)
        canvas.stroke()
        drawCaption(panel, in: cell.caption, on: canvas)
    }

    /// The picture at no more than `pictureDPI` for a print `width` points wide.
    func printed(_ picture: RGBAImage, width: Double) -> RGBAImage {
        let most = Int((width / 72 * pictureDPI).rounded(.up))
        guard picture.width > most, most > 0 else { return picture }
        let height = max(1, Int((Double(picture.height) * Double(most) / Double(picture.width)).rounded()))
        return picture.resized(width: most, height: height)
    }

    /// Caption lines top down; dialog before the prompt, each cut short with "…" when the caption
    /// has no more room, so nothing is printed outside the panel's cell.
    private func drawCaption(_ panel: Panel, in rect: CanvasRect, on canvas: Canvas) {
        // Baselines stay a descent above the cell's bottom, so no glyph reaches past it.
        let bottom = rect.maxY - 2.5
        var baseline = rect.minY + TypeSize.heading
        let timecode = Timecode.smpte(panel.startFrame, fps: fps)
        canvas.setFont(size: TypeSize.detail)
        let timecodeWidth = canvas.textWidth(timecode)
        canvas.setColor(Self.secondaryInk)
        canvas.drawText(timecode, at: CanvasPoint(rect.maxX - timecodeWidth, baseline))
        canvas.setFont(size: TypeSize.heading, bold: true)
        canvas.setColor(Self.ink)
        let heading = canvas.truncated("\(panel.number)  \(panel.shotID)", toWidth: rect.width - timecodeWidth - 8)
        canvas.drawText(heading, at: CanvasPoint(rect.minX, baseline))

        baseline += TypeSize.detail * TypeSize.leading + 1
        canvas.setFont(size: TypeSize.detail)
        let transition = panel.transition.map { "→ \($0)" } ?? ""
        let transitionWidth = canvas.textWidth(transition)
        canvas.setColor(Self.secondaryInk)
        canvas.drawText(transition, at: CanvasPoint(rect.maxX - transitionWidth, baseline))
        let details = [panel.framing, panel.camera, Self.seconds(panel.duration)].compactMap { $0 }.filter {
            !$0.isEmpty
        }
        canvas.setColor(Self.ink)
        canvas.drawText(
            canvas.truncated(details.joined(separator: " · "), toWidth: rect.width - transitionWidth - 8),
            at: CanvasPoint(rect.minX, baseline))
        baseline += 3

        let dialogStep = TypeSize.dialog * TypeSize.leading
        let promptStep = TypeSize.prompt * TypeSize.leading
        let prompt = panel.prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        var room = bottom - baseline
        // The prompt keeps two lines when there is dialog; dialog gets every other line.
        let promptReserve = prompt.isEmpty ? 0 : Double(max(0, min(2, Int(room / promptStep)))) * promptStep
        var dialogLines = max(0, Int((room - promptReserve) / dialogStep))
        for (index, line) in panel.dialog.enumerated() where dialogLines > 0 {
            let speaker = line.speaker.uppercased() + "  "
            canvas.setFont(size: TypeSize.dialog, bold: true)
            let speakerWidth = min(canvas.textWidth(speaker), rect.width / 2)
            canvas.setFont(size: TypeSize.dialog)
            var wrapped = canvas.wrapped(
                line.text, toWidth: rect.width, firstLineWidth: rect.width - speakerWidth, maxLines: dialogLines)
            let unsaid = index < panel.dialog.count - 1 && wrapped.count == dialogLines
            if unsaid, let last = wrapped.popLast() {
                let lastRoom = wrapped.isEmpty ? rect.width - speakerWidth : rect.width
                wrapped.append(canvas.truncated(last + " …", toWidth: lastRoom))
            }
            for (lineIndex, text) in wrapped.enumerated() {
                baseline += dialogStep
                var x = rect.minX
                if lineIndex == 0 {
                    canvas.setFont(size: TypeSize.dialog, bold: true)
                    canvas.setColor(Self.ink)
                    canvas.drawText(canvas.truncated(speaker, toWidth: speakerWidth), at: CanvasPoint(x, baseline))
                    x += speakerWidth
                    canvas.setFont(size: TypeSize.dialog)
                }
                canvas.setColor(Self.ink)
                canvas.drawText(text, at: CanvasPoint(x, baseline))
            }
            dialogLines -= wrapped.count
            if unsaid { break }
        }

        room = bottom - baseline - 2
        let promptLines = min(3, Int(room / promptStep))
        guard !prompt.isEmpty, promptLines > 0 else { return }
        baseline += 2
        canvas.setFont(size: TypeSize.prompt)
        canvas.setColor(Self.faintInk)
        for line in canvas.wrapped(prompt, toWidth: rect.width, maxLines: promptLines) {
            baseline += promptStep
            canvas.drawText(line, at: CanvasPoint(rect.minX, baseline))
        }
    }

    /// "4 s", "2.5 s".
    static func seconds(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded)) s" : "\(rounded) s"
    }
}
