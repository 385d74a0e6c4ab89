import Foundation
import ReelKit
import ReelMedia

/// The embedded offline image backend: draws storyboard sketches with `SketchRenderer`, so a
/// film can be made on a fresh machine with no model and no network. Free and deterministic.
///
/// Each frame carries the recipe it was drawn from (`SketchRecipe`), so a variation or a `from:`
/// shot of a sketch redraws its parent's scene rather than blending pixels.
///
/// Image codecs live in ReelMedia's codec layer; the composition root hands them in, so this
/// backend stays testable with any codec:
///
/// ```swift
/// let sketch = SketchBackend(encode: { try pngEncoder($0) }, decode: { try imageDecoder($0) })
/// ```
public struct SketchBackend: ImageBackend {
    /// Turns a drawn frame into the bytes a backend returns (PNG).
    public typealias Encode = @Sendable (RGBAImage) throws -> Data
    /// Reads an input image's bytes (PNG, JPEG or WebP).
    public typealias Decode = @Sendable (Data) throws -> RGBAImage

    public let name = "sketch"
    public let renderer: SketchRenderer
    /// The sizes it draws at; tests pass a small rule to keep frames tiny.
    public let sizes: SizeRule
    private let encode: Encode
    private let decode: Decode

    /// Sizes follow the usual model rule (multiples of 64, about a megapixel) so a film made
    /// with `sketch` swaps to a model unchanged.
    public static let defaultSizes = SizeRule()

    public init(
        renderer: SketchRenderer = SketchRenderer(), sizes: SizeRule = SketchBackend.defaultSizes,
        encode: @escaping Encode, decode: @escaping Decode
    ) {
        self.renderer = renderer
        self.sizes = sizes
        self.encode = encode
        self.decode = decode
    }

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: true, negativePrompt: true, characterReferences: true,
            characterReferenceLimit: SketchCast.maxPeople,
            placesPeople: true, maxBatch: 8, sizes: sizes)
    }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        var initImage: RGBAImage?
        var parent: SketchRecipe?
        if let source = request.initImage {
            let data = try context.data(of: source)
            parent = SketchRecipe(png: data)
            if parent == nil {
                do {
                    initImage = try decode(data)
                } catch {
                    throw ReelError(
                        .invalidInput, "the sketch backend could not read the init image \(source): \(error)",
                        underlying: error)
                }
            }
        }
        let references = try SketchLook.references(of: request, context: context)
        let count = max(1, request.count)
        var images: [GeneratedImage] = []
        for index in 0..<count {
            try Task.checkCancellation()
            context.progress(Double(index) / Double(count), "drawing \(index + 1) of \(count)")
            let seed = request.seed(ofCandidate: index)
            images.append(
                GeneratedImage(
                    data: try draw(
                        request, parent: parent, initImage: initImage, seed: seed,
                        looks: SketchLook.looks(prompt: request.prompt, seed: seed, references: references)),
                    seed: seed, costUSD: 0))
        }
        context.progress(1, "drawn")
        return images
    }

    /// One candidate's bytes. A sketch parent is redrawn from its recipe (its people keep the
    /// parent's looks); a foreign init image is repainted. Whatever `sketch` draws from a recipe
    /// carries its own, for the next variation.
    private func draw(
        _ request: Request, parent: SketchRecipe?, initImage: RGBAImage?, seed: UInt32, looks: [UInt32?]
    ) throws -> Data {
        if let parent {
            let (frame, recipe) = try renderer.render(request, parent: parent, seed: seed)
            return recipe.embedded(in: try encode(frame))
        }
        let frame = try renderer.render(request, initImage: initImage, seed: seed, looks: looks)
        guard initImage == nil else { return try encode(frame) }
        return SketchRecipe(request: request, seed: seed, looks: looks).embedded(in: try encode(frame))
    }
}
