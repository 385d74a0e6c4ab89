import Foundation
import ReelMedia

/// `data:` URIs: how images go inline in a JSON body where a service takes a URL, and how
/// models in a sync mode answer inline.
enum DataURI {
    /// An image (or any file) as a `data:` URI, its type sniffed from the bytes.
    static func encode(_ data: Data) -> String {
        let type = ImageFormat.sniff(data).map { "image/\($0.rawValue)" } ?? "application/octet-stream"
        return encode(data, type: type)
    }

    static func encode(_ data: Data, type: String) -> String {
        "data:\(type);base64,\(data.base64EncodedString())"
    }

    /// The bytes of a `data:` URI, or `nil` when `text` is not one.
    static func decode(_ text: String) -> Data? {
        guard text.hasPrefix("data:"), let comma = text.firstIndex(of: ",") else { return nil }
        return Data(base64Encoded: String(text[text.index(after: comma)...]), options: .ignoreUnknownCharacters)
    }
}
