import Foundation
import ReelKit
import ReelMedia

/// The `judge:` role on Gemini (`backends: { judge: gemini }`): one `generateContent` call to a
/// text model (`gemini-2.5-flash`) with the question's words as text parts and its images as
/// `inlineData` parts in order, asking for `responseModalities: ["TEXT"]` and
/// `responseMimeType: "application/json"`. The answer is the text of its parts that are not
/// thoughts; a blocked question or a safety finish is a paid refusal with Google's reason. The cost
/// comes from `usageMetadata` at ``GeminiPrices``' token rates, else the model's expected price.
///
/// ```swift
/// let judge = GeminiJudgeBackend(client: client, judgeModel: GeminiPrices.judgeModel("gemini-2.5-flash")!)
/// let reply = try await judge.judge(question)
/// ```
public struct GeminiJudgeBackend: JudgeBackend, SetupChecked {
    public let name = "gemini"
    public var judgeModel: GeminiJudgeModel
    let client: GeminiClient

    public init(client: GeminiClient, judgeModel: GeminiJudgeModel) {
        self.client = client
        self.judgeModel = judgeModel
    }

    public var model: String { judgeModel.id }
    public var pricePerCallUSD: Double { judgeModel.perCall }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func judge(_ question: JudgeQuestion) async throws -> JudgeReply {
        let parts = question.parts.map { part -> GeminiWire.Part in
            switch part {
            case .text(let text): return GeminiWire.Part(text: text)
            case .image(let data):
                let type = ImageFormat.sniff(data).map { "image/\($0.rawValue)" } ?? "image/png"
                return GeminiWire.Part(image: data, mimeType: type)
            }
        }
        let body = GeminiWire.GenerateContentRequest(
            contents: [GeminiWire.Content(role: "user", parts: parts)],
            generationConfig: GeminiWire.GenerationConfig(
                responseModalities: ["TEXT"], responseMimeType: "application/json"))
        let answer = try await client.generateContent(model: judgeModel.id, request: body)
        let cost = judgeModel.cost(of: answer.usageMetadata) ?? judgeModel.perCall
        let first = answer.candidates?.first
        if let block = answer.promptFeedback?.blockReason {
            return JudgeReply(text: "", costUSD: cost, refusal: "Gemini blocked the question (\(block))")
        }
        if let finish = first?.finishReason, !["STOP", "MAX_TOKENS"].contains(finish) {
            let said = first?.finishMessage.map { ": \($0)" } ?? ""
            return JudgeReply(text: "", costUSD: cost, refusal: "Gemini stopped (\(finish))\(said)")
        }
        let text = (first?.content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text).joined()
        return JudgeReply(text: text, costUSD: cost)
    }
}
