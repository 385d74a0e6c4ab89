/// Where a storyboard sheet's panels go on a page: a grid of cells, each a picture in the film's
/// aspect over a caption, chosen to fit as many panels as stay readable.
///
/// Every page of one sheet uses the same grid, so a crew finds shot 7 where shot 1 was.
public struct StoryboardLayout: Sendable, Hashable {
    /// One panel's place: the picture frame and the text block under it.
    public struct Cell: Sendable, Hashable {
        public var picture: CanvasRect
        public var caption: CanvasRect
    }

    public let columns: Int
    public let rows: Int
    /// The cells of a page, row by row.
    public let cells: [Cell]
    /// Where the title block goes, above the grid.
    public let header: CanvasRect

    public var panelsPerPage: Int { columns * rows }

    /// Space around the page's edge and between cells, in points.
    public static let margin = 28.0
    public static let gap = 16.0
    public static let headerHeight = 40.0
    /// The least caption a panel keeps: its number and id, framing and timing, a few dialog lines
    /// and the prompt.
    public static let minimumCaptionHeight = 96.0
    /// The least picture area (square points) a panel may have: about 2.2 × 1.3 in.
    public static let minimumPictureArea = 20_000.0
    static let captionGap = 6.0

    /// The grid for pictures of `aspect` (width over height) on a page of `width` × `height` points.
    public init(pageWidth width: Double, pageHeight height: Double, aspect: Double) {
        let aspect = min(8, max(0.125, aspect.isFinite ? aspect : 16.0 / 9))
        let margin = Self.margin
        let gap = Self.gap
        header = CanvasRect(x: margin, y: margin, width: width - 2 * margin, height: Self.headerHeight)
        let area = CanvasRect(
            x: margin, y: header.maxY, width: width - 2 * margin, height: height - 2 * margin - Self.headerHeight)

        typealias Grid = (columns: Int, rows: Int, pictureHeight: Double, area: Double)
        // Readable grids beat unreadable ones; then more panels a page; then bigger pictures.
        func better(_ a: Grid, than b: Grid) -> Bool {
            let aFits = a.area >= Self.minimumPictureArea
            let bFits = b.area >= Self.minimumPictureArea
            if aFits != bFits { return aFits }
            if aFits, a.columns * a.rows != b.columns * b.rows { return a.columns * a.rows > b.columns * b.rows }
            return a.area > b.area
        }
        var best: Grid?
        for columns in 1...5 {
            for rows in 1...4 {
                let cellWidth = (area.width - Double(columns - 1) * gap) / Double(columns)
                let cellHeight = (area.height - Double(rows - 1) * gap) / Double(rows)
                let pictureHeight = min(cellWidth / aspect, cellHeight - Self.minimumCaptionHeight - Self.captionGap)
                guard pictureHeight > 0 else { continue }
                let grid: Grid = (columns, rows, pictureHeight, pictureHeight * pictureHeight * aspect)
                if best.map({ better(grid, than: $0) }) ?? true { best = grid }
            }
        }
        let chosen = best ?? (1, 1, max(1, area.height / 2), 0)
        columns = chosen.columns
        rows = chosen.rows
        let cellWidth = (area.width - Double(columns - 1) * gap) / Double(columns)
        let cellHeight = (area.height - Double(rows - 1) * gap) / Double(rows)
        let pictureWidth = chosen.pictureHeight * aspect
        var cells: [Cell] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x = area.x + Double(column) * (cellWidth + gap)
                let y = area.y + Double(row) * (cellHeight + gap)
                let picture = CanvasRect(x: x, y: y, width: pictureWidth, height: chosen.pictureHeight)
                let captionTop = picture.maxY + Self.captionGap
                let caption = CanvasRect(x: x, y: captionTop, width: cellWidth, height: y + cellHeight - captionTop)
                cells.append(Cell(picture: picture, caption: caption))
            }
        }
        self.cells = cells
    }

    /// Pages needed for `count` panels (at least one, so an empty film still gets its title block).
    public func pageCount(for count: Int) -> Int {
        max(1, (count + panelsPerPage - 1) / panelsPerPage)
    }
}
