import ReelKit
import Testing

@Suite struct SplitMix64Tests {
    /// The reference outputs for seed 0 (Vigna's splitmix64.c), so every machine draws the same.
    @Test func matchesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func unitStaysInsideZeroToOne() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let value = random.unit()
            #expect(value >= 0 && value < 1)
        }
    }
}
