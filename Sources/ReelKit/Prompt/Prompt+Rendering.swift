extension Prompt: CustomStringConvertible {
    /// The prompt as canonical Midjourney text: image prompts, the text, then the parameters in
    /// a fixed order — `--ar --v/--niji --style raw --stylize --chaos --weird --quality --seed
    /// --tile --draft --exp --stop --iw --cref --cw --sref --sw --sv --oref --ow --no`.
    ///
    /// Parsing the result gives back an equal prompt for any prompt the parser can produce:
    /// `PromptParser().parse(p.rendered).prompt == p`. A text with several parts, or one part
    /// weighted other than 1 (or one whose text holds `::`), is written with every weight
    /// (`city::2 fire::1`).
    public var rendered: String {
        var pieces = imagePrompts.map(\.source)
        if parts.count == 1, let only = parts.first, only.weight == 1, !only.text.contains("::") {
            pieces.append(only.text)
        } else {
            pieces += parts.map { "\($0.text)::\(PromptNumber.format($0.weight))" }
        }
        pieces += renderedParameters
        return pieces.joined(separator: " ")
    }

    /// The parameters alone, each `--name value`, in the canonical order of ``rendered``.
    public var renderedParameters: [String] {
        var out: [String] = []
        func add(_ name: String, _ value: (some CustomStringConvertible)?) {
            if let value { out.append("--\(name) \(value)") }
        }
        func flag(_ name: String, _ on: Bool) {
            if on { out.append(name) }
        }
        add("ar", aspect)
        if let version { out.append(version.description) }
        flag("--style raw", raw)
        add("stylize", stylize)
        add("chaos", chaos)
        add("weird", weird)
        add("quality", quality)
        add("seed", seed)
        flag("--tile", tile)
        flag("--draft", draft)
        add("exp", experimental)
        add("stop", stop)
        add("iw", imageWeight.map(PromptNumber.format))
        if !characterReferences.isEmpty {
            out.append((["--cref"] + characterReferences.map(\.source)).joined(separator: " "))
        }
        add("cw", characterWeight)
        if !styleReferences.isEmpty {
            let values = styleReferences.map { ref in
                ref.weight.map { "\(ref.source)::\(PromptNumber.format($0))" } ?? ref.source
            }
            out.append((["--sref"] + values).joined(separator: " "))
        }
        add("sw", styleWeight)
        add("sv", styleVersion)
        add("oref", objectReference?.source)
        add("ow", objectWeight)
        if !no.isEmpty { out.append("--no " + no.joined(separator: ", ")) }
        return out
    }

    public var description: String { rendered }
}
