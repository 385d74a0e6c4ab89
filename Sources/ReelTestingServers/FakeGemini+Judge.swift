import Foundation
import ReelKit

/// The judge route: a `generateContent` call asking for `application/json` is a question about
/// images, answered in text as a vision model would — by looking at what was sent. The fake
/// reads the question's parts in order (a `Character "NAME": …` line, then that character's
/// images; `The candidate frame follows.`, then the candidate) and says a character is the same
/// person when the candidate's bytes equal one of its references' bytes (so the verdict depends
/// on the images sent), present always, at the center. A candidate equal to `garbledCandidate`
/// gets an answer that is not JSON.
extension FakeGemini {
    func judge(model: String, body: JSONValue, parts: [JSONValue]) -> TestServerResponse {
        judgeCalls.append(Call(id: UUID().uuidString, model: model, body: body))
        var references: [(name: String, images: [Data])] = []
        var candidate: Data?
        var readingCandidate = false
        for part in parts {
            if let text = part["text"]?.string {
                if text.hasPrefix("Character \""), let name = text.split(separator: "\"").dropFirst().first {
                    references.append((String(name), []))
                    readingCandidate = false
                } else if text.hasPrefix("The candidate") {
                    readingCandidate = true
                }
            } else if let encoded = part["inlineData"]?["data"]?.string, let data = Data(base64Encoded: encoded) {
                if readingCandidate {
                    candidate = data
                } else if !references.isEmpty {
                    references[references.count - 1].images.append(data)
                }
            }
        }
        guard let candidate, !references.isEmpty else {
            return Self.error(400, "INVALID_ARGUMENT", "The fake judge needs references and a candidate.")
        }
        let images = parts.filter { $0["inlineData"] != nil }.count
        let usage: JSONValue = .object([
            "promptTokenCount": .int(300 + 258 * images), "candidatesTokenCount": .int(60),
            "thoughtsTokenCount": .int(100), "totalTokenCount": .int(460 + 258 * images),
        ])
        let text: String
        if candidate == garbledCandidate {
            text = "I think the first one looks a bit like the reference, mostly."
        } else {
            let entries = references.map { reference in
                let same = reference.images.contains(candidate)
                return #"{"name": "\#(reference.name)", "present": true, "same_person": \#(same), "#
                    + #""position": "center", "confidence": \#(same ? 0.9 : 0.8)}"#
            }
            text = #"{"characters": [\#(entries.joined(separator: ", "))]}"#
        }
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
