import Foundation
import ReelKit

/// Why bytes could not be turned into an ``RGBAImage``: what was wrong, in words a user can act on
/// ("truncated PNG data", "not an image: starts with '<html>'"), and a stable ``code`` to branch on.
public struct ImageDecodingError: ReelFailure, Hashable {
    /// A stable kind of failure; new kinds may be added without breaking callers.
    public struct Code: FailureCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Zero bytes.
        public static let empty = Code(rawValue: "empty-image")
        /// The bytes start with no known image signature (often an HTML or JSON error page).
        public static let notAnImage = Code(rawValue: "not-an-image")
        /// The data ends before the image does: a cut-off download or write.
        public static let truncated = Code(rawValue: "truncated-image")
        /// The signature is right but the content is not a valid image.
        public static let corrupt = Code(rawValue: "corrupt-image")
        /// The header declares a size larger than Reel accepts; nothing was allocated for it.
        public static let tooLarge = Code(rawValue: "image-too-large")
        /// A valid file of a kind this decoder does not handle.
        public static let unsupported = Code(rawValue: "unsupported-image")
    }

    /// The largest width or height accepted, checked before any pixel memory is allocated.
    public static let maximumSide = 16384

    public var code: Code
    /// The format the signature announced, when there was one.
    public var format: ImageFormat?
    /// One sentence: what was wrong.
    public var message: String

    public init(_ code: Code, format: ImageFormat?, message: String) {
        self.code = code
        self.format = format
        self.message = message
    }

    /// The bytes came from outside (a reference image, a backend's answer): the user fixes them.
    public var kind: FailureKind { .invalidInput }

    public var description: String { message }

    static func truncated(_ format: ImageFormat, detail: String? = nil) -> ImageDecodingError {
        ImageDecodingError(.truncated, format: format, message: "truncated \(format) data" + suffix(detail))
    }

    static func corrupt(_ format: ImageFormat, detail: String) -> ImageDecodingError {
        ImageDecodingError(.corrupt, format: format, message: "invalid \(format) data: \(detail)")
    }

    static func tooLarge(_ format: ImageFormat, width: Int, height: Int) -> ImageDecodingError {
        ImageDecodingError(
            .tooLarge, format: format,
            message: "\(format) image of \(width)x\(height) is too large: at most \(maximumSide) pixels a side")
    }

    /// Checks a header's declared size before anything is allocated for it.
    static func checkSize(_ format: ImageFormat, width: Int, height: Int) throws {
        guard width > 0, height > 0 else {
            throw corrupt(format, detail: "the header declares an empty \(width)x\(height) image")
        }
        guard width <= maximumSide, height <= maximumSide else {
            throw tooLarge(format, width: width, height: height)
        }
    }

    /// For bytes with no image signature: names what they start with, so an HTML error page or a JSON
    /// body returned in place of an image is recognisable at a glance.
    static func notAnImage(_ data: Data) -> ImageDecodingError {
        guard !data.isEmpty else {
            return ImageDecodingError(.empty, format: nil, message: "not an image: the data is empty (zero bytes)")
        }
        let head = [UInt8](data.prefix(16))
        let printable = head.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if printable {
            let text =
                String(decoding: head, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return ImageDecodingError(.notAnImage, format: nil, message: "not an image: starts with '\(text)'")
        }
        let hex = head.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
        return ImageDecodingError(
            .notAnImage, format: nil, message: "not an image: starts with bytes \(hex) (not PNG, JPEG, WebP or GIF)")
    }

    private static func suffix(_ detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return "" }
        return " (\(detail))"
    }
}
