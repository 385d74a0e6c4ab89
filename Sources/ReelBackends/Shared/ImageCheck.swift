import Foundation
import ReelMedia

/// Checks that bytes a server returned as an image are one Reel can use, so a cut-short
/// download or an HTML error page is reported as such instead of failing later in the engine.
/// Completeness is read from the file's structure; the engine decodes every image anyway.
enum ImageCheck {
    static func verify(_ data: Data, backend: String, what: String) throws {
        guard ImageFormat.sniff(data) != nil else {
            let start = String(decoding: data.prefix(60), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw BackendError(
                .notAnImage, backend: backend,
                "\(backend) returned \(what) that is not a PNG, JPEG or WebP image (\(data.count) bytes, beginning "
                    + "'\(start)'); check the workflow's output node and the server's log")
        }
        if let problem = ImageCompleteness.problem(in: data) {
            throw BackendError(
                .notAnImage, backend: backend,
                "\(backend) returned \(what) that cannot be used: \(problem) — try again")
        }
    }
}
