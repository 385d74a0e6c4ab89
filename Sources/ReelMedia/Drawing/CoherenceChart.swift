/// A film's coherence at a glance (`out/coherence.png`): each character's distance to its
/// references, shot by shot in film order, one coloured line with dots per character, the
/// threshold as a dashed line, and off-model points ringed in red.
///
/// ```swift
/// let chart = CoherenceChart(shots: ["ridge", "face"], series: [obama], threshold: 0.6)
/// try chart.render().encoded(as: .png).write(to: url)
/// ```
public struct CoherenceChart: Sendable {
    /// One character's points, one per shot (nil where the shot does not name it or was not scored).
    public struct Series: Sendable {
        public var character: String
        public var points: [Point?]

        public init(character: String, points: [Point?]) {
            self.character = character
            self.points = points
        }
    }

    /// A character's distance in one shot; `distance` nil for a missing face (drawn at the top).
    public struct Point: Sendable, Hashable {
        public var distance: Double?
        public var offModel: Bool

        public init(distance: Double?, offModel: Bool) {
            self.distance = distance
            self.offModel = offModel
        }
    }

    public var title: String?
    public var shots: [String]
    public var series: [Series]
    public var threshold: Double
    public var width: Int
    public var height: Int

    public init(
        title: String? = nil, shots: [String], series: [Series], threshold: Double, width: Int = 1200,
        height: Int = 640
    ) {
        self.title = title
        self.shots = shots
        self.series = series
        self.threshold = threshold
        self.width = width
        self.height = height
    }

    /// The characters' colours, in order (red is kept for off-model rings).
    public static let palette: [Color] = [
        Color(hex: 0x4C9AFF), Color(hex: 0x3DDC97), Color(hex: 0xF5A623), Color(hex: 0xB58CFF),
        Color(hex: 0x2EC4D6), Color(hex: 0xFF7EB6),
    ]
    public static let thresholdColor = Color(hex: 0xC4C6CC)
    public static let offModelColor = ContactSheet.offModelColor
    static let background = Color(hex: 0x15161A)

    public static func color(ofSeries index: Int) -> Color { palette[index % palette.count] }

    /// The plot's rectangle: room for the title and legend above, shot ids below, distances left.
    public var plot: CanvasRect {
        CanvasRect(x: 70, y: 84, width: Double(width) - 110, height: Double(height) - 84 - 70)
    }

    /// The top of the distance axis: at least 1, and above every point.
    public var top: Double {
        let largest = series.flatMap { $0.points.compactMap { $0?.distance } }.max() ?? 0
        return max(1, threshold + 0.1, (largest * 10).rounded(.up) / 10 + 0.1)
    }

    /// Where the chart draws `distance` in shot `index` (a missing face at the top).
    public func position(shot index: Int, distance: Double?) -> CanvasPoint {
        let step = plot.width / Double(max(1, shots.count))
        let x = plot.minX + step * (Double(index) + 0.5)
        let value = min(distance ?? top, top)
        return CanvasPoint(x, plot.maxY - plot.height * value / top)
    }

    public func render() throws -> RGBAImage {
        try Canvas.withCanvas(width: width, height: height) { canvas in
            canvas.setColor(Self.background)
            canvas.paint()
            drawAxes(on: canvas)
            drawThreshold(on: canvas)
            for (index, line) in series.enumerated() { draw(line, color: Self.color(ofSeries: index), on: canvas) }
            drawLegend(on: canvas)
            return canvas.image()
        }
    }

    private func drawAxes(on canvas: Canvas) {
        canvas.setFont(size: 13)
        var tick = 0.0
        while tick <= top + 1e-9 {
            let y = position(shot: 0, distance: tick).y
            canvas.setColor(Color(hex: 0x2A2C33))
            canvas.lineWidth = 1
            canvas.newPath()
            canvas.move(to: CanvasPoint(plot.minX, y))
            canvas.line(to: CanvasPoint(plot.maxX, y))
            canvas.stroke()
            canvas.setColor(Color(hex: 0x9A9CA5))
            canvas.drawText(String(format: "%.1f", tick), at: CanvasPoint(plot.minX - 40, y + 4))
            tick += 0.2
        }
        let step = plot.width / Double(max(1, shots.count))
        for (index, shot) in shots.enumerated() {
            let x = position(shot: index, distance: 0).x
            let label = canvas.truncated(shot, toWidth: max(20, step - 6))
            canvas.drawText(label, centeredAt: x, baseline: plot.maxY + 24)
        }
    }

    /// The threshold as a dashed line across the plot, labelled at its right end.
    private func drawThreshold(on canvas: Canvas) {
        let y = position(shot: 0, distance: threshold).y
        canvas.setColor(Self.thresholdColor)
        canvas.lineWidth = 2
        var x = plot.minX
        while x < plot.maxX {
            canvas.newPath()
            canvas.move(to: CanvasPoint(x, y))
            canvas.line(to: CanvasPoint(min(x + 10, plot.maxX), y))
            canvas.stroke()
            x += 16
        }
        canvas.setFont(size: 12)
        canvas.drawText(String(format: "threshold %.2f", threshold), at: CanvasPoint(plot.maxX - 100, y - 6))
    }

    private func draw(_ line: Series, color: Color, on canvas: Canvas) {
        let placed = line.points.enumerated().compactMap { index, point in
            point.map { (position(shot: index, distance: $0.distance), $0) }
        }
        canvas.setColor(color)
        canvas.lineWidth = 2.5
        if placed.count > 1 {
            canvas.newPath()
            canvas.addPolyline(placed.map { $0.0 })
            canvas.stroke()
        }
        for (at, point) in placed {
            if point.offModel {
                canvas.setColor(Self.offModelColor)
                canvas.newPath()
                canvas.addCircle(center: at, radius: 11)
                canvas.fill()
            }
            canvas.setColor(color)
            canvas.newPath()
            canvas.addCircle(center: at, radius: 6)
            canvas.fill()
        }
    }

    private func drawLegend(on canvas: Canvas) {
        canvas.setColor(Color(hex: 0xF2F0EA))
        canvas.setFont(size: 20, bold: true)
        canvas.drawText(
            title.map { "\($0): identity, shot by shot" } ?? "Identity, shot by shot", at: CanvasPoint(24, 34))
        canvas.setFont(size: 14)
        var x = 24.0
        for (index, line) in series.enumerated() {
            canvas.setColor(Self.color(ofSeries: index))
            canvas.newPath()
            canvas.addRect(CanvasRect(x: x, y: 52, width: 14, height: 14))
            canvas.fill()
            canvas.setColor(Color(hex: 0xE0E1E6))
            canvas.drawText(line.character, at: CanvasPoint(x + 20, 64))
            x += 20 + canvas.textWidth(line.character) + 24
        }
        canvas.setColor(Self.offModelColor)
        canvas.newPath()
        canvas.addCircle(center: CanvasPoint(x + 7, 59), radius: 7)
        canvas.fill()
        canvas.setColor(Color(hex: 0xE0E1E6))
        canvas.drawText("off-model", at: CanvasPoint(x + 20, 64))
    }
}
