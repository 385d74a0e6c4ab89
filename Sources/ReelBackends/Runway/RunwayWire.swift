import Foundation
import ReelKit

/// Runway's task API as it is on the wire (backend-apis.md §5, from runwayml/sdk-python @ c604e0e
/// `types/*_create_params.py`, `types/task_retrieve_response.py`, `lib/polling.py`; the
/// organization call from runwayml/sdk-node `src/resources/organization.ts`). Field names are
/// Runway's (camelCase). Every call carries `X-Runway-Version: 2024-11-06`.
///
/// Input images go inline as `data:` URIs (5 MB each at most); the `POST /v1/uploads` flow for
/// bigger ones is not built. UNCONFIRMED: the full `failureCode` list, the HTTP status of
/// `DELETE /v1/tasks/{id}` (Reel accepts any 2xx and 404), the seed range (Reel sends
/// 0…4294967295), rate-limit headers, and how long an output URL stays good (24–48 h per the
/// docs; Reel downloads at once and asks the task again for fresh URLs when one is refused).
enum RunwayWire {
    /// The API version Reel speaks, sent on every call.
    static let version = "2024-11-06"

    /// `text` cut to Runway's limit for `promptText`: 1000 UTF-16 code units, whole characters.
    static func promptText(_ text: String) -> String {
        var cut = text
        while cut.utf16.count > 1000 { cut.removeLast() }
        return cut
    }

    /// `POST /v1/text_to_image`.
    struct TextToImage: Encodable, Sendable {
        var model: String
        var promptText: String
        var ratio: String
        var seed: UInt32?
        var referenceImages: [Reference]?
    }

    /// An image a text-to-image prompt refers to as `@tag`.
    struct Reference: Encodable, Sendable, Hashable {
        var uri: String
        /// 3–16 characters, a letter first, `[A-Za-z0-9_]`.
        var tag: String
    }

    /// `POST /v1/image_to_video` with the first frame as `promptImage`.
    struct ImageToVideo: Encodable, Sendable {
        var model: String
        var promptImage: PromptImage
        var promptText: String?
        var ratio: String
        var duration: Int
        var seed: UInt32?
    }

    /// `promptImage`: the first frame as a plain string, or, with a last frame (Veo 3.1 models),
    /// `[{"uri", "position": "first"}, {"uri", "position": "last"}]`.
    struct PromptImage: Encodable, Sendable {
        struct Keyframe: Encodable, Sendable {
            var uri: String
            var position: String
        }

        var first: String
        var last: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let last {
                try container.encode([Keyframe(uri: first, position: "first"), Keyframe(uri: last, position: "last")])
            } else {
                try container.encode(first)
            }
        }
    }

    /// What every create endpoint answers.
    struct Created: Decodable, Sendable {
        var id: String
    }

    /// `GET /v1/tasks/{id}`: `PENDING`, `THROTTLED` (waiting for a concurrency slot), `RUNNING`
    /// with `progress`, `SUCCEEDED` with `output` URLs, `FAILED` with `failure` and
    /// `failureCode`, or `CANCELLED` (cancelled or deleted).
    struct Task: Decodable, Sendable {
        var id: String
        var status: String
        var progress: Double?
        var output: [String]?
        var failure: String?
        var failureCode: String?
    }

    /// A 4xx answer: `{"error": "…"}` explaining what was wrong with the input.
    struct ErrorBody: Decodable, Sendable {
        var error: String?
    }

    /// `GET /v1/organization`: the credits left (and the tier's limits, not read).
    struct Organization: Decodable, Sendable {
        var creditBalance: Double?
    }
}
