import ReelKit

/// The sketch backend's random numbers: SplitMix64, so a request and a seed give the same frame
/// on every machine and every run. Each part of a frame draws from its own stream (`fork`), so
/// adding clouds does not move the windows of the city.
struct SketchRandom {
    private var generator: SplitMix64

    init(state: UInt64) {
        generator = SplitMix64(seed: state)
    }

    /// A stream for `seed`, salted so different uses of one seed do not repeat each other.
    init(seed: UInt32, salt: String) {
        self.init(state: UInt64(seed) &* SplitMix64.increment ^ Self.hash(salt))
    }

    /// An independent stream for one part of the frame.
    func fork(_ label: String) -> SketchRandom {
        var copy = SketchRandom(state: generator.state ^ Self.hash(label))
        _ = copy.next()
        return copy
    }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in 0..<1.
    mutating func unit() -> Double { generator.unit() }

    /// Uniform in `low..<high`.
    mutating func range(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Uniform in -1..<1.
    mutating func signed() -> Double { unit() * 2 - 1 }

    /// Uniform integer in `0..<count` (0 when `count` is not positive).
    mutating func below(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return Int(next() % UInt64(count))
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// One element of a non-empty array.
    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// A stable 64-bit FNV-1a hash of UTF-8 text (Swift's `Hasher` changes per process).
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }
}
