/// The 2×2 grid of a take's candidates, as Midjourney shows them: candidate 1 top left,
/// 2 top right, 3 bottom left, 4 bottom right, with a thin dark gutter.
public enum CandidateGrid {
    /// A grid no wider than `maxWidth`; cells keep the candidates' aspect ratio. Missing cells
    /// (fewer than four candidates) stay dark.
    public static func compose(_ candidates: [RGBAImage], maxWidth: Int = 1536, gutter: Int = 6) -> RGBAImage {
        precondition(!candidates.isEmpty, "a grid needs at least one candidate")
        let first = candidates[0]
        let columns = candidates.count == 1 ? 1 : 2
        let rows = (candidates.count + 1) / 2
        let cellWidth = max(1, min(first.width, (maxWidth - gutter * (columns + 1)) / columns))
        let cellHeight = max(1, Int((Double(cellWidth) * Double(first.height) / Double(first.width)).rounded()))
        var grid = RGBAImage(
            width: columns * cellWidth + gutter * (columns + 1), height: rows * cellHeight + gutter * (rows + 1),
            fill: (18, 18, 20, 255))
        for (index, candidate) in candidates.enumerated() {
            let cell = candidate.resized(width: cellWidth, height: cellHeight)
            let column = index % columns, row = index / columns
            grid.paste(cell, x: gutter + column * (cellWidth + gutter), y: gutter + row * (cellHeight + gutter))
        }
        return grid
    }
}
