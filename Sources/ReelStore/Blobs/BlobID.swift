import Crypto
import Foundation

/// The SHA-256 of a blob's content, as 64 lowercase hexadecimal digits.
///
/// Construction validates the text, so a `BlobID` can never name anything outside the blob
/// store: `../x`, uppercase digits or a short prefix are rejected with
/// ``StoreError/Code-swift.struct/invalidBlobID``.
public struct BlobID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 64 lowercase hexadecimal digits.
    public let hex: String

    /// Validates `hex` as a blob id.
    /// - Throws: ``StoreError`` with code `.invalidBlobID` unless `hex` is exactly 64 characters
    ///   of `0-9a-f`.
    public init(_ hex: String) throws {
        guard let id = BlobID(validating: hex) else {
            throw StoreError(
                .invalidBlobID,
                "'\(hex.prefix(80))' is not a blob id; a blob id is 64 lowercase hexadecimal digits (a SHA-256)")
        }
        self = id
    }

    /// Validates `hex` as a blob id, or returns nil.
    public init?(validating hex: String) {
        let utf8 = hex.utf8
        guard utf8.count == 64, utf8.allSatisfy(BlobID.isLowercaseHexDigit) else { return nil }
        self.hex = hex
    }

    /// The id of content whose SHA-256 is `digest`.
    init(digest: SHA256.Digest) {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        hex = String(decoding: text, as: UTF8.self)
    }

    /// The id of `bytes`, computed in memory.
    public static func of(_ bytes: some DataProtocol) -> BlobID {
        BlobID(digest: SHA256.hash(data: bytes))
    }

    /// The first two digits: the name of the directory the blob lives in.
    var shard: String { String(hex.prefix(2)) }
    /// The remaining 62 digits: the blob's file name inside its shard directory.
    var fileName: String { String(hex.dropFirst(2)) }

    /// The first 12 digits, enough to tell blobs apart in messages.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: BlobID, rhs: BlobID) -> Bool { lhs.hex < rhs.hex }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}

extension BlobID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = BlobID(validating: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text.prefix(80))' is not a blob id"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
