import Foundation
import ReelKit

/// fal's queue API as it is on the wire (backend-apis.md §4, from fal-ai/fal @ c6f0afa
/// `fal_client/client.py` and docs.fal.ai/model-endpoints/queue). Field names are fal's.
///
/// Input images go inline as `data:` URIs. fal's CDN page (docs.fal.ai/documentation/model-apis/
/// fal-cdn) says some models accept them and public URLs work with every model; whether each
/// model in ``FalPrices`` does is UNCONFIRMED. Uploading to fal's CDN first (the SDK's
/// `rest.fal.ai/storage` flow, not documented in backend-apis.md) is not built.
enum FalWire {
    /// What `POST {base}/{model_id}` answers. The three URLs name only `owner/app` (the model's
    /// subpath is dropped), so Reel keeps and uses them rather than building its own.
    struct Submitted: Codable, Sendable, Hashable {
        var request_id: String
        var response_url: String
        var status_url: String
        var cancel_url: String
    }

    /// `GET {status_url}`: `IN_QUEUE`, `IN_PROGRESS` or `COMPLETED`. A completed run that failed
    /// carries `error` and `error_type`. Some docs add `FAILED` and `CANCELED` (UNCONFIRMED).
    struct Status: Decodable, Sendable {
        var status: String
        var queue_position: Int?
        var error: String?
        var error_type: String?
    }

    /// One output file (`images[i]`, `video`).
    struct File: Decodable, Sendable {
        var url: String
        var content_type: String?
        var width: Int?
        var height: Int?
    }

    /// The output of the FLUX family and most image models.
    struct ImageOutput: Decodable, Sendable {
        var images: [File]
        var seed: UInt64?
        var has_nsfw_concepts: [Bool]?
    }

    /// The output of image-to-video models.
    struct VideoOutput: Decodable, Sendable {
        var video: File
    }

    /// `PUT {cancel_url}`: `OK`, `CANCELLATION_REQUESTED`, `ALREADY_COMPLETED` or `NOT_FOUND`.
    struct Cancelled: Decodable, Sendable {
        var status: String
    }

    /// A model or validation error: `{"detail": [{"loc", "msg", "type", …}]}`, typically HTTP
    /// 422 (a content-policy refusal is one with `type: content_policy_violation`). Some
    /// answers carry a plain string in `detail`, or `error` with `error_type`.
    struct ErrorBody: Decodable, Sendable {
        struct Item: Decodable, Sendable {
            var loc: [JSONValue]?
            var msg: String?
            var type: String?
        }

        var detail: [Item]?
        var message: String?
        var error: String?
        var error_type: String?

        enum CodingKeys: String, CodingKey { case detail, message, error, error_type }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let items = try? container.decode([Item].self, forKey: .detail) {
                detail = items
            } else if let text = try? container.decode(String.self, forKey: .detail) {
                detail = [Item(loc: nil, msg: text, type: nil)]
            }
            message = try? container.decode(String.self, forKey: .message)
            error = try? container.decode(String.self, forKey: .error)
            error_type = try? container.decode(String.self, forKey: .error_type)
        }
    }
}
