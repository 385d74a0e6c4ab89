import Foundation
import ReelKit
import ReelMedia

/// Images on OpenAI (gpt-image-2 by default). A text-only shot is one `POST /images/generations`
/// with `n` = the grid (4 in one call); a shot with a `from:` image, image prompts or character
/// and style references is one multipart `POST /images/edits` with the images as `image[]` parts
/// (up to 16), `input_fidelity: high` when it carries character references.
///
/// Not resumable: the API is synchronous and names no job Reel could journal and re-attach to,
/// so each call is one paid request, and a run killed while OpenAI works asks (and pays) again
/// for that shot — images already stored are never asked for again. There is no seed and no
/// negative prompt; the capabilities say so and Reel reports them dropped.
///
/// ```swift
/// let openai = OpenAIImageBackend(client: client, model: OpenAIPrices.imageModel("gpt-image-2"))
/// let images = try await openai.generate(request, context: context)
/// ```
public struct OpenAIImageBackend: ImageBackend, SetupChecked {
    public let name = "openai"
    public var model: OpenAIImageModel
    /// `low`, `medium`, `high` or `auto`.
    public var quality: String
    /// `auto` (OpenAI's default) or `low`.
    public var moderation: String
    let client: OpenAIClient

    /// Most images one call asks for (OpenAI's `n` is 1–10) and most input images of an edit.
    static let maxPerCall = 10
    static let maxInputImages = 16

    public init(client: OpenAIClient, model: OpenAIImageModel, quality: String = "medium", moderation: String = "auto")
    {
        self.client = client
        self.model = model
        self.quality = quality
        self.moderation = moderation
    }

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: false, negativePrompt: false, characterReferences: true, styleReferences: true,
            characterReferenceLimit: Self.maxInputImages, placesPeople: true, maxBatch: Self.maxPerCall,
            sizes: OpenAIImageSize.rule,
            pricePerImageUSD: model.priceOfImage(quality: quality, width: 1536, height: 1024))
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let inputs = try inputImages(of: request, context)
        var images: [GeneratedImage] = []
        var first = 0
        while first < max(1, request.count) {
            let count = min(Self.maxPerCall, max(1, request.count) - first)
            context.progress(Double(first) / Double(max(1, request.count)), "asking OpenAI (\(model.id))")
            let answer: HTTPAnswer
            if inputs.isEmpty {
                answer = try await client.post(
                    "/images/generations", json: generation(request, count: count), model: model.id,
                    setting: "image_model")
            } else {
                answer = try await client.post(
                    "/images/edits", form: edit(request, count: count, inputs: inputs), model: model.id,
                    setting: "image_model")
            }
            images += try decode(answer, request: request, first: first, count: count)
            first += count
        }
        context.progress(1, "done")
        return images
    }

    func generation(_ request: Request, count: Int) -> OpenAIWire.Generation {
        OpenAIWire.Generation(
            model: model.id, prompt: OpenAIPlacedPrompt.prompt(of: request, limit: Self.maxInputImages), n: count,
            size: OpenAIImageSize.text(width: request.width, height: request.height), quality: quality,
            moderation: moderation)
    }

    /// The edit form: the input images first (the `from:` image leads), then the fields.
    func edit(_ request: Request, count: Int, inputs: [Data]) -> MultipartForm {
        var form = MultipartForm()
        let field = inputs.count == 1 ? "image" : "image[]"
        for (index, data) in inputs.enumerated() {
            let format = ImageFormat.sniff(data) ?? .png
            form.add(
                file: field, fileName: "input-\(index + 1).\(format.rawValue)", contentType: "image/\(format.rawValue)",
                data: data)
        }
        form.add(field: "model", value: model.id)
        form.add(field: "prompt", value: OpenAIPlacedPrompt.prompt(of: request, limit: Self.maxInputImages))
        form.add(field: "n", value: String(count))
        form.add(field: "size", value: OpenAIImageSize.text(width: request.width, height: request.height))
        form.add(field: "quality", value: quality)
        form.add(field: "output_format", value: "png")
        // Faces and style are kept closely when characters must look the same, or a variation
        // should stay near its parent (a low strength).
        if !request.characterReferences.isEmpty || (request.strength ?? 1) <= 0.35 {
            form.add(field: "input_fidelity", value: "high")
        }
        return form
    }

    /// Every input image in the order OpenAI gets them, at most 16.
    func inputImages(of request: Request, _ context: GenerationContext) throws -> [Data] {
        let leading = (request.initImage.map { [$0] } ?? []) + request.imagePrompts.map(\.source)
        let characters = ReferenceAllotment(request, limit: Self.maxInputImages - leading.count).all
        let sources = leading + characters.map(\.source) + request.styleReferences.map(\.source)
        return try sources.prefix(Self.maxInputImages).map { try context.data(of: $0) }
    }

    /// The images of one answer, each with its share of what the call cost.
    private func decode(_ answer: HTTPAnswer, request: Request, first: Int, count: Int) throws -> [GeneratedImage] {
        let response = try answer.decoded(
            OpenAIWire.ImagesResponse.self, backend: name, what: "an image request to \(model.id)")
        let items = (response.data ?? []).compactMap(\.b64_json)
        guard !items.isEmpty else {
            throw BackendError(.badResponse, backend: name, "OpenAI answered \(model.id) without images; try again")
        }
        let size = OpenAIImageSize.wire(width: request.width, height: request.height)
        let paid =
            model.cost(of: response.usage)
            ?? Double(count) * model.priceOfImage(quality: quality, width: size.width, height: size.height)
        return try items.prefix(count).enumerated().map { offset, text in
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw BackendError(
                    .badResponse, backend: name, "OpenAI sent image \(first + offset + 1) as something not base64")
            }
            try ImageCheck.verify(data, backend: name, what: "candidate \(first + offset + 1)")
            return GeneratedImage(data: data, seed: nil, costUSD: paid / Double(min(count, items.count)))
        }
    }
}
