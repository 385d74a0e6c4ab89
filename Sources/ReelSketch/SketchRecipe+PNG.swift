import Foundation

/// The recipe travels inside the PNG it drew, as a `tEXt` chunk (keyword `reel-sketch`, JSON in
/// base64 so any prompt is plain Latin-1): image viewers and decoders skip it, the blob store
/// keeps the bytes as they are, and the image is still an ordinary PNG anywhere else.
extension SketchRecipe {
    static let keyword = "reel-sketch"
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `png` with this recipe written just before its end; bytes that are not a PNG come back unchanged.
    func embedded(in png: Data) -> Data {
        let bytes = [UInt8](png)
        guard bytes.count >= 20, Array(bytes.prefix(8)) == Self.signature,
            Array(bytes[(bytes.count - 8)..<(bytes.count - 4)]) == Array("IEND".utf8),
            let json = try? Self.encoder.encode(self)
        else { return png }
        let text = Array(Self.keyword.utf8) + [0] + Array(json.base64EncodedString().utf8)
        let typed = Array("tEXt".utf8) + text
        let chunk = Self.bigEndian(UInt32(text.count)) + typed + Self.bigEndian(Self.crc32(typed))
        var out = Array(bytes[..<(bytes.count - 12)])
        out += chunk
        out += bytes[(bytes.count - 12)...]
        return Data(out)
    }

    /// The recipe a PNG carries, or `nil` for any other image.
    init?(png: Data) {
        let bytes = [UInt8](png)
        guard bytes.count >= 20, Array(bytes.prefix(8)) == Self.signature else { return nil }
        let prefix = Array(Self.keyword.utf8) + [0]
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { return nil }
            if type == "tEXt", Array(bytes[start..<min(start + prefix.count, start + length)]) == prefix,
                let json = Data(base64Encoded: Data(bytes[(start + prefix.count)..<(start + length)])),
                let recipe = try? JSONDecoder().decode(SketchRecipe.self, from: json)
            {
                self = recipe
                return
            }
            if type == "IEND" { return nil }
            offset = start + length + 4
        }
        return nil
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    /// The chunk checksum PNG asks for (CRC-32 of the type and data).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(UInt32.max) { crc, byte in crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
