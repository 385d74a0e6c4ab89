import Foundation
import ReelKit
import ReelMedia

/// Images on Replicate: a text-to-image model (`black-forest-labs/flux-dev`) and an edit model
/// for `from:`, image prompts and variations (FLUX dev itself, with `image` and
/// `prompt_strength`, or FLUX Kontext). A grid of four from FLUX is one prediction with
/// `num_outputs: 4`; a model that makes one image per prediction gets one prediction per
/// candidate, seeded `seed`, `seed+1`… The request's size becomes the model's nearest
/// `aspect_ratio` (FLUX makes about one megapixel at each).
///
/// ```swift
/// let flux = ReplicateImageBackend(client: client, model: ReplicatePrices.model("black-forest-labs/flux-dev")!)
/// let images = try await flux.generate(request, context: context)
/// ```
public struct ReplicateImageBackend: ResumableImageBackend, SetupChecked {
    public let name = "replicate"
    public var model: ReplicateModel
    /// The model used when a request starts from an image; `nil` drops the image.
    public var editModel: ReplicateModel?
    let client: ReplicateClient

    public init(client: ReplicateClient, model: ReplicateModel, editModel: ReplicateModel? = nil) {
        self.client = client
        self.model = model
        self.editModel = editModel ?? model.imageToImage.flatMap(ReplicatePrices.editModel)
    }

    /// FLUX makes about one megapixel at the aspect asked; Reel's sizes follow.
    public static let sizes = SizeRule(multiple: 32, minSide: 256, maxSide: 2048, maxPixels: 1024 * 1024)

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: editModel != nil, seed: true, negativePrompt: false, maxBatch: 4, sizes: Self.sizes,
            pricePerImageUSD: model.pricePerImage)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    /// Creates the request's predictions (one, or one per batch of what a prediction makes) and
    /// returns their handle; the engine journals it before anything else happens.
    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        try await submit(request, after: [], context: context).encoded
    }

    /// Creates the predictions not in `created` yet, writing the handle down after each paid call.
    private func submit(
        _ request: Request, after created: [ReplicateHandle.Entry], context: GenerationContext
    ) async throws -> ReplicateHandle {
        let model = self.model(for: request)
        var image: String?
        if let source = request.initImage { image = try await client.inputImage(context.data(of: source)) }
        var created = created
        for batch in Self.batches(count: request.count, perCall: model.maxOutputsPerCall).dropFirst(created.count) {
            let input = input(for: request, model: model, first: batch.lowerBound, count: batch.count, image: image)
            created.append(try await client.create(model: model, input: input))
            try context.recordSubmitted(ReplicateHandle(predictions: created).encoded)
        }
        return ReplicateHandle(predictions: created)
    }

    /// Waits for each prediction, then downloads its images at once (outputs expire in an hour).
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let model = self.model(for: request)
        let batches = Self.batches(count: request.count, perCall: model.maxOutputsPerCall)
        guard var handle = ReplicateHandle(encoded: jobID), handle.predictions.count <= batches.count else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        // A run killed between two paid calls left some of the grid uncreated: only those go now.
        if handle.predictions.count < batches.count {
            handle = try await submit(request, after: handle.predictions, context: context)
        }
        var images: [GeneratedImage] = []
        for (entry, batch) in zip(handle.predictions, batches) {
            let prediction = try await client.succeeded(entry, model: model.id) { note in
                context.progress(Double(batch.lowerBound) / Double(max(1, request.count)), note)
            }
            let urls = Array(prediction.outputURLs.prefix(batch.count))
            let paid = model.cost(ofImages: urls.count, predictTime: prediction.metrics?.predict_time)
            for (index, url) in urls.enumerated() {
                let local = context.scratchDirectory.appending(path: "replicate-\(UUID().uuidString)")
                try await client.download(url, jobID: entry.id, to: local)
                try ImageCheck.verify(fileAt: local, backend: name, what: "candidate \(batch.lowerBound + index + 1)")
                images.append(
                    GeneratedImage(
                        file: local, seed: request.seed(ofCandidate: batch.lowerBound + index),
                        costUSD: paid / Double(urls.count)))
            }
        }
        context.progress(1, "done")
        return images
    }

    public func cancel(jobID: String) async {
        for entry in ReplicateHandle(encoded: jobID)?.predictions ?? [] { await client.cancel(entry) }
    }

    /// The model a request runs on: the edit model when it starts from an image.
    func model(for request: Request) -> ReplicateModel {
        request.initImage != nil ? editModel ?? model : model
    }

    /// The model's input for candidates `first..<first+count`; `image` is the start image as the
    /// model takes it (a `data:` URI or an uploaded file's URL).
    func input(
        for request: Request, model: ReplicateModel, first: Int, count: Int, image: String?
    ) -> [String: JSONValue] {
        var input: [String: JSONValue] = [
            "prompt": .string(request.prompt), "seed": .int(Int(request.seed(ofCandidate: first))),
            "output_format": .string("png"),
        ]
        if model.maxOutputsPerCall > 1 { input["num_outputs"] = .int(count) }
        if let image, let name = model.imageInput {
            input[name] = .string(image)
            // Reel's strength is Replicate's prompt strength: 0 keeps the image, 1 ignores it.
            if let strength = model.strengthInput { input[strength] = .double(request.strength ?? 0.6) }
            if let aspect = model.aspectWithImage { input["aspect_ratio"] = .string(aspect) }
        } else if let aspect = model.aspectRatio(width: request.width, height: request.height) {
            input["aspect_ratio"] = .string(aspect)
        }
        for (key, value) in model.fixedInput { input[key] = value }
        return input
    }

    /// `count` candidates in predictions of at most `perCall`.
    static func batches(count: Int, perCall: Int) -> [Range<Int>] {
        let total = max(1, count)
        let step = max(1, perCall)
        return stride(from: 0, to: total, by: step).map { $0..<min(total, $0 + step) }
    }
}
