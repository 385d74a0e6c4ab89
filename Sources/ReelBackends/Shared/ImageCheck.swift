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

extension ImageCheck {
    /// The same checks on a result streamed to `file`, reading only its header and structure.
    static func verify(fileAt file: URL, backend: String, what: String) throws {
        let problem: String?
        do {
            problem = try ImageCompleteness.problem(inFileAt: file)
        } catch {
            throw BackendError(.notAnImage, backend: backend, "\(backend)'s \(what) could not be read back: \(error)")
        }
        guard let problem else { return }
        let handle = try? FileHandle(forReadingFrom: file)
        defer { try? handle?.close() }
        let head = (try? handle?.read(upToCount: 60)) ?? Data()
        if ImageFormat.sniff(head) == nil {
            let start = String(decoding: head, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            throw BackendError(
                .notAnImage, backend: backend,
                "\(backend) returned \(what) that is not a PNG, JPEG or WebP image (\(size) bytes, beginning "
                    + "'\(start)'); check the workflow's output node and the server's log")
        }
        throw BackendError(
            .notAnImage, backend: backend, "\(backend) returned \(what) that cannot be used: \(problem) — try again")
    }
}
