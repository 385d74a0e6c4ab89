import Foundation
import ReelKit
import ReelMedia

/// The `judge:` role on OpenAI (`backends: { judge: openai }`): one Chat Completions call to a
/// vision model (`gpt-4o-mini`) with the question's words and images (as `data:` URLs) in order,
/// asking for a JSON object (see ``OpenAIChatWire``, UNCONFIRMED parts marked there). The cost
/// comes from the answer's `usage` at ``OpenAIPrices``' rates, else the model's expected price.
public struct OpenAIJudgeBackend: JudgeBackend, SetupChecked {
    public let name = "openai"
    public var judgeModel: OpenAIJudgeModel
    let client: OpenAIClient

    public init(client: OpenAIClient, judgeModel: OpenAIJudgeModel) {
        self.client = client
        self.judgeModel = judgeModel
    }

    public var model: String { judgeModel.id }
    public var pricePerCallUSD: Double { judgeModel.perCall }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func judge(_ question: JudgeQuestion) async throws -> JudgeReply {
        let content = question.parts.map { part -> OpenAIChatWire.ContentPart in
            switch part {
            case .text(let text): return .text(text)
            case .image(let data):
                let type = ImageFormat.sniff(data).map { "image/\($0.rawValue)" } ?? "image/png"
                return .image(dataURL: "data:\(type);base64,\(data.base64EncodedString())")
            }
        }
        let body = OpenAIChatWire.Request(
            model: judgeModel.id, messages: [OpenAIChatWire.Message(role: "user", content: content)],
            responseFormat: OpenAIChatWire.ResponseFormat(type: "json_object"))
        let answer = try await client.post(
            "/chat/completions", json: body, model: judgeModel.id, setting: "judge_model")
        let response = try answer.decoded(OpenAIChatWire.Response.self, backend: name, what: "a chat completion")
        let cost = judgeModel.cost(of: response.usage) ?? judgeModel.perCall
        let message = response.choices?.first?.message
        if let refusal = message?.refusal { return JudgeReply(text: "", costUSD: cost, refusal: "OpenAI: \(refusal)") }
        return JudgeReply(text: message?.content ?? "", costUSD: cost)
    }
}
