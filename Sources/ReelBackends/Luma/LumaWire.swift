import Foundation
import ReelKit
import ReelMedia

/// Luma's Agents API as it is on the wire (backend-apis.md §6b, from lumalabs/luma-agents-python
/// @ 38837df `types/{generation_create_params,image_ref_param,video_options_param,generation,
/// generation_output,generation_failure_code}.py`; docs.agents.lumalabs.ai guides). Field names
/// are Luma's.
///
/// Why the Agents API and not Dream Machine (§6a): Luma's own documentation of 2026 presents the
/// Agents API (`https://agents.lumalabs.ai/v1`, `LUMA_AGENTS_API_KEY`) as the current surface
/// for new integrations, with `uni-1` images and `ray-3.2` video; Dream Machine
/// (`api.lumalabs.ai/dream-machine/v1`, `ray-2`, `photon-1`) is called legacy (*secondary*:
/// skills.sh/calesthio/generative-media-skills, "verified from first-party Luma sources on
/// 2026-07-10"). The Agents API also takes inline base64 images, where Dream Machine needs a
/// public URL Reel does not have.
///
/// Not in the Agents API and so not built: seeds (a grid is four generations, unseeded),
/// negative prompts, a cancel or delete call (a generation Reel gives up on still runs and is
/// billed), an account or balance call (the probe reads a generation id that cannot exist).
/// UNCONFIRMED: whether reading a completed generation again signs fresh output URLs (they
/// last one hour; Reel downloads at once and tries one re-read before resubmitting), the 429
/// body, and the `video.keyframes` form the docs describe beyond the June-2026 SDK.
enum LumaWire {
    /// `POST /generations`.
    struct Create: Encodable, Sendable {
        var model: String
        /// `image`, `image_edit` or `video`.
        var type: String
        var prompt: String
        var aspect_ratio: String?
        var image_ref: [Media]?
        /// The image an `image_edit` changes.
        var source: Media?
        var output_format: String?
        var video: Video?
    }

    /// A media reference: exactly one of `url`, `data` with `media_type`, or `generation_id`.
    struct Media: Codable, Sendable, Hashable {
        var url: String?
        var data: String?
        var media_type: String?
        var generation_id: String?

        /// Bytes inline, base64 with their type.
        static func inline(_ bytes: Data) -> Media {
            let type = ImageFormat.sniff(bytes)?.mimeType ?? "image/png"
            return Media(data: bytes.base64EncodedString(), media_type: type)
        }
    }

    /// `video` options of a video generation.
    struct Video: Encodable, Sendable {
        /// `5s` or `10s` (image-to-video makes 5 s only).
        var duration: String
        /// `540p`, `720p` or `1080p`.
        var resolution: String
        var start_frame: Media?
        var end_frame: Media?
    }

    /// `GET /generations/{id}`: `queued`, `processing`, `completed` with `output`, or `failed`
    /// with `failure_code` and `failure_reason`.
    struct Generation: Decodable, Sendable {
        struct Output: Decodable, Sendable {
            var type: String?
            /// Presigned, good for one hour.
            var url: String
        }

        var id: String
        var state: String
        var failure_code: String?
        var failure_reason: String?
        var output: [Output]?
    }

    /// An error answer: `{"detail": "…"}` (or a list of validation items).
    struct ErrorBody: Decodable, Sendable {
        var detail: String?

        enum CodingKeys: String, CodingKey { case detail }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decode(String.self, forKey: .detail) {
                detail = text
            } else if let items = try? container.decode([JSONValue].self, forKey: .detail) {
                detail = items.compactMap { $0["msg"]?.string }.joined(separator: "; ")
            }
        }
    }
}
