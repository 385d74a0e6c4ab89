import Foundation
import ReelKit

/// Replicate's HTTP API as it is on the wire (backend-apis.md §3, from replicate/replicate-python
/// @ 0110c2c `prediction.py`, `helpers.py`, `exceptions.py` and replicate.com/docs/topics/
/// predictions). Field names are Replicate's.
///
/// Input images go inline as `data:` URIs up to ``ReplicateWire/inlineLimit`` bytes (the
/// reference advises data URLs only up to 256 KB; replicate.com/docs/topics/predictions/
/// input-files says under 1 MB); larger ones are uploaded with `POST /v1/files` and passed by
/// their `urls.get`. `Prefer: wait` is never sent: create answers at once, so the prediction's
/// id is journaled before any waiting. A safety filter's refusal is a `failed` prediction whose
/// `error` the model words itself (backend-apis.md §3); the exact wordings Reel recognises
/// (FLUX's "NSFW content detected…", Replicate's "flagged as sensitive (E005)") are
/// UNCONFIRMED. Also UNCONFIRMED: whether every model in ``ReplicatePrices`` reads a files-API URL
/// as readily as a data URI; the rate-limit reply's headers; `Cancel-After` (not sent).
enum ReplicateWire {
    /// The body of `POST /models/{owner}/{name}/predictions` (no `version`) or `POST /predictions`.
    struct Create: Encodable {
        var version: String?
        var input: [String: JSONValue]
    }

    /// A prediction, as create, get and cancel answer it. `status` is `starting`, `processing`,
    /// `succeeded`, `failed`, `canceled` or `aborted`; `output` is model-defined (a URL or a list
    /// of URLs for the models Reel drives) and becomes null, with `data_removed`, an hour after
    /// the prediction.
    struct Prediction: Decodable, Sendable {
        struct URLs: Decodable, Sendable {
            var get: String?
            var cancel: String?
        }

        struct Metrics: Decodable, Sendable {
            /// Seconds the model ran on its hardware: what time-billed models are charged for.
            var predict_time: Double?
        }

        var id: String
        var model: String?
        var status: String
        var output: JSONValue?
        var error: JSONValue?
        var data_removed: Bool?
        var metrics: Metrics?
        var urls: URLs?

        /// The output URLs, in order, whether the model answers one or a list.
        var outputURLs: [String] {
            switch output {
            case .string(let url)?: [url]
            case .array(let items)?: items.compactMap(\.string)
            default: []
            }
        }

        /// The error as text (a string for failed predictions; some models answer an object).
        var errorText: String? {
            switch error {
            case nil, .null?: nil
            case .string(let text)?: text
            case let other?: String(decoding: (try? JSONEncoder().encode(other)) ?? Data(), as: UTF8.self)
            }
        }
    }

    /// A problem-details error body: `{"type"?, "title", "status", "detail", "instance"?}`; the
    /// 429 body carries only `detail` ("Request was throttled. …").
    struct Problem: Decodable, Sendable {
        var title: String?
        var detail: String?
        var status: Int?
    }

    /// What `POST /v1/files` answers; `urls.get` goes into the model's input.
    struct UploadedFile: Decodable, Sendable {
        struct URLs: Decodable, Sendable { var get: String }
        var id: String
        var urls: URLs
    }

    /// The largest input image sent inline as a `data:` URI; larger ones are uploaded.
    static let inlineLimit = 256 << 10
}
