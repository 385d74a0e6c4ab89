/// Stable seed arithmetic. Swift's `Hasher` is randomised per process, so seeds that must be
/// the same on every run and every machine are derived with FNV-1a instead.
public enum Seeds {
    /// 32-bit FNV-1a of the UTF-8 bytes of `parts` joined with a separator byte.
    public static func fnv1a(_ parts: [String]) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for (index, part) in parts.enumerated() {
            if index > 0 {
                hash ^= 0x1F
                hash = hash &* 0x0100_0193
            }
            for byte in part.utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
        }
        return hash
    }

    /// The seed of a shot that sets none: derived from the film's seed and the shot's id, so
    /// reordering shots or adding new ones leaves every other shot's seed alone.
    public static func shot(_ shotID: String, filmSeed: UInt32) -> UInt32 {
        fnv1a(["shot", String(filmSeed), shotID])
    }

    /// A fresh seed for the n-th reroll or variation of a take, derived from its parent seed.
    public static func derived(from seed: UInt32, purpose: String, index: Int) -> UInt32 {
        fnv1a([purpose, String(seed), String(index)])
    }
}
