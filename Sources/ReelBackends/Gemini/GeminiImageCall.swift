import Foundation
import ReelKit
import ReelMedia

/// One `generateContent` call for one candidate, built from a `Request`: the prompt as a text
/// part with a sentence saying what each input image is for, then the input images as
/// `inlineData` parts — the image to edit or vary first (`from:`, a variation's parent, the
/// leading image prompt), then further image prompts, character references and style references,
/// cut to the model's input limit (style references go first, then characters, then image
/// prompts). Gemini has no strength: a variation's strength becomes words. The aspect ratio is
/// the closest one `imageConfig.aspectRatio` allows.
struct GeminiImageCall: Sendable {
    static let aspectRatios = ["1:1", "2:3", "3:2", "3:4", "4:3", "9:16", "16:9", "21:9"]

    var body: GeminiWire.GenerateContentRequest
    /// Input images left out over the model's limit.
    var droppedImages: Int

    init(
        _ request: Request, candidate: Int, model: GeminiImageModel, imageSize: String?, context: GenerationContext
    ) throws {
        let allotment = ReferenceAllotment(request, limit: model.maxCharacterImages)
        var groups: [(role: Role, images: [ImageSource])] = [
            (.edit, request.initImage.map { [$0] } ?? []), (.inspiration, request.imagePrompts.map(\.source)),
            (.character, allotment.all.map(\.source)), (.style, request.styleReferences.map(\.source)),
        ]
        var over = groups.reduce(0) { $0 + $1.images.count } - model.maxInputImages
        droppedImages = max(0, over)
        for index in groups.indices.reversed() where over > 0 {
            let cut = min(over, groups[index].images.count)
            groups[index].images.removeLast(cut)
            over -= cut
        }
        var text = Self.text(request, groups: groups.map { ($0.role, $0.images.count) })
        if !request.placedPeople.isEmpty {
            let first = groups.prefix(2).reduce(1) { $0 + $1.images.count }
            text =
                Self.placed(request, allotment: allotment, firstImage: first, kept: groups[2].images.count) + " " + text
        }
        var parts = [GeminiWire.Part(text: text)]
        for group in groups {
            for source in group.images {
                let data = try context.data(of: source)
                let type = ImageFormat.sniff(data).map { "image/\($0.rawValue)" } ?? "image/png"
                parts.append(GeminiWire.Part(image: data, mimeType: type))
            }
        }
        let size = model.imageSizes.isEmpty ? nil : imageSize.flatMap { model.imageSizes.contains($0) ? $0 : nil }
        body = GeminiWire.GenerateContentRequest(
            contents: [GeminiWire.Content(role: "user", parts: parts)],
            generationConfig: GeminiWire.GenerationConfig(
                responseModalities: ["IMAGE"],
                seed: Int32(truncatingIfNeeded: request.seed(ofCandidate: candidate) & 0x7FFF_FFFF),
                imageConfig: GeminiWire.ImageConfig(
                    aspectRatio: Self.aspectRatio(width: request.width, height: request.height), imageSize: size)))
    }

    enum Role { case edit, inspiration, character, style }

    /// The prompt, after a sentence for each kind of input image present.
    static func text(_ request: Request, groups: [(Role, Int)]) -> String {
        var sentences: [String] = []
        for (role, count) in groups where count > 0 {
            let them = count == 1 ? "the next image" : "the next \(count) images"
            switch role {
            case .edit:
                let strength = request.strength ?? 0.6
                sentences.append(
                    strength < 0.4
                        ? "Make a subtle variation of the first image, keeping its composition, subject and colours."
                        : strength > 0.75
                            ? "Use the first image only as a loose starting point." : "Edit the first image.")
            case .inspiration: sentences.append("Draw on \(them) as visual inspiration.")
            case .character: sentences.append("Keep the character shown in \(them) recognisably the same.")
            case .style: sentences.append("Match the style of \(them).")
            }
        }
        return (sentences + [request.prompt]).joined(separator: " ")
    }

    /// Who the character images show and where to place them; Gemini reads input images in the
    /// order of the parts, so they are named "image N" by that order.
    static func placed(_ request: Request, allotment: ReferenceAllotment, firstImage: Int, kept: Int) -> String {
        let offsets = allotment.people.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var trimmed = allotment
        var left = kept
        for index in trimmed.people.indices {
            trimmed.people[index] = Array(trimmed.people[index].prefix(left))
            left = max(0, left - allotment.people[index].count)
        }
        return PlacedPrompt.sentences(request, allotment: trimmed) { person, index in
            "image \(firstImage + offsets[person] + index)"
        }
    }

    /// The allowed ratio closest to `width`:`height`.
    static func aspectRatio(width: Int, height: Int) -> String {
        let wanted = log(Double(max(1, width)) / Double(max(1, height)))
        return aspectRatios.min { distance($0, wanted) < distance($1, wanted) } ?? "1:1"
    }

    private static func distance(_ ratio: String, _ wanted: Double) -> Double {
        guard let aspect = AspectRatio(parsing: ratio) else { return .infinity }
        return abs(log(aspect.ratio) - wanted)
    }
}
