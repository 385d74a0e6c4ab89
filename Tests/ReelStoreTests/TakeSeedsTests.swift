import Testing

@testable import ReelStore

/// The `seeds` column is read by hand; it must read every array a JSON decoder reads, the same.
@Suite struct TakeSeedsTests {
    @Test(
        arguments: [
            ("[]", []), ("[7]", [7]), ("[7,18446744073709551615]", [7, UInt64.max]), ("[ 1, 2 ,3 ]", [1, 2, 3]),
            ("\n[1,\n2]", [1, 2]),
        ] as [(String, [UInt64])])
    func readsTheArrayReelWrites(text: String, seeds: [UInt64]) throws {
        #expect(try Take.seeds(from: text) == seeds)
    }

    @Test(arguments: ["[-1]", "[1.5]", "1", "[18446744073709551616]"])
    func refusesWhatIsNotAnArrayOfSeeds(text: String) {
        #expect(throws: (any Error).self) { try Take.seeds(from: text) }
    }
}
