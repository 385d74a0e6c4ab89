import Synchronization

/// A studio's memory of each shot's spoken lines once all are stored: shot ids → their takes.
/// Stored speech never changes under its key and a studio's film never changes, so an entry
/// stays true for the studio's life; keyframe hints ask for every shot's duration per clip.
final class SpeechMemo: Sendable {
    private let takes = Mutex<[String: [SpeechTake]]>([:])

    subscript(shot: String) -> [SpeechTake]? {
        get { takes.withLock { $0[shot] } }
        set { takes.withLock { $0[shot] = newValue } }
    }
}
