import Foundation
import ReelKit
import ReelMedia

/// A workflow's placeholders for the shot's characters:
/// - `{{ref:NAME}}`: the first reference of the character `NAME` (its cast id: `{{ref:oda}}`).
/// - `{{person:N:prompt}}`: person N's words (their description), N from 1, left to right.
/// - `{{person:N:ref}}`: person N's first reference, uploaded.
/// - `{{person:N:mask}}`: a mask PNG at the request's size, white over person N's column and
///   black elsewhere, uploaded (load it with `LoadImageMask`, channel `red`).
/// `{{ref:1}}`, `{{ref:2}}`… (the shot's references in order) are filled by `ComfyUIBackend`.
enum ComfyUIPeople {
    /// Whether a placeholder name is one of these.
    static func isPersonPlaceholder(_ name: String) -> Bool {
        name.hasPrefix("person:") || (name.hasPrefix("ref:") && Int(name.dropFirst(4)) == nil)
    }

    /// How many people a workflow places (the highest N of its `{{person:N:…}}`).
    static func placedCount(in workflow: ComfyUIWorkflow) -> Int {
        workflow.usedPlaceholders.compactMap { name -> Int? in
            let parts = name.split(separator: ":")
            return parts.count == 3 && parts[0] == "person" ? Int(parts[1]) : nil
        }.max() ?? 0
    }

    /// How many reference images a workflow loads: its `{{ref:…}}` and `{{person:N:ref}}` slots.
    static func referenceSlots(in workflow: ComfyUIWorkflow) -> Int {
        workflow.usedPlaceholders.filter { $0.hasPrefix("ref:") || ($0.hasPrefix("person:") && $0.hasSuffix(":ref")) }
            .count
    }

    /// The values of the person placeholders `workflow` uses; `upload` stores bytes on the server
    /// under a name and returns what `LoadImage` reads. A placeholder the shot has no value for
    /// stays unfilled, and `ComfyUIWorkflow.filled` reports it.
    static func values(
        for request: Request, workflow: ComfyUIWorkflow, context: GenerationContext,
        upload: (Data, String) async throws -> String
    ) async throws -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        let people = request.people ?? []
        for name in workflow.usedPlaceholders.sorted() where isPersonPlaceholder(name) {
            let parts = name.split(separator: ":").map(String.init)
            if parts.count == 2, let person = people.first(where: { $0.character == parts[1] }),
                let reference = person.references.first
            {
                values[name] = .string(
                    try await upload(try context.data(of: reference.source), uploadName(reference.source)))
            } else if parts.count == 3, let number = Int(parts[1]), number >= 1, number <= people.count {
                let person = people[number - 1]
                switch parts[2] {
                case "prompt":
                    values[name] = .string(person.description)
                case "ref":
                    if let reference = person.references.first {
                        values[name] = .string(
                            try await upload(try context.data(of: reference.source), uploadName(reference.source)))
                    }
                case "mask":
                    let mask = try self.mask(person.region, width: request.width, height: request.height)
                    values[name] = .string(try await upload(mask, "reel-mask-\(number)-of-\(people.count)"))
                default:
                    break
                }
            }
        }
        return values
    }

    /// White over `region`'s columns, black elsewhere, at `width`×`height`.
    static func mask(_ region: ScreenRegion, width: Int, height: Int) throws -> Data {
        var image = RGBAImage(width: width, height: height)
        let from = Int((region.left * Double(width)).rounded())
        let to = Int((region.right * Double(width)).rounded())
        for y in 0..<height {
            for x in from..<max(from, min(width, to)) {
                let offset = (y * width + x) * 4
                image.pixels[offset] = 255
                image.pixels[offset + 1] = 255
                image.pixels[offset + 2] = 255
            }
        }
        return try image.encoded(as: .png)
    }

    static func uploadName(_ source: ImageSource) -> String { ComfyUIBackend.uploadName(source) }
}
