import Testing

@testable import ReelMedia

@Suite struct CanvasTextTests {
    @Test func textPutsInkWhereItIsDrawnAndNowhereElse() throws {
        let image = try Canvas.withCanvas(width: 300, height: 80) { canvas in
            canvas.setColor(.black)
            canvas.paint()
            canvas.setColor(.white)
            canvas.setFont(size: 32, bold: true)
            canvas.drawText("Harbour", at: CanvasPoint(20, 50))
            return canvas.image()
        }
        var inked = 0
        var stray = 0
        for y in 0..<80 {
            for x in 0..<300 where image[x, y].r > 128 {
                if x >= 18 && x < 200 && y >= 15 && y <= 60 { inked += 1 } else { stray += 1 }
            }
        }
        #expect(inked > 300)
        #expect(stray == 0)
    }

    @Test func longerTextIsWider() throws {
        try Canvas.withCanvas(width: 10, height: 10) { canvas in
            canvas.setFont(size: 20)
            #expect(canvas.textWidth("a cliff above the city") > canvas.textWidth("a cliff") * 2)
            #expect(canvas.fontMetrics.ascent > 10)
        }
    }

    @Test func truncationFitsTheWidthWithAnEllipsis() throws {
        try Canvas.withCanvas(width: 10, height: 10) { canvas in
            canvas.setFont(size: 14)
            let text = "a young pilot with short silver hair in a grey and teal flight suit"
            let short = canvas.truncated(text, toWidth: 120)
            #expect(canvas.textWidth(short) <= 120)
            #expect(short.hasSuffix("…"))
            #expect(canvas.truncated("short", toWidth: 120) == "short")
        }
    }

    @Test func wrappingBreaksAtSpacesWithinTheWidthAndLineCount() throws {
        try Canvas.withCanvas(width: 10, height: 10) { canvas in
            canvas.setFont(size: 14)
            let text = "a young pilot with short silver hair in a grey and teal flight suit stands on a cliff"
            let lines = canvas.wrapped(text, toWidth: 160, maxLines: 2)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { canvas.textWidth($0) <= 160 })
            #expect(lines[0].hasPrefix("a young pilot"))
            #expect(lines[1].hasSuffix("…"))
            let all = canvas.wrapped(text, toWidth: 160, maxLines: 20)
            #expect(all.joined(separator: " ") == text)
            #expect(canvas.fontSize(fitting: text, width: 100, startingAt: 14) < 14)
        }
    }
}
