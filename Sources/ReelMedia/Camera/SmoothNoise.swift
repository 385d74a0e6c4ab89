import ReelKit

/// One-dimensional value noise: seeded random values at integer times, joined with a C² fade.
///
/// Deterministic for a seed, bounded to [-1, 1] (every value is a convex blend of lattice values),
/// and smooth, so a shake built from it never jumps between frames.
struct SmoothNoise: Sendable, Hashable {
    var seed: UInt64

    func value(at time: Double) -> Double {
        let cell = time.rounded(.down)
        let fraction = time - cell
        let index = Int64(cell)
        let a = lattice(index)
        let b = lattice(index &+ 1)
        return a + (b - a) * Easing.quintic(fraction)
    }

    /// A uniform value in [-1, 1] for a lattice point, from SplitMix64 of seed and index.
    private func lattice(_ index: Int64) -> Double {
        let z = SplitMix64.mix(seed &+ UInt64(bitPattern: index) &* SplitMix64.increment)
        return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
}
