/// Remembers the nearest palette entry for small cells of colour space, so a frame of ~350,000
/// pixels costs one palette search per distinct cell rather than one per pixel. Cells are 2 luma
/// levels by 4×4 chroma levels; the small error this adds is diffused away like any quantisation error.
struct GIFNearestCache {
    private let palette: GIFPalette
    private var entries: [Int16]

    private static let lumaCells = 128
    private static let chromaCells = 48
    private static let chromaOffset: Float = 96

    init(palette: GIFPalette) {
        self.palette = palette
        entries = [Int16](repeating: -1, count: Self.lumaCells * Self.chromaCells * Self.chromaCells)
    }

    @inline(__always)
    mutating func index(for color: GIFColor) -> Int {
        let y = min(max(Int(color.y * 0.5), 0), Self.lumaCells - 1)
        let u = min(max(Int((color.u + Self.chromaOffset) * 0.25), 0), Self.chromaCells - 1)
        let v = min(max(Int((color.v + Self.chromaOffset) * 0.25), 0), Self.chromaCells - 1)
        let key = (y * Self.chromaCells + u) * Self.chromaCells + v
        let cached = entries[key]
        if cached >= 0 { return Int(cached) }
        let center = GIFColor(
            y: Float(y) * 2 + 1, u: Float(u) * 4 + 2 - Self.chromaOffset, v: Float(v) * 4 + 2 - Self.chromaOffset)
        let found = palette.nearest(center)
        entries[key] = Int16(found)
        return found
    }
}
