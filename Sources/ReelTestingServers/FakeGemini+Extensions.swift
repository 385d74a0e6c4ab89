import Foundation
import ReelKit

/// The fake Gemini API's Veo extend: `instances[0].video.uri` names a clip one of its operations
/// made; only Veo 3.1 models extend, and an expired clip or operation cannot be extended (400).
extension FakeGemini {
    /// The Veo operations that extended a clip, with the file each extended, in order.
    public var extensions: [(operation: String, extended: String)] {
        videoSubmissions.compactMap { call in
            call.body["instances"]?.array?.first?["video"]?["uri"]?.string.map { (call.id, Self.fileName(of: $0)) }
        }
    }

    public func set(extendedVideo: Data?) { self.extendedVideo = extendedVideo }
    public func set(forgetAfterDownload: Int) { self.forgetAfterDownload = forgetAfterDownload }

    /// Forgets operation `name` and its clip, as Google does in time: polling it is a 404 and
    /// extending its clip a 400.
    public func expire(_ name: String) {
        operations[name] = nil
        madeVideos.remove(Self.fileName(of: name))
    }

    /// The file a clip's operation name or download URI stands for (the operation's last part).
    static func fileName(of reference: String) -> String {
        let last = reference.split(separator: "/").last.map(String.init) ?? reference
        return String(last.prefix { $0 != ":" })
    }

    func extensionProblem(_ uri: String, _ model: String) -> TestServerResponse? {
        guard model.hasPrefix("veo-3.1") else {
            return Self.error(400, "INVALID_ARGUMENT", "Video extension is not supported by \(model).")
        }
        guard madeVideos.contains(Self.fileName(of: uri)) else {
            return Self.error(400, "INVALID_ARGUMENT", "The input video was not found or has expired.")
        }
        return nil
    }
}
