import Foundation
import ReelKit

/// `POST /chat/completions`: a judge's question (one user message of `text` and `image_url`
/// parts, images as `data:` URLs), answered by ``FakeJudge`` from the images sent, with `usage`
/// (300 prompt tokens of words and 500 per image, 80 completion tokens). Each is a paid call.
extension FakeOpenAI {
    func chat(_ request: TestServerRequest) -> TestServerResponse {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: request.body),
            let model = body["model"]?.string,
            let content = body["messages"]?.array?.first?["content"]?.array
        else { return Self.error(400, "We could not parse the JSON body of your request.", code: nil) }
        let question = content.compactMap { part -> FakeJudge.Part? in
            if let text = part["text"]?.string { return .text(text) }
            guard let url = part["image_url"]?["url"]?.string, let comma = url.firstIndex(of: ",") else { return nil }
            return Data(base64Encoded: String(url[url.index(after: comma)...])).map { .image($0) }
        }
        guard let text = FakeJudge.answer(question, garbled: garbledCandidate) else {
            return Self.error(400, "The fake judge needs references and a candidate.", code: nil)
        }
        let images = question.filter { if case .image = $0 { true } else { false } }.count
        record(
            PaidCall(
                route: .chat, model: model, text: text, fields: body.object ?? [:], imageParts: [],
                headers: request.headers, images: []))
        return .json(
            value: JSONValue.object([
                "object": .string("chat.completion"), "model": .string(model),
                "choices": .array([
                    .object([
                        "index": .int(0), "finish_reason": .string("stop"),
                        "message": .object(["role": .string("assistant"), "content": .string(text)]),
                    ])
                ]),
                "usage": .object([
                    "prompt_tokens": .int(300 + 500 * images), "completion_tokens": .int(80),
                    "total_tokens": .int(380 + 500 * images),
                ]),
            ]))
    }

    /// What one judge question of the fake costs on `gpt-4o-mini` ($0.15/M in, $0.60/M out).
    public static func judgeCost(images: Int) -> Double {
        (Double(300 + 500 * images) * 0.15 + 80 * 0.60) / 1_000_000
    }
}
