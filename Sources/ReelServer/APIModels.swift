import Foundation
import ReelEngine
import ReelKit
import ReelStore

/// What `/api` answers, as JSON. Field names are the API's contract (see README, "The studio").
enum API {
    /// What the next make would do and why: every step, and the totals the page shows.
    struct PlanSummary: Encodable {
        var steps: [PlanStep]
        var toRun: Int
        var takesToGenerate: Int
        var costUSD: Double
        /// "to generate: 2 takes (2 on sketch), free".
        var summary: String

        init(_ plan: Plan) {
            steps = plan.steps
            toRun = plan.toRun.count
            takesToGenerate = plan.takeGenerations
            costUSD = plan.costUSD
            summary = plan.summary
        }
    }

    struct FilmSummary: Encodable {
        var title: String
        var aspect: String
        var fps: Int
        var shots: Int
        var picked: Int
        var durationSeconds: Double
        var costUSD: Double
        var costByShot: [String: Double]
        /// Which of `/api/out/NAME` exist, with a version that changes when the file does.
        var outputs: [String: String]
    }

    struct ShotSummary: Encodable {
        var number: Int
        var id: String
        var framing: String?
        var camera: String?
        var duration: Double
        var prompt: String
        /// no take, unpicked, stale, picked, animated, waiting, failed — or generating while a job runs.
        var state: String
        /// Why the last make failed this shot, when it did; the next make tries it again.
        var failure: String?
        var takes: Int
        var pick: String?
        var autoPicked: Bool
        /// The picked candidate's image: `/api/blobs/HASH`.
        var pickBlob: String?
        /// For a long shot built as a chain of clips: `{ "made": 1, "count": 3 }`.
        var pieces: ShotStatus.Pieces?
        var costUSD: Double
    }

    struct Candidate: Encodable {
        var index: Int
        var blob: String
        var seed: UInt64
        var width: Int
        var height: Int
        /// The identity badge when the shot names characters and the candidate is scored:
        /// `{ "state": "holds" | "off-model" | "no-face", "text": "obama 0.41", "distance": 0.41 }`.
        var identity: IdentityBadge?
    }

    struct Take: Encodable {
        var id: Int64
        var kind: String
        var parent: Int64?
        var parentCandidate: Int?
        var createdAt: Date
        var backend: String
        var costUSD: Double
        var seconds: Double
        var grid: String?
        /// Made from the shot's current prompt (a pick from any other take is stale).
        var current: Bool
        var picked: Int?
        var prompt: String?
        var candidates: [Candidate]
    }

    struct TreeNode: Encodable {
        var take: Int64
        var kind: String
        var parentCandidate: Int?
        var picked: Int?
        var children: [TreeNode]
    }

    struct ShotDetail: Encodable {
        var shot: ShotSummary
        var previous: String?
        var next: String?
        var backend: String?
        /// The composed request the backend receives now, or why there is none yet.
        var request: Request?
        var requestProblem: String?
        var notes: [String]
        /// Newest first.
        var takes: [Take]
        var tree: [TreeNode]
        /// Why some candidates have no identity badge (dlib's models are missing, say).
        var identityProblem: String?
    }

    struct CandidateBody: Decodable {
        var candidate: Int
        /// The take the candidate belongs to; the shot's latest take when absent.
        var take: Int64?
        var strong: Bool?

        var reference: CandidateReference { CandidateReference(take: take, index: candidate) }
    }

    struct PromptBody: Decodable {
        var prompt: String
    }

    struct Accepted: Encodable {
        var job: Int
    }

    struct Picked: Encodable {
        var shot: String
        var take: Int64
        var candidate: Int
    }
}
