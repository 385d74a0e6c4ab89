import Foundation
import ReelKit
import ReelMedia

/// Images on Runway's `gen4_image` family (`POST /v1/text_to_image`). Each call makes one
/// image, so a grid of four is four tasks seeded `seed`, `seed+1`…, journaled together. The
/// shot's size becomes the closest ratio the model allows. Character references, the `from:`
/// image and image prompts go as `referenceImages` tagged `@char1`, `@image1`… (up to the
/// model's three), and the prompt names each tag, as Runway's docs ask. Runway's text-to-image
/// takes no strength, so a variation is a new image guided by its parent as a reference; style
/// references are dropped.
///
/// ```swift
/// let runway = RunwayImageBackend(client: client, model: RunwayPrices.model("gen4_image")!)
/// let images = try await runway.generate(request, context: context)
/// ```
public struct RunwayImageBackend: ResumableImageBackend, SetupChecked {
    public let name = "runway"
    public var model: RunwayModel
    let client: RunwayClient

    public init(client: RunwayClient, model: RunwayModel) {
        self.client = client
        self.model = model
    }

    /// Sizes near the model's ratios (its largest is 2112×912, about two megapixels).
    public static let sizes = SizeRule(multiple: 16, minSide: 256, maxSide: 2112, maxPixels: 1920 * 1080)

    public var capabilities: ImageCapabilities {
        let typical = model.ratio(width: 1920, height: 1080)
        return ImageCapabilities(
            initImage: true, seed: model.takesSeed, negativePrompt: false, characterReferences: true,
            characterReferenceLimit: model.maxReferences, placesPeople: true, maxBatch: 1,
            sizes: Self.sizes, pricePerImageUSD: model.priceOfImage(typical))
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    /// Creates one task per candidate and returns their ids, one per line; the engine journals
    /// them before anything else happens.
    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        try await submit(request, after: [], context: context).joined(separator: "\n")
    }

    /// Creates the tasks not in `created` yet, writing the ids down after each paid call.
    private func submit(
        _ request: Request, after created: [String], context: GenerationContext
    ) async throws -> [String] {
        let references = try self.references(for: request, context)
        if references.count < model.minReferences {
            throw BackendError(
                .rejected, backend: name,
                "\(model.id) needs at least \(model.minReferences) reference image (a character or an image prompt); "
                    + "give the shot one, or use gen4_image")
        }
        var ids = created
        for index in created.count..<max(1, request.count) {
            let body = RunwayWire.TextToImage(
                model: model.id,
                promptText: Self.prompt(RunwayTags.prompt(of: request, limit: model.maxReferences), naming: references),
                ratio: model.ratio(width: request.width, height: request.height).wire,
                seed: model.takesSeed ? request.seed(ofCandidate: index) : nil,
                referenceImages: references.isEmpty ? nil : references)
            ids.append(try await client.create("text_to_image", body: body, model: model.id))
            try context.recordSubmitted(ids.joined(separator: "\n"))
        }
        return ids
    }

    /// Waits for each task and downloads its image at once (Runway's URLs expire). Images
    /// Runway's moderation refused are left out; a grid whose every image was is refused.
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let ids = try await CandidateJobs.completed(jobID, count: max(1, request.count), backend: name) {
            try await submit(request, after: $0, context: context)
        }
        let price = model.priceOfImage(model.ratio(width: request.width, height: request.height))
        var images: [GeneratedImage] = []
        var refusal: BackendError?
        for (index, id) in ids.enumerated() {
            let urls: [String]
            do {
                urls = try await client.outputs(of: id, model: model.id) { fraction, note in
                    context.progress((Double(index) + fraction) / Double(ids.count), note)
                }
            } catch let error as BackendError where error.code == .refused {
                // Moderation judges each image; the grid keeps the ones that passed.
                refusal = refusal ?? error
                continue
            }
            let local = context.scratchDirectory.appending(path: "runway-\(UUID().uuidString)")
            try await client.download(output: 0, of: id, urls: urls, model: model.id, to: local)
            try ImageCheck.verify(fileAt: local, backend: name, what: "candidate \(index + 1)")
            images.append(GeneratedImage(file: local, seed: request.seed(ofCandidate: index), costUSD: price))
        }
        if images.isEmpty, let refusal { throw refusal }
        context.progress(1, "done")
        return images
    }

    public func cancel(jobID: String) async {
        for id in jobID.split(separator: "\n") { await client.cancel(String(id)) }
    }

    /// The request's images as tagged references: characters first, then the `from:` image and
    /// the image prompts, at most the model's limit.
    func references(for request: Request, _ context: GenerationContext) throws -> [RunwayWire.Reference] {
        let characters = RunwayTags.characters(of: request, limit: model.maxReferences)
        let prompts = ((request.initImage.map { [$0] } ?? []) + request.imagePrompts.map(\.source)).enumerated()
            .map { ("image\($0.offset + 1)", $0.element) }
        return try (characters + prompts).prefix(model.maxReferences).map { tag, source in
            let uri = try RunwayImageInput.dataURI(try context.data(of: source), what: "reference image @\(tag)")
            return RunwayWire.Reference(uri: uri, tag: tag)
        }
    }

    /// The prompt with every reference named as `@tag` (Runway uses a reference only where the
    /// prompt names it), cut to Runway's limit.
    static func prompt(_ prompt: String, naming references: [RunwayWire.Reference]) -> String {
        let missing = references.map { "@\($0.tag)" }.filter { !prompt.contains($0) }
        let text = missing.isEmpty ? prompt : "\(prompt) (with \(missing.joined(separator: ", ")))"
        return RunwayWire.promptText(text)
    }
}
