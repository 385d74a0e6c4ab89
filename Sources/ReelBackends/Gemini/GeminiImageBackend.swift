import Foundation
import ReelKit
import ReelMedia

/// Images from a Gemini image model (`gemini-2.5-flash-image`) through `generateContent`, which
/// answers synchronously with the image inline: so this is a plain `ImageBackend`, not a
/// resumable one — there is no job id to journal, and a run killed mid-call pays again for the
/// calls it was waiting on. One call makes one image, so a grid of four is four calls (run at
/// once), sent `generationConfig.seed` `seed`, `seed+1`… — whether the seed changes the image is
/// UNCONFIRMED, so the backend does not claim seeds (the engine notes it). Input images go
/// inline (see ``GeminiImageCall``). A safety block of a candidate drops that candidate; a take
/// whose every candidate was blocked fails with Google's reason as `.refused`. Each image's cost
/// comes from its answer's `usageMetadata` at ``GeminiPrices``' token rates.
///
/// ```swift
/// let gemini = GeminiImageBackend(client: client, model: GeminiPrices.imageModel("gemini-2.5-flash-image")!)
/// let images = try await gemini.generate(request, context: context)
/// ```
public struct GeminiImageBackend: ImageBackend, SetupChecked {
    public let name = "gemini"
    public var model: GeminiImageModel
    /// `imageConfig.imageSize` for models that take one (`1K`, `2K`, `4K`); `nil` for the default.
    public var imageSize: String?
    let client: GeminiClient

    public init(client: GeminiClient, model: GeminiImageModel, imageSize: String? = nil) {
        self.client = client
        self.model = model
        self.imageSize = imageSize
    }

    /// About one megapixel (what `1K` makes); the image comes at the model's size for the ratio.
    public static let sizes = SizeRule(multiple: 16, minSide: 256, maxSide: 2048, maxPixels: 1024 * 1024)

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: false, negativePrompt: false, characterReferences: true, styleReferences: true,
            characterReferenceLimit: model.maxCharacterImages, placesPeople: true, maxBatch: 4, sizes: Self.sizes,
            pricePerImageUSD: model.perImage)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        _ = try client.requireKey()
        let count = max(1, request.count)
        var calls: [GeminiImageCall] = []
        for index in 0..<count {
            calls.append(
                try GeminiImageCall(request, candidate: index, model: model, imageSize: imageSize, context: context))
        }
        if let dropped = calls.first?.droppedImages, dropped > 0 {
            context.progress(0, "\(model.id) takes \(model.maxInputImages) input images; \(dropped) left out")
        }
        context.progress(0, "asking Gemini for \(count) image\(count == 1 ? "" : "s")")
        let outcomes = try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask {
                    let answer = try await client.generateContent(model: model.id, request: call.body)
                    return (index, try outcome(of: answer, candidate: index))
                }
            }
            var outcomes: [(Int, Outcome)] = []
            for try await outcome in group {
                outcomes.append(outcome)
                context.progress(Double(outcomes.count) / Double(count), "\(outcomes.count) of \(count) answered")
            }
            return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return try images(of: outcomes, request: request)
    }

    enum Outcome: Sendable {
        case image(Data, costUSD: Double)
        case refused(BackendError, costUSD: Double)
    }

    /// The candidates kept, each carrying an equal share of what every call cost; every one
    /// refused is the first refusal.
    private func images(of outcomes: [Outcome], request: Request) throws -> [GeneratedImage] {
        var kept: [(Int, Data)] = []
        var paid = 0.0
        var refusal: BackendError?
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .image(let data, let cost):
                kept.append((index, data))
                paid += cost
            case .refused(let error, let cost):
                refusal = refusal ?? error
                paid += cost
            }
        }
        guard !kept.isEmpty else {
            throw refusal ?? BackendError(.badResponse, backend: name, "Gemini answered without images")
        }
        return kept.map { index, data in
            GeneratedImage(data: data, seed: request.seed(ofCandidate: index), costUSD: paid / Double(kept.count))
        }
    }

    /// The image of one answer, or the refusal it stands for: a blocked prompt, a refusal finish
    /// reason, or no image part at all (with whatever the model said instead).
    func outcome(of answer: GeminiWire.GenerateContentResponse, candidate: Int) throws -> Outcome {
        let cost = model.cost(of: answer.usageMetadata) ?? model.perImage
        let first = answer.candidates?.first
        let parts = first?.content?.parts ?? []
        if let image = parts.first(where: { $0.inlineData != nil && $0.thought != true })?.inlineData {
            guard let data = Data(base64Encoded: image.data, options: .ignoreUnknownCharacters) else {
                throw BackendError(
                    .notAnImage, backend: name, "Gemini sent candidate \(candidate + 1) as unreadable base64")
            }
            try ImageCheck.verify(data, backend: name, what: "candidate \(candidate + 1)")
            return .image(data, costUSD: cost)
        }
        var reasons: [String] = []
        if let block = answer.promptFeedback?.blockReason {
            reasons.append(
                "prompt blocked (\(block))" + (answer.promptFeedback?.blockReasonMessage.map { ": \($0)" } ?? ""))
        }
        if let finish = first?.finishReason, finish != "STOP" {
            reasons.append("finish reason \(finish)" + (first?.finishMessage.map { ": \($0)" } ?? ""))
        }
        let said = parts.filter { $0.thought != true }.compactMap(\.text).joined(separator: " ")
        if !said.isEmpty { reasons.append("the model said: \(said.prefix(300))") }
        let reason = reasons.isEmpty ? "no image in the answer" : reasons.joined(separator: "; ")
        // Blocked prompts are billed for their input only (UNCONFIRMED): the cost is kept as given.
        return .refused(
            GeminiErrors.refusal("Gemini made no image for this shot (\(model.id)): \(reason)", status: nil),
            costUSD: answer.usageMetadata == nil ? 0 : cost)
    }
}
