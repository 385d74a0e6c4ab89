import Foundation
import ReelKit

/// The fake Luma's native extend: a video generation whose start frame is `{"generation_id"}`
/// continues that generation, which must be a completed video this server made for this key.
extension FakeLuma {
    /// The submissions that extended another generation, with the id each extended, in order.
    public var extensions: [(id: String, extended: String)] {
        submissions.compactMap { submission in
            submission.body["video"]?["start_frame"]?["generation_id"]?.string.map { (submission.id, $0) }
        }
    }

    /// Forgets generation `id`, as Luma does once it is expired or deleted: reading or extending it is a 404.
    public func expire(_ id: String) { generations[id] = nil }

    /// What Luma would answer an extension of `prior` it cannot make, or nil when it can.
    func extensionProblem(_ prior: String) -> TestServerResponse? {
        guard let state = generations[prior] else {
            return .json(value: ["detail": "Generation \(prior) not found"], status: 404)
        }
        guard state.submission.type == "video", state.outputs != nil else {
            return .json(
                value: ["detail": "video.start_frame: generation \(prior) is not a completed video"], status: 422)
        }
        return nil
    }
}
