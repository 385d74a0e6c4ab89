import Foundation
import ReelKit

/// The judge route: a `generateContent` call asking for `application/json` is a question about
/// images, answered in text by ``FakeJudge`` from the images sent. A candidate equal to
/// `garbledCandidate` gets an answer that is not JSON.
extension FakeGemini {
    func judge(model: String, body: JSONValue, parts: [JSONValue]) -> TestServerResponse {
        judgeCalls.append(Call(id: UUID().uuidString, model: model, body: body))
        let question = parts.compactMap { part -> FakeJudge.Part? in
            if let text = part["text"]?.string { return .text(text) }
            return part["inlineData"]?["data"]?.string.flatMap { Data(base64Encoded: $0) }.map { .image($0) }
        }
        guard let text = FakeJudge.answer(question, garbled: garbledCandidate) else {
            return Self.error(400, "INVALID_ARGUMENT", "The fake judge needs references and a candidate.")
        }
        let images = parts.filter { $0["inlineData"] != nil }.count
        let usage: JSONValue = .object([
            "promptTokenCount": .int(300 + 258 * images), "candidatesTokenCount": .int(60),
            "thoughtsTokenCount": .int(100), "totalTokenCount": .int(460 + 258 * images),
        ])
        let answer: JSONValue = .object([
            "candidates": .array([
                .object([
                    "content": .object(["role": .string("model"), "parts": .array([.object(["text": .string(text)])])]),
                    "finishReason": .string("STOP"),
                ])
            ]),
            "usageMetadata": usage, "modelVersion": .string(model),
        ])
        return .json(value: answer)
    }

    /// What one judge question of the fake costs on `gemini-2.5-flash` ($0.30/M in, $2.50/M out):
    /// 300 tokens of words, 258 per image, 160 out with thinking.
    public static func judgeCost(images: Int) -> Double {
        (Double(300 + 258 * images) * 0.30 + 160 * 2.50) / 1_000_000
    }
}
