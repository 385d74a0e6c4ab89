import Foundation
import ReelKit

/// Which inputs of a request differ from the one a stored result was made from, in the words a
/// filmmaker uses ("prompt", "seed", "size", "pick"), for `reel plan`'s "why".
enum ChangedInputs {
    /// The names of the top-level fields whose encodings differ, mapped to words and deduplicated
    /// in field order; `["inputs"]` when the two cannot be compared.
    static func between<Value: Encodable>(_ old: Value, _ new: Value) -> [String] {
        guard let before = try? fields(of: old), let after = try? fields(of: new) else { return ["inputs"] }
        var changed: [String] = []
        for name in Set(before.keys).union(after.keys).sorted(by: order) where before[name] != after[name] {
            let word = words[name] ?? name
            if !changed.contains(word) { changed.append(word) }
        }
        return changed.isEmpty ? ["inputs"] : changed
    }

    /// Each top-level field's canonical JSON text.
    private static func fields<Value: Encodable>(of value: Value) throws -> [String: String] {
        let data = try CanonicalEncoding.data(value)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return try object.mapValues { field in
            let encoded = try JSONSerialization.data(withJSONObject: field, options: [.sortedKeys, .fragmentsAllowed])
            return String(decoding: encoded, as: UTF8.self)
        }
    }

    /// Fields in the order a filmmaker thinks of them; the rest alphabetically after.
    private static let priority = [
        "prompt", "weightedPrompt", "negative", "image", "initImage", "strength", "duration", "camera", "motion",
        "seed", "aspect", "width", "height", "count",
    ]

    private static func order(_ a: String, _ b: String) -> Bool {
        let ia = priority.firstIndex(of: a) ?? priority.count
        let ib = priority.firstIndex(of: b) ?? priority.count
        return ia == ib ? a < b : ia < ib
    }

    private static let words: [String: String] = [
        "prompt": "prompt", "weightedPrompt": "prompt", "negative": "negative prompt", "aspect": "aspect",
        "width": "size", "height": "size", "seed": "seed", "count": "candidates", "initImage": "start image",
        "strength": "strength", "imagePrompts": "image prompts", "characterReferences": "character references",
        "styleReferences": "style references", "framing": "framing", "options": "parameters", "image": "pick",
        "motion": "motion", "camera": "camera move", "duration": "duration", "fps": "fps",
        "keyframeHints": "neighbouring transitions", "segment": "chain", "request": "clip request",
        "chain": "chain", "endImage": "end frame",
    ]
}
