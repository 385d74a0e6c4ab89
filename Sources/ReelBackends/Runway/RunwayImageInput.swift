import Foundation
import ReelMedia

/// How an image goes to Runway: inline as a `data:` URI, which Runway takes up to 5 MB
/// (backend-apis.md §5). A still too big for that as PNG (a detailed 1080p frame can be) is
/// sent as a JPEG instead, at a quality that fits; the upload flow for larger files is not built.
enum RunwayImageInput {
    /// Runway's limit for an image given as a data URI (5 MB, taken as 5,000,000 characters).
    static let maxDataURI = 5_000_000

    static func dataURI(_ data: Data, what: String) throws -> String {
        let plain = DataURI.encode(data)
        if plain.utf8.count <= maxDataURI { return plain }
        let image = try RGBAImage(decoding: data)
        for quality in [90, 80, 65] {
            let jpeg = DataURI.encode(try image.encoded(as: .jpeg(quality: quality)), type: "image/jpeg")
            if jpeg.utf8.count <= maxDataURI { return jpeg }
        }
        throw BackendError(
            .rejected, backend: RunwayErrors.backend,
            "\(what) is too large for Runway even as a JPEG (\(data.count >> 20) MB); use a smaller image")
    }
}
