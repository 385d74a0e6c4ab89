/// One unit of work in a ``Plan``: a take, a clip, a spoken line, the board, the picture cut or
/// the mix, with the lane (backend) it runs on, the steps it waits for, what it should cost and
/// why it will run — or `reason == nil` when its stored result is current.
public struct PlanStep: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A grid of candidates for a shot, and its pick.
        case take
        /// A shot's pick animated (a chain of pieces for a long shot).
        case clip
        /// A shot's clip re-rendered so the speaker's lips follow its lines.
        case lipsync
        /// One line of dialog or narration spoken.
        case speech
        /// The storyboard GIF/WebP and the contact sheet.
        case board
        /// The picture: every clip with its transitions and cards.
        case cut
        /// The sound mixed and muxed into `out/film.mp4`.
        case mix
    }

    /// `take:ridge`, `clip:ridge`, `lipsync:ridge`, `speech:ridge#1`, `board`, `cut`, `mix`.
    public var id: String
    public var kind: Kind
    public var shotID: String?
    /// The backend that runs it; `reel` for Reel's own work (board, cut, mix).
    public var backend: String
    /// The step key of its inputs when they are known now (not when a step before it will run).
    public var key: String?
    /// Steps that must finish first.
    public var dependsOn: [String]
    /// Calls to the backend it makes (0 for a take that only picks, or for Reel's own work).
    public var generations: Int
    /// The expected cost in US dollars (0 for embedded backends).
    public var costUSD: Double
    /// What it makes, for people: "4 candidates", "push-in 4.0s, 3 pieces (1 kept)".
    public var detail: String
    /// Why it runs; `nil` when its result is current.
    public var reason: PlanReason?
    /// The message of this step's failure in an earlier run, which the next run tries again.
    public var lastFailure: String?
    /// What its backend will leave out (dropped references, an unplaced person), said before
    /// anything is spent; `nil` when nothing.
    public var warnings: [String]? = nil

    public init(
        id: String, kind: Kind, shotID: String? = nil, backend: String, key: String? = nil, dependsOn: [String] = [],
        generations: Int = 0, costUSD: Double = 0, detail: String = "", reason: PlanReason? = nil,
        lastFailure: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.shotID = shotID
        self.backend = backend
        self.key = key
        self.dependsOn = dependsOn
        self.generations = generations
        self.costUSD = costUSD
        self.detail = detail
        self.reason = reason
        self.lastFailure = lastFailure
    }

    /// Whether `make` will run it.
    public var willRun: Bool { reason != nil }

    /// The id of the take step of a shot.
    public static func takeID(_ shot: String) -> String { "take:\(shot)" }
    /// The id of the clip step of a shot.
    public static func clipID(_ shot: String) -> String { "clip:\(shot)" }
    /// The id of the lip-sync step of a shot.
    public static func lipSyncID(_ shot: String) -> String { "lipsync:\(shot)" }
    /// The id of the `index`th (from 1) spoken line of a shot.
    public static func speechID(_ shot: String, line index: Int) -> String { "speech:\(shot)#\(index)" }
}
