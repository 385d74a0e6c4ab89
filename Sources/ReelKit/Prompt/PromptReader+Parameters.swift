/// The `--name value` section: finding each parameter, its values, and where it goes.
extension PromptReader {
    /// A word that starts a parameter.
    struct ParameterHead {
        /// The name as typed, without dashes; empty for a lone `--`.
        var name: String
        /// The whole word up to any `=`, as typed (`--AR`, `—ar`).
        var typed: String
        var index: Int
        /// Typed with a long dash (`—ar`) instead of `--`.
        var usesLongDash: Bool
        /// Typed `--ar=16:9`; the value after `=`, if any, is in `inlineValue`.
        var usesEquals: Bool
        var inlineValue: Token?

        /// The name as a message should show it: `--` and the name as typed.
        var written: String { "--" + name }
    }

    /// The parameter `token` starts, if any. A long dash (`—`, `–`) counts only before a
    /// known name, so a dash in prose stays text.
    static func parameterHead(of token: Token) -> ParameterHead? {
        let chars = token.characters
        let nameStart: Int
        var longDash = false
        if chars.count >= 2, chars[chars.startIndex] == "-", chars[chars.startIndex + 1] == "-" {
            nameStart = chars.startIndex + 2
        } else if let first = chars.first, first == "—" || first == "–" {
            nameStart = chars.startIndex + 1
            longDash = true
        } else {
            return nil
        }
        let equals = chars[nameStart...].firstIndex(of: "=")
        let name = String(chars[nameStart..<(equals ?? chars.endIndex)])
        if longDash, PromptParameter.named(name) == nil, !PromptParameter.ignoredNames.contains(name.lowercased()) {
            return nil
        }
        var inline: Token?
        if let equals, equals + 1 < chars.endIndex {
            inline = Token(characters: chars[(equals + 1)...], start: equals + 1)
        }
        return ParameterHead(
            name: name, typed: String(chars[..<(equals ?? chars.endIndex)]), index: token.start,
            usesLongDash: longDash, usesEquals: equals != nil, inlineValue: inline)
    }

    mutating func readParameters(_ tokens: ArraySlice<Token>) {
        var groups: [(head: ParameterHead, values: [Token])] = []
        for token in tokens {
            if var head = Self.parameterHead(of: token) {
                if let inline = head.inlineValue, let glued = Self.parameterHead(of: inline) {
                    error(
                        "'\(glued.typed)' is glued to the '=' before it; put a space before '\(glued.typed)'",
                        at: inline.start)
                    head.inlineValue = nil
                }
                groups.append((head, head.inlineValue.map { [$0] } ?? []))
            } else if !groups.isEmpty {
                groups[groups.count - 1].values.append(token)
            }
        }
        for (head, values) in groups { read(head, values) }
    }

    private mutating func read(_ head: ParameterHead, _ values: [Token]) {
        if head.usesLongDash {
            warning(
                "'\(head.typed)' starts with a long dash, as phones and Discord type '--'; write '\(head.written)'",
                at: head.index)
        }
        if head.usesEquals, !head.name.isEmpty, let value = values.first {
            warning(
                "write '\(head.written) \(value.text)' with a space: Midjourney does not accept '='", at: head.index)
        }
        guard !head.name.isEmpty else {
            error("'--' needs a parameter name right after it, like '--ar 16:9'", at: head.index)
            return
        }
        guard let parameter = PromptParameter.named(head.name) else {
            if PromptParameter.ignoredNames.contains(head.name.lowercased()) {
                warning("'\(head.written)' only steers Midjourney's own service; Reel ignores it", at: head.index)
            } else {
                let suggestion = Self.suggestion(for: head.name).map { " (did you mean '\($0)'?)" } ?? ""
                error("unknown parameter '\(head.written)'\(suggestion)", at: head.index)
            }
            return
        }
        if let earlier = seen[parameter.field] {
            if parameter != .no {
                let repeated = earlier.written.lowercased() == head.written.lowercased()
                warning(
                    repeated
                        ? "'\(head.written)' is given more than once; the last one wins"
                        : "'\(head.written)' repeats '\(earlier.written)'; the last one wins", at: head.index)
            }
        } else {
            seen[parameter.field] = (head.written, head.index)
        }
        switch parameter.arity {
        case .flag:
            setFlag(parameter)
            rejectStray(values[...], after: head.written, noValue: true)
        case .one:
            guard let value = values.first else { return missingValue(parameter, head) }
            setValue(parameter, value, name: head.written)
            if parameter == .objectReference, let extra = values.dropFirst().first,
                ImageReference.isImageSource(Self.referenceWord(extra).source)
            {
                error("'\(head.written)' takes one image; keep the one you want", at: extra.start)
            } else {
                rejectStray(values.dropFirst(), after: "\(head.written) \(value.text)", noValue: false)
            }
        case .optionalNumber:
            if let value = values.first, PromptNumber.parse(value.characters) != nil {
                setValue(parameter, value, name: head.written)
                rejectStray(values.dropFirst(), after: "\(head.written) \(value.text)", noValue: false)
            } else {
                prompt.version = ModelVersion(model: .niji, number: nil)
                rejectStray(values[...], after: head.written, noValue: false)
            }
        case .many:
            guard !values.isEmpty else { return missingValue(parameter, head) }
            setList(parameter, values, name: head.written)
        }
    }

    /// What an unknown name probably meant: a known name run into its number (`--v6` is
    /// `--v 6`), or a near spelling (`--nij` is `--niji`). One-letter names get no guess: every
    /// short name is one edit away from them.
    static func suggestion(for name: String) -> String? {
        let lowered = name.lowercased()
        let known = PromptParameter.allCases.flatMap(\.names).sorted { $0.count > $1.count }
        for candidate in known where lowered.hasPrefix(candidate) {
            let rest = name.dropFirst(candidate.count)
            if let first = rest.first, first.isNumber || first == "." { return "--\(candidate) \(rest)" }
        }
        guard name.count >= 2, name.first?.isLetter == true else { return nil }
        return Suggestion.closest(to: name, in: PromptParameter.allNames).map { "--\($0)" }
    }

    private mutating func missingValue(_ parameter: PromptParameter, _ head: ParameterHead) {
        error("'\(head.written)' needs a value, like '\(parameter.example)'", at: head.index)
    }

    /// Words after a parameter's values: text that should have come before the parameters.
    private mutating func rejectStray(_ tokens: ArraySlice<Token>, after parameter: String, noValue: Bool) {
        guard let first = tokens.first else { return }
        let stray = Self.quoted(tokens.map(\.text).joined(separator: " "))
        let which = noValue ? ", which takes no value" : ""
        error("unexpected \(stray) after '\(parameter)'\(which): write text before the parameters", at: first.start)
    }

    private mutating func setFlag(_ parameter: PromptParameter) {
        switch parameter {
        case .tile: prompt.tile = true
        case .raw: prompt.raw = true
        case .draft: prompt.draft = true
        default: break
        }
    }
}
