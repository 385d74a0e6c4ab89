/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator whose output is the same on
/// every machine and every run, for anything Reel draws "at random" that must replay exactly:
/// sketch frames, camera shake, test pictures.
///
/// ```swift
/// var random = SplitMix64(seed: 42)
/// let x = random.unit()   // uniform in [0, 1)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The golden-ratio increment each step adds to the state.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// The generator's output function: a well-mixed 64-bit value from any 64-bit input, for
    /// hashing a lattice point or an index without keeping a stream.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
