import Foundation
import ReelKit
import ReelMedia

/// Images on fal: a text-to-image model (`fal-ai/flux/dev`), and its image-to-image sibling for
/// `from:`, image prompts and variations. A grid of four from FLUX is one request with
/// `num_images: 4` (FLUX's schema allows 1–4; fal.ai/models/fal-ai/flux/dev), so one request id
/// is journaled and the take is paid once; a model that makes one image per call gets one
/// request per candidate, seeded `seed`, `seed+1`…
///
/// ```swift
/// let fal = FalImageBackend(client: client, model: FalPrices.model("fal-ai/flux/dev")!)
/// let images = try await fal.generate(request, context: context)
/// ```
public struct FalImageBackend: ResumableImageBackend, SetupChecked {
    public let name = "fal"
    public var model: FalModel
    /// The model used when a request starts from an image; `nil` drops the image.
    public var editModel: FalModel?
    let client: FalClient

    public init(client: FalClient, model: FalModel, editModel: FalModel? = nil) {
        self.client = client
        self.model = model
        self.editModel = editModel ?? model.imageToImage.flatMap(FalPrices.model)
    }

    /// FLUX takes any size; Reel asks for about one megapixel (billed as one), sides a multiple of 32.
    public static let sizes = SizeRule(multiple: 32, minSide: 256, maxSide: 2048, maxPixels: 1024 * 1024)

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: editModel != nil, seed: true, negativePrompt: false,
            characterReferences: takesReferences, styleReferences: takesReferences,
            characterReferenceLimit: editModel?.referenceLimit ?? 0, placesPeople: takesReferences, maxBatch: 4,
            sizes: Self.sizes,
            pricePerImageUSD: model.priceOfImage(width: 1024, height: 1024)
                * (takesReferences && editModel?.billsInputs == true ? 2 : 1))
    }

    /// Whether references reach the model (an edit model that takes `image_urls`).
    var takesReferences: Bool {
        (editModel?.referenceLimit ?? 0) > 0
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    /// Queues the request's candidates (one request, or one per batch of what a call makes) and
    /// returns their handles; the engine journals them before anything else happens.
    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        try await client.slotted { try await submit(request, after: [], context: context).encoded }
    }

    /// Queues the batches not in `submitted` yet, writing the handle down after each paid call.
    private func submit(
        _ request: Request, after submitted: [FalWire.Submitted], context: GenerationContext
    ) async throws -> FalHandle {
        let model = self.model(for: request)
        var submitted = submitted
        for batch in Self.batches(count: request.count, perCall: model.maxImagesPerCall).dropFirst(submitted.count) {
            let input = try self.input(for: request, model: model, first: batch.lowerBound, count: batch.count, context)
            submitted.append(try await client.submit(model: model.id, input: input))
            try context.recordSubmitted(FalHandle(requests: submitted).encoded)
        }
        return FalHandle(requests: submitted)
    }

    /// Waits for each request, then downloads its images at once (fal's URLs expire).
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        try await client.finishing(jobID) {
            try await collectRequests(jobID: jobID, request: request, context: context)
        }
    }

    private func collectRequests(
        jobID: String, request: Request, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        let model = self.model(for: request)
        let batches = Self.batches(count: request.count, perCall: model.maxImagesPerCall)
        guard var handle = FalHandle(encoded: jobID), handle.requests.count <= batches.count else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        // A run killed between two paid calls left some of the grid unsubmitted: only those go now.
        if handle.requests.count < batches.count {
            handle = try await submit(request, after: handle.requests, context: context)
        }
        var images: [GeneratedImage] = []
        for (submitted, batch) in zip(handle.requests, batches) {
            let body = try await client.result(of: submitted, model: model.id) { note in
                context.progress(Double(batch.lowerBound) / Double(max(1, request.count)), note)
            }
            let output = try HTTPAnswer(status: 200, headers: [], body: body).decoded(
                FalWire.ImageOutput.self, backend: name, what: "the result of \(model.id)")
            // A model that bills its input images is paid for them on every call.
            let inputs = try Self.inputCost(of: request, model: model, context)
            let made = try await download(
                output, batch: batch, request: request, model: model, jobID: jobID, scratch: context.scratchDirectory)
            images += made.map { image in
                var image = image
                image.costUSD += inputs / Double(max(1, made.count))
                return image
            }
        }
        context.progress(1, "done")
        return images
    }

    public func cancel(jobID: String) async {
        await client.pace?.finish(jobID, succeeded: false)
        for submitted in FalHandle(encoded: jobID)?.requests ?? [] { await client.cancel(submitted) }
    }

    /// The candidates of one request's output. Images FLUX's safety checker blacked out are
    /// dropped (their cost stays on the take); a request whose every image was is refused.
    private func download(
        _ output: FalWire.ImageOutput, batch: Range<Int>, request: Request, model: FalModel, jobID: String,
        scratch: URL
    ) async throws -> [GeneratedImage] {
        let files = Array(output.images.prefix(batch.count))
        guard !files.isEmpty else {
            throw BackendError(.badResponse, backend: name, "fal answered \(model.id) without images")
        }
        let flagged = output.has_nsfw_concepts ?? []
        let kept = files.indices.filter { !(flagged.indices.contains($0) && flagged[$0]) }
        guard !kept.isEmpty else {
            throw BackendError(
                .refused, backend: name,
                "fal's safety checker blocked every image of this shot (\(model.id)); change the prompt")
        }
        let paid = files.reduce(0) {
            $0 + model.priceOfImage(width: $1.width ?? request.width, height: $1.height ?? request.height)
        }
        var images: [GeneratedImage] = []
        for index in kept {
            // Streamed to a file the engine reads row by row: the result is never held whole.
            let local = scratch.appending(path: "fal-\(UUID().uuidString)")
            try await client.download(files[index], jobID: jobID, to: local)
            try ImageCheck.verify(fileAt: local, backend: name, what: "candidate \(batch.lowerBound + index + 1)")
            images.append(
                GeneratedImage(
                    file: local, seed: request.seed(ofCandidate: batch.lowerBound + index),
                    costUSD: paid / Double(kept.count)))
        }
        return images
    }

    /// The model a request runs on: the edit model when it starts from an image, or carries
    /// references the edit model takes.
    func model(for request: Request) -> FalModel {
        let references = !request.characterReferences.isEmpty || !request.styleReferences.isEmpty
        return request.initImage != nil || (references && takesReferences) ? editModel ?? model : model
    }

    /// The images an editing model with `image_urls` gets, in order of weight, within its limit:
    /// the image to edit, the character references (each placed person's in person order, see
    /// `ReferenceAllotment`), image prompts, style references.
    static func inputImages(of request: Request, limit: Int) -> [ImageSource] {
        let initImages = [request.initImage].compactMap { $0 }
        let characters = ReferenceAllotment(request, limit: limit - initImages.count).all
        let all =
            initImages + characters.map(\.source) + request.imagePrompts.map(\.source)
            + request.styleReferences.map(\.source)
        return Array(all.prefix(limit))
    }

    /// The prompt, after sentences naming who each input image shows and where they stand, when
    /// people are placed. FLUX.2 refers to its inputs as "image 1", "image 2"… in `image_urls` order.
    static func prompt(of request: Request, limit: Int) -> String {
        guard !request.placedPeople.isEmpty, limit > 0 else { return request.prompt }
        let first = request.initImage == nil ? 1 : 2
        let allotment = ReferenceAllotment(request, limit: limit - first + 1)
        let offsets = allotment.people.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let sentences = PlacedPrompt.sentences(request, allotment: allotment) { person, index in
            "image \(first + offsets[person] + index)"
        }
        return sentences + " " + request.prompt
    }

    /// The model's input for candidates `first..<first+count`.
    func input(
        for request: Request, model: FalModel, first: Int, count: Int, _ context: GenerationContext
    ) throws -> [String: JSONValue] {
        var input: [String: JSONValue] = [
            "prompt": .string(Self.prompt(of: request, limit: model.referenceLimit)),
            "seed": .int(Int(request.seed(ofCandidate: first))),
            "enable_safety_checker": .bool(true), "output_format": .string("png"),
        ]
        if model.maxImagesPerCall > 1 { input["num_images"] = .int(count) }
        if model.takesImageSize {
            input["image_size"] = .object(["width": .int(request.width), "height": .int(request.height)])
        }
        if model.referenceLimit > 0 {
            input["image_urls"] = .array(
                try Self.inputImages(of: request, limit: model.referenceLimit).map {
                    .string(DataURI.encode(try context.data(of: $0)))
                })
        } else if model.kind == .imageToImage, let source = request.initImage {
            input["image_url"] = .string(try DataURI.encode(context.data(of: source)))
            // Reel's strength is fal's: 0 keeps the image, 1 ignores it.
            if model.takesStrength { input["strength"] = .double(request.strength ?? 0.6) }
        }
        for (key, value) in model.fixedInput { input[key] = value }
        return input
    }

    /// `count` candidates in calls of at most `perCall`.
    static func batches(count: Int, perCall: Int) -> [Range<Int>] {
        let total = max(1, count)
        let step = max(1, perCall)
        return stride(from: 0, to: total, by: step).map { $0..<min(total, $0 + step) }
    }

    /// What one call's input images cost on a model that bills them (per megapixel, rounded up).
    static func inputCost(of request: Request, model: FalModel, _ context: GenerationContext) throws -> Double {
        guard model.billsInputs, model.referenceLimit > 0 else { return 0 }
        return try inputImages(of: request, limit: model.referenceLimit).reduce(0) { sum, source in
            let image = try RGBAImage(decoding: try context.data(of: source))
            return sum + model.priceOfImage(width: image.width, height: image.height)
        }
    }
}
