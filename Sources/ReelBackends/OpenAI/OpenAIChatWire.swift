import Foundation

/// OpenAI's Chat Completions as the judge uses them, on the wire: `POST /chat/completions` with
/// one user message whose `content` is `text` and `image_url` parts (images as `data:` URLs),
/// answered with `choices[0].message.content` and `usage`. Not in backend-apis.md: the request
/// and answer shapes are from OpenAI's vision guide as quoted in public code (curl samples of
/// `/v1/chat/completions` with `image_url` data URLs). UNCONFIRMED: `response_format:
/// {"type": "json_object"}` with image inputs on every judge model; `message.refusal` as the
/// field of a safety refusal; the per-image token counts behind ``OpenAIJudgeModel/perCall``.
enum OpenAIChatWire {
    struct Request: Encodable, Sendable {
        var model: String
        var messages: [Message]
        var responseFormat: ResponseFormat

        enum CodingKeys: String, CodingKey {
            case model, messages
            case responseFormat = "response_format"
        }
    }

    struct Message: Encodable, Sendable {
        var role: String
        var content: [ContentPart]
    }

    struct ContentPart: Encodable, Sendable {
        var type: String
        var text: String?
        var imageURL: ImageURL?

        enum CodingKeys: String, CodingKey {
            case type, text
            case imageURL = "image_url"
        }

        static func text(_ text: String) -> ContentPart { ContentPart(type: "text", text: text) }
        static func image(dataURL: String) -> ContentPart {
            ContentPart(type: "image_url", imageURL: ImageURL(url: dataURL))
        }
    }

    struct ImageURL: Encodable, Sendable {
        var url: String
    }

    struct ResponseFormat: Encodable, Sendable {
        var type: String
    }

    struct Response: Decodable, Sendable {
        var choices: [Choice]?
        var usage: Usage?
    }

    struct Choice: Decodable, Sendable {
        var message: AnswerMessage?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct AnswerMessage: Decodable, Sendable {
        var content: String?
        var refusal: String?
    }

    struct Usage: Decodable, Sendable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }
}
