/// Parameters that only make sense together: warnings, since nothing is lost by ignoring them.
extension PromptReader {
    mutating func checkCombinations() {
        warnUnless(!prompt.characterReferences.isEmpty, .characterWeight, needs: "--cref", "character images")
        warnUnless(!prompt.styleReferences.isEmpty, .styleWeight, needs: "--sref", "style references")
        warnUnless(!prompt.styleReferences.isEmpty, .styleVersion, needs: "--sref", "style references")
        warnUnless(prompt.objectReference != nil, .objectWeight, needs: "--oref", "an object image")
        if prompt.imageWeight != nil, prompt.imagePrompts.isEmpty, let iw = seen[.imageWeight] {
            warning(
                "'\(iw.written)' weighs image prompts against the text, but the prompt starts with no image; "
                    + "put image URLs or paths first or remove '\(iw.written)'", at: iw.index)
        }
        if prompt.parts.isEmpty {
            for parameter in [PromptParameter.characterReference, .styleReference, .objectReference] {
                guard let reference = seen[parameter] else { continue }
                warning(
                    "'\(reference.written)' works only with a text prompt: describe the picture before the parameters",
                    at: reference.index)
            }
        }
    }

    private mutating func warnUnless(
        _ satisfied: Bool, _ parameter: PromptParameter, needs needed: String, _ what: String
    ) {
        guard !satisfied, let weight = seen[parameter] else { return }
        warning(
            "'\(weight.written)' has no effect without '\(needed)'; add \(what) with '\(needed)' "
                + "or remove '\(weight.written)'", at: weight.index)
    }
}
