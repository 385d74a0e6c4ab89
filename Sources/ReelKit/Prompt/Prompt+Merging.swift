extension Prompt {
    /// This prompt layered over `defaults`, as a shot's prompt goes over the film's `params`.
    ///
    /// - The image prompts and text are this prompt's (defaults carry parameters, not words).
    /// - Each parameter this prompt sets wins; the rest come from `defaults`. A reference list
    ///   (`--cref`, `--sref`) counts as set when it is not empty.
    /// - `--no` words are the union: the defaults' first, then this prompt's new ones.
    /// - Flags (`--tile`, `--raw`, `--draft`) are on when either turns them on: Midjourney has
    ///   no way to write "off".
    public func merged(over defaults: Prompt) -> Prompt {
        var merged = self
        merged.aspect = aspect ?? defaults.aspect
        merged.version = version ?? defaults.version
        merged.seed = seed ?? defaults.seed
        merged.no = defaults.no
        for word in no where !merged.no.contains(word) { merged.no.append(word) }
        merged.chaos = chaos ?? defaults.chaos
        merged.stylize = stylize ?? defaults.stylize
        merged.weird = weird ?? defaults.weird
        merged.quality = quality ?? defaults.quality
        merged.tile = tile || defaults.tile
        merged.raw = raw || defaults.raw
        merged.draft = draft || defaults.draft
        merged.experimental = experimental ?? defaults.experimental
        merged.stop = stop ?? defaults.stop
        merged.imageWeight = imageWeight ?? defaults.imageWeight
        merged.characterReferences = characterReferences.isEmpty ? defaults.characterReferences : characterReferences
        merged.characterWeight = characterWeight ?? defaults.characterWeight
        merged.styleReferences = styleReferences.isEmpty ? defaults.styleReferences : styleReferences
        merged.styleWeight = styleWeight ?? defaults.styleWeight
        merged.styleVersion = styleVersion ?? defaults.styleVersion
        merged.objectReference = objectReference ?? defaults.objectReference
        merged.objectWeight = objectWeight ?? defaults.objectWeight
        return merged
    }
}
