/// The 2×2 grid of a take's candidates, as Midjourney shows them: candidate 1 top left,
/// 2 top right, 3 bottom left, 4 bottom right, with a thin dark gutter.
///
/// Candidates are placed one at a time, so a take of large images holds one of them decoded at
/// a time, not all four.
public struct CandidateGrid: Sendable {
    public private(set) var image: RGBAImage
    let columns: Int
    let cellWidth: Int
    let cellHeight: Int
    let gutter: Int

    /// An empty grid for `count` candidates shaped like `first` (width × height), no wider than
    /// `maxWidth`; cells keep that aspect ratio. Cells left empty stay dark.
    public init(count: Int, first: (width: Int, height: Int), maxWidth: Int = 1536, gutter: Int = 6) {
        columns = count <= 1 ? 1 : 2
        let rows = (max(1, count) + 1) / 2
        cellWidth = max(1, min(first.width, (maxWidth - gutter * (columns + 1)) / columns))
        cellHeight = max(1, Int((Double(cellWidth) * Double(first.height) / Double(max(1, first.width))).rounded()))
        self.gutter = gutter
        image = RGBAImage(
            width: columns * cellWidth + gutter * (columns + 1), height: rows * cellHeight + gutter * (rows + 1),
            fill: (18, 18, 20, 255))
    }

    /// Draws candidate `index` (0-based) into its cell, resized to fit.
    public mutating func place(_ candidate: RGBAImage, at index: Int) {
        let cell = candidate.resized(width: cellWidth, height: cellHeight)
        let column = index % columns, row = index / columns
        image.paste(cell, x: gutter + column * (cellWidth + gutter), y: gutter + row * (cellHeight + gutter))
    }

    /// Decodes candidate `index` (0-based) straight into its cell, row by row where the format
    /// allows, so the whole candidate is never in memory.
    public mutating func place(decoding candidate: DownsamplingDecoder, at index: Int) throws {
        let cell = try candidate.decode(width: cellWidth, height: cellHeight)
        let column = index % columns, row = index / columns
        image.paste(cell, x: gutter + column * (cellWidth + gutter), y: gutter + row * (cellHeight + gutter))
    }

    /// The grid of `candidates` in one go.
    public static func compose(_ candidates: [RGBAImage], maxWidth: Int = 1536, gutter: Int = 6) -> RGBAImage {
        precondition(!candidates.isEmpty, "a grid needs at least one candidate")
        var grid = CandidateGrid(
            count: candidates.count, first: (candidates[0].width, candidates[0].height), maxWidth: maxWidth,
            gutter: gutter)
        for (index, candidate) in candidates.enumerated() { grid.place(candidate, at: index) }
        return grid.image
    }
}
