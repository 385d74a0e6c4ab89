import Foundation
import ReelEngine
import ReelStore
import Synchronization

/// Scores a shot's candidates for identity off the request that asked (loading dlib's models takes
/// a second or more, and a take's faces a second more), one run per shot at a time, then tells
/// the page to refresh with a `changed` event when it found new badges.
enum BackgroundIdentityScoring {
    private static let running = Mutex<Set<String>>([])
    private static let lastProblem = Mutex<String?>(nil)

    /// Why the last run left candidates without a badge (the face models are missing, say).
    static var problem: String? { lastProblem.withLock { $0 } }

    /// How many of the takes' candidates have no stored score.
    private static func unscored(_ takes: [Take], review: IdentityReview, shotID: String) -> Int {
        takes.flatMap(\.candidates).filter { (try? review.storedScore(shotID: shotID, blob: $0.blob)) == nil }.count
    }

    static func start(review: IdentityReview, shotID: String, takes: [Take], hub: EventHub) {
        let key = review.studio.project.directory.path + "\u{0}" + shotID
        let claimed = running.withLock { running in running.insert(key).inserted }
        guard claimed else { return }
        Task.detached(priority: .utility) {
            defer { _ = running.withLock { $0.remove(key) } }
            let before = unscored(takes, review: review, shotID: shotID)
            var problem: String?
            for take in takes {
                problem = await review.badges(shotID: shotID, take: take, compute: true).problem
                if problem != nil { break }
            }
            lastProblem.withLock { $0 = problem }
            // Only news refreshes the page: a candidate that cannot be scored never loops it.
            if unscored(takes, review: review, shotID: shotID) < before {
                hub.publish(ServerEvent(type: .changed, shot: shotID))
            }
        }
    }
}
