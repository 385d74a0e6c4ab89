import Foundation
import ReelMedia

/// Real photographs of two people for the identity scorer's tests (obama.jpg, obama2.jpg,
/// obama3.jpg, obama_partial_face*.jpg, biden.jpg from the face_recognition 1.3.0 sdist), which
/// scripts/bootstrap puts in `$REEL_FACE_PHOTOS`, else `$XDG_CACHE_HOME/reel/face-photos`, else
/// `~/.cache/reel/face-photos`. Tests skip without them on a developer's machine and fail under CI.
public enum FacePhotos {
    public static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["REEL_FACE_PHOTOS"], !directory.isEmpty { return URL(filePath: directory) }
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: NSHomeDirectory()).appending(path: ".cache")
        return cache.appending(path: "reel/face-photos")
    }

    /// Whether the photographs are there.
    public static var present: Bool { FileManager.default.fileExists(atPath: url("biden.jpg").path) }

    /// Under CI, where a missing photograph is a failure rather than a reason to skip.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public static func url(_ name: String) -> URL { directory.appending(path: name) }

    /// The photograph's bytes; throws naming the bootstrap when it is missing.
    public static func data(_ name: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url(name).path) else {
            throw CocoaError(
                .fileNoSuchFile,
                userInfo: [NSFilePathErrorKey: url(name).path, NSLocalizedDescriptionKey: "run scripts/bootstrap"])
        }
        return data
    }

    public static func image(_ name: String) throws -> RGBAImage { try RGBAImage(decoding: data(name)) }
}
