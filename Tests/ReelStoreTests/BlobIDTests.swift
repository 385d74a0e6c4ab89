import Foundation
import ReelStore
import Testing

@Suite struct BlobIDTests {
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func acceptsSixtyFourLowercaseHexDigits() throws {
        let id = try BlobID(Self.abc)
        #expect(id.hex == Self.abc)
        #expect(id.short == "ba7816bf8f01")
    }

    @Test func hashesContentWithSHA256() {
        #expect(BlobID.of(Data("abc".utf8)).hex == Self.abc)
        #expect(BlobID.of(Data()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: [
        "../x",
        "../" + String(repeating: "a", count: 61),
        "ab/" + String(repeating: "c", count: 61),
        String(Self.abc.dropLast()),
        Self.abc + "0",
        Self.abc.uppercased(),
        String(Self.abc.dropLast()) + "g",
        String(Self.abc.dropLast()) + "é",
        "",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(BlobID(validating: text) == nil)
        #expect {
            try BlobID(text)
        } throws: { error in
            (error as? StoreError)?.code == .invalidBlobID
        }
    }

    @Test func roundTripsThroughJSONAsAString() throws {
        let id = try BlobID(Self.abc)
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(Self.abc)\"]")
        #expect(try JSONDecoder().decode([BlobID].self, from: json) == [id])
    }

    @Test func refusesToDecodeATraversalFromJSON() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([BlobID].self, from: Data(#"["../../etc/passwd"]"#.utf8))
        }
    }
}
