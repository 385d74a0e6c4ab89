import Foundation
import ReelKit
import ReelMedia
import ReelStore
import Synchronization

/// Fetches the bytes at an http(s) URL, as the session's HTTP client does: the status, the
/// `Content-Type` and at most `limit` bytes of body (more is an error). Injected into the studio,
/// so the engine itself never opens a connection.
public typealias URLFetcher =
    @Sendable (_ url: String, _ limit: Int) async throws -> (
        status: Int, contentType: String?, body: Data
    )

extension MetaKey {
    /// Where a reference URL's download is recorded: the blob its bytes are stored as.
    static func referenceURL(_ url: String) -> MetaKey {
        MetaKey(rawValue: "url.\(BlobID.of(Data(url.utf8)).hex)")
    }
}

/// What became of the reference URLs this studio tried to download and could not, by URL.
final class ReferenceDownloadFailures: Sendable {
    private let failures = Mutex<[String: String]>([:])

    func record(_ message: String, for url: String) { failures.withLock { $0[url] = message } }
    func message(for url: String) -> String? { failures.withLock { $0[url] } }
}

extension Studio {
    /// The largest image a reference URL may answer.
    public static let referenceByteLimit = 32 << 20

    /// Downloads every image URL a shot names (`--cref`, `--sref`, image prompts) that is not in
    /// the store yet, once: the bytes must say they are an image (`Content-Type: image/…`), decode
    /// as PNG, JPEG or WebP and stay under ``referenceByteLimit``. A URL that fails fails the
    /// shots that name it, with the reason and where the prompt is written; the rest go on.
    /// Returns how many were downloaded.
    @discardableResult
    public func downloadReferenceURLs() async throws -> Int {
        var downloaded = 0
        for (url, shot) in referenceURLs() where try store.meta(.referenceURL(url)) == nil {
            guard let fetchURL else {
                referenceFailures.record("no network access here to download it", for: url)
                continue
            }
            do {
                let answer = try await fetchURL(url, Self.referenceByteLimit)
                let data = try Self.checkedReference(answer, url: url)
                let blob = try store.blobs.put(data)
                try store.setMeta(blob.hex, for: .referenceURL(url))
                downloaded += 1
                progress.note("downloaded the reference \(url) (\(data.count / 1024) KB) for shot '\(shot)'")
            } catch let error as CancellationError {
                throw error
            } catch {
                referenceFailures.record(Self.message(of: error), for: url)
            }
        }
        return downloaded
    }

    /// Every URL the film's shots name as an image, with the first shot that names it.
    func referenceURLs() -> [(url: String, shot: String)] {
        var found: [(String, String)] = []
        for shot in film.shots {
            let request = composer.compose(shot).request
            let sources =
                [request.initImage].compactMap { $0 } + request.imagePrompts.map(\.source)
                + request.characterReferences.map(\.source) + request.styleReferences.map(\.source)
            for case .url(let url) in sources where !found.contains(where: { $0.0 == url }) {
                found.append((url, shot.id))
            }
        }
        return found
    }

    /// The stored image a reference URL was downloaded as, or the error that says why there is none.
    func resolveReferenceURL(_ url: String, for shot: Shot) throws -> ImageSource {
        if let hex = try store.meta(.referenceURL(url)) { return .blob(hex) }
        let place = shot.sourceMap["prompt"].map { "\($0): " } ?? ""
        let reason = referenceFailures.message(for: url) ?? "it has not been downloaded yet (`reel make` downloads it)"
        throw ReelError(.invalidInput, "\(place)shot '\(shot.id)': the image \(url) cannot be used: \(reason)")
    }

    /// The body of a reference URL's answer, when it is an image Reel can read.
    static func checkedReference(_ answer: (status: Int, contentType: String?, body: Data), url: String) throws -> Data
    {
        guard (200..<300).contains(answer.status) else {
            throw ReelError(.notFound, "the server answered HTTP \(answer.status); check the URL")
        }
        let type = answer.contentType?.lowercased() ?? ""
        guard type.hasPrefix("image/") else {
            throw ReelError(
                .invalidInput, "the server says it is \(type.isEmpty ? "of no type" : "'\(type)'"), not an image")
        }
        guard ImageFormat.sniff(answer.body) != nil, (try? RGBAImage(decoding: answer.body)) != nil else {
            throw ReelError(.invalidInput, "its bytes are not a PNG, JPEG or WebP image Reel can read")
        }
        return answer.body
    }
}
