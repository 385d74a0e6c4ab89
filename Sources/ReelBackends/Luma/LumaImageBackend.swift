import Foundation
import ReelKit
import ReelMedia

/// Images on Luma's `uni-1` (`type: image`). Each generation makes one image and takes no seed,
/// so a grid of four is four generations, journaled together. The shot's shape becomes the
/// closest aspect ratio Luma allows; character, style and image-prompt references go as
/// `image_ref` (inline base64, up to nine), and a `from:` image makes it an edit
/// (`type: image_edit` with the image as `source`, up to eight references beside it).
///
/// ```swift
/// let luma = LumaImageBackend(client: client, model: LumaPrices.model("uni-1")!)
/// let images = try await luma.generate(request, context: context)
/// ```
public struct LumaImageBackend: ResumableImageBackend, SetupChecked {
    public let name = "luma"
    public var model: LumaModel
    let client: LumaClient

    public init(client: LumaClient, model: LumaModel) {
        self.client = client
        self.model = model
    }

    /// Aspect ratios the Agents API takes (the server checks them per model).
    static let aspectRatios = ["3:1", "2:1", "21:9", "16:9", "4:3", "3:2", "1:1", "3:4", "2:3", "9:16", "1:2", "1:3"]

    /// Luma makes 2048-pixel images whatever is asked; Reel's size only chooses the shape.
    public static let sizes = SizeRule(multiple: 16, minSide: 256, maxSide: 2048, maxPixels: 2048 * 2048)

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: false, negativePrompt: false, characterReferences: true, styleReferences: true,
            characterReferenceLimit: model.maxReferences, placesPeople: true, maxBatch: 1, sizes: Self.sizes,
            pricePerImageUSD: model.textToImageUSD)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    /// Starts one generation per candidate and returns their ids, one per line.
    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        try await submit(request, after: [], context: context).joined(separator: "\n")
    }

    /// Creates the generations not in `created` yet, writing the ids down after each paid call.
    private func submit(
        _ request: Request, after created: [String], context: GenerationContext
    ) async throws -> [String] {
        let body = try self.body(for: request, context)
        var ids = created
        while ids.count < max(1, request.count) {
            ids.append(try await client.create(body, model: model.id))
            try context.recordSubmitted(ids.joined(separator: "\n"))
        }
        return ids
    }

    /// Waits for each generation and downloads its image at once (Luma's URLs last an hour).
    /// Images Luma's moderation refused are left out; a grid whose every image was is refused.
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let ids = try await CandidateJobs.completed(jobID, count: max(1, request.count), backend: name) {
            try await submit(request, after: $0, context: context)
        }
        let price = model.priceOfImage(references: references(of: request).count, editing: request.initImage != nil)
        var images: [GeneratedImage] = []
        var refusal: BackendError?
        for (index, id) in ids.enumerated() {
            let urls: [String]
            do {
                urls = try await client.outputs(of: id, model: model.id) { note in
                    context.progress(Double(index) / Double(ids.count), note)
                }
            } catch let error as BackendError where error.code == .refused {
                refusal = refusal ?? error
                continue
            }
            let local = context.scratchDirectory.appending(path: "luma-\(UUID().uuidString)")
            try await client.download(output: 0, of: id, urls: urls, model: model.id, to: local)
            try ImageCheck.verify(fileAt: local, backend: name, what: "candidate \(index + 1)")
            images.append(GeneratedImage(file: local, seed: nil, costUSD: price))
        }
        if images.isEmpty, let refusal { throw refusal }
        context.progress(1, "done")
        return images
    }

    /// The Agents API has no cancel call: a generation Reel gives up on runs to its end.
    public func cancel(jobID: String) async {}

    /// How many `image_ref`s a request may carry: the model's limit, one fewer for an edit.
    func referenceRoom(_ request: Request) -> Int { model.maxReferences - (request.initImage != nil ? 1 : 0) }

    /// The reference images of a request, at most the model's limit (one fewer for an edit):
    /// character references first (each placed person's in person order), then image prompts
    /// and style references.
    func references(of request: Request) -> [ImageSource] {
        let characters = ReferenceAllotment(request, limit: referenceRoom(request)).all
        let all = (characters + request.imagePrompts + request.styleReferences).map(\.source)
        return Array(all.prefix(referenceRoom(request)))
    }

    /// The prompt of a placed shot names who each `image_ref` shows ("image 2", by the list's
    /// order; UNCONFIRMED how Luma's models read such names) and where to place them.
    func prompt(of request: Request) -> String {
        guard !request.placedPeople.isEmpty else { return request.prompt }
        let allotment = ReferenceAllotment(request, limit: referenceRoom(request))
        let offsets = allotment.people.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let sentences = PlacedPrompt.sentences(request, allotment: allotment) { person, index in
            "image \(1 + offsets[person] + index)"
        }
        return sentences + " " + request.prompt
    }

    func body(for request: Request, _ context: GenerationContext) throws -> LumaWire.Create {
        let references = try references(of: request).map { LumaWire.Media.inline(try context.data(of: $0)) }
        let source = try request.initImage.map { LumaWire.Media.inline(try context.data(of: $0)) }
        return LumaWire.Create(
            model: model.id, type: source == nil ? "image" : "image_edit",
            prompt: String(prompt(of: request).prefix(6000)),
            aspect_ratio: Self.aspectRatio(width: request.width, height: request.height),
            image_ref: references.isEmpty ? nil : references, source: source, output_format: "png")
    }

    /// The allowed aspect ratio closest to `width`×`height`.
    static func aspectRatio(width: Int, height: Int) -> String {
        let wanted = log(Double(max(1, width)) / Double(max(1, height)))
        func distance(_ ratio: String) -> Double {
            let sides = ratio.split(separator: ":").compactMap { Double($0) }
            return abs(log(sides[0] / sides[1]) - wanted)
        }
        return aspectRatios.min { distance($0) < distance($1) } ?? "16:9"
    }
}
