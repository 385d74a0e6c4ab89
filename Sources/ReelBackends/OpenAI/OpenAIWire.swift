import Foundation
import ReelKit

/// OpenAI's Images and Audio APIs as they are on the wire. Field names are OpenAI's.
///
/// Images: backend-apis.md §2, from openai/openai-python @ e43b422 (`image_generate_params.py`,
/// `image_edit_params.py`, `images_response.py`). Speech (`POST /audio/speech`) is not in
/// backend-apis.md; its shape — `model`, `input` (≤ 4096 characters), `voice`,
/// `response_format` (`mp3|opus|aac|flac|wav|pcm`), `speed` 0.25–4, `instructions` (not with
/// `tts-1`/`tts-1-hd`), the audio bytes as the whole answer — is from OpenAI's API reference as
/// quoted in the search corpus and the generated clients built from OpenAI's spec (2025–2026).
/// UNCONFIRMED: whether a streamed WAV's RIFF sizes are filled in (Reel counts the bytes there
/// are), the exact text of a retired model's 404, the 429 body of the image endpoints, and
/// `moderation_blocked` (seen only through an Azure-fronted proxy).
enum OpenAIWire {
    /// The JSON body of `POST /images/generations`. There is no seed and no negative prompt.
    struct Generation: Encodable, Sendable {
        var model: String
        var prompt: String
        var n: Int
        var size: String
        var quality: String
        var output_format = "png"
        var moderation: String
    }

    /// What both image endpoints answer: base64 images (GPT image models never send URLs).
    struct ImagesResponse: Decodable, Sendable {
        struct Item: Decodable, Sendable {
            var b64_json: String?
            var url: String?
        }

        var created: Int?
        var data: [Item]?
        var size: String?
        var quality: String?
        var usage: Usage?
    }

    /// Tokens a generation used; the bill is these times the model's per-token prices.
    struct Usage: Decodable, Sendable, Hashable {
        struct InputDetails: Decodable, Sendable, Hashable {
            var image_tokens: Int?
            var text_tokens: Int?
        }

        var input_tokens: Int?
        var input_tokens_details: InputDetails?
        var output_tokens: Int?
        var total_tokens: Int?
    }

    /// The JSON body of `POST /audio/speech`; the answer is the audio file itself.
    struct Speech: Encodable, Sendable {
        var model: String
        var input: String
        var voice: String
        var response_format = "wav"
        var speed: Double?
        var instructions: String?
    }

    /// Every error: `{"error": {"message", "type", "param", "code"}}`.
    struct ErrorBody: Decodable, Sendable {
        struct Detail: Decodable, Sendable {
            var message: String?
            var type: String?
            var param: String?
            var code: String?
        }

        var error: Detail?
    }
}
