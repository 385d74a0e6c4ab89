import Foundation

/// The Gemini API as it is on the wire (backend-apis.md §8, from googleapis/python-genai @ 6680718
/// and ai.google.dev/gemini-api/docs/video). Field names are the proto-JSON lowerCamelCase ones.
///
/// UNCONFIRMED: whether a judge model's JSON answer is always one text part (Reel joins the text
/// parts that are not thoughts); whether `generationConfig.seed` changes images (Reel sends it; see
/// ``GeminiImageBackend``); the operation's `response.@type` string (never read); how long Veo's
/// `video.uri` files are kept; whether `models/*/operations/*` accept `:cancel` (documented only
/// for `tunedModels/*/operations/*`, so Reel does not send it); the `google.rpc.RetryInfo`
/// `retryDelay` of a 429 (*secondary*; the shared transport honours `Retry-After` only, else
/// backs off on its own); Veo's per-mode `personGeneration` rules (Reel sends none).
enum GeminiWire {
    // MARK: generateContent (§8b)

    struct GenerateContentRequest: Encodable, Sendable {
        var contents: [Content]
        var generationConfig: GenerationConfig
    }

    struct Content: Codable, Sendable {
        var role: String?
        var parts: [Part]?
    }

    /// A text part or an inline image; an answer may also carry thought parts.
    struct Part: Codable, Sendable {
        var text: String?
        var inlineData: InlineData?
        var thought: Bool?

        init(text: String) { self.text = text }
        init(image data: Data, mimeType: String) {
            inlineData = InlineData(mimeType: mimeType, data: data.base64EncodedString())
        }
    }

    struct InlineData: Codable, Sendable {
        var mimeType: String
        var data: String
    }

    /// `responseMimeType` `application/json` asks a text model for JSON (the judge, §8b's
    /// `generateContent` with text out; the field is from Google's structured-output docs).
    struct GenerationConfig: Encodable, Sendable {
        var responseModalities: [String]
        var seed: Int32?
        var imageConfig: ImageConfig?
        var responseMimeType: String?
    }

    /// `aspectRatio` `1:1|2:3|3:2|3:4|4:3|9:16|16:9|21:9`; `imageSize` `1K|2K|4K` (model-dependent).
    struct ImageConfig: Encodable, Sendable {
        var aspectRatio: String?
        var imageSize: String?
    }

    struct GenerateContentResponse: Decodable, Sendable {
        var candidates: [Candidate]?
        var promptFeedback: PromptFeedback?
        var usageMetadata: UsageMetadata?
    }

    struct Candidate: Decodable, Sendable {
        var content: Content?
        /// `STOP`, or a refusal: `IMAGE_SAFETY`, `IMAGE_PROHIBITED_CONTENT`, `IMAGE_RECITATION`,
        /// `IMAGE_OTHER`, `NO_IMAGE`, `SAFETY`, …
        var finishReason: String?
        var finishMessage: String?
    }

    struct PromptFeedback: Decodable, Sendable {
        var blockReason: String?
        var blockReasonMessage: String?
    }

    struct UsageMetadata: Decodable, Sendable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
        var thoughtsTokenCount: Int?
        var totalTokenCount: Int?
        var candidatesTokensDetails: [ModalityTokenCount]?
    }

    struct ModalityTokenCount: Decodable, Sendable {
        var modality: String?
        var tokenCount: Int?
    }

    // MARK: predictLongRunning (§8a)

    struct PredictLongRunningRequest: Encodable, Sendable {
        var instances: [VeoInstance]
        var parameters: VeoParameters
    }

    struct VeoInstance: Encodable, Sendable {
        var prompt: String
        /// The first frame, inline (`gcsUri` is rejected on this API).
        var image: VeoImage?
        /// A prior Veo video to extend (Veo 3.1 only), by the `uri` its operation answered.
        var video: Video?
        /// The last frame (interpolation between `image` and it), inline; Veo 3.1.
        var lastFrame: VeoImage? = nil
    }

    struct VeoImage: Encodable, Sendable {
        var bytesBase64Encoded: String
        var mimeType: String
    }

    struct VeoParameters: Encodable, Sendable {
        var sampleCount: Int
        var durationSeconds: Int
        /// `16:9` or `9:16`.
        var aspectRatio: String
        var negativePrompt: String?
    }

    /// `{"name": "models/…/operations/…", "done": true, "response": {…}}` or with `error`.
    struct Operation: Decodable, Sendable {
        var name: String?
        var done: Bool?
        var error: Status?
        var response: OperationResponse?
    }

    struct OperationResponse: Decodable, Sendable {
        var generateVideoResponse: GenerateVideoResponse?
    }

    struct GenerateVideoResponse: Decodable, Sendable {
        var generatedSamples: [GeneratedSample]?
        var raiMediaFilteredCount: Int?
        var raiMediaFilteredReasons: [String]?
    }

    struct GeneratedSample: Decodable, Sendable {
        var video: Video?
    }

    struct Video: Codable, Sendable {
        var uri: String?
    }

    // MARK: errors

    /// A `google.rpc.Status`: `{"code": 429, "message": "…", "status": "RESOURCE_EXHAUSTED"}`.
    struct Status: Decodable, Sendable {
        var code: Int?
        var message: String?
        var status: String?
    }

    /// Every endpoint's error answer: `{"error": {"code", "message", "status", "details"}}`.
    struct ErrorBody: Decodable, Sendable {
        var error: Status?
    }
}
