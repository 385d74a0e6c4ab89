/// `score: { threshold: 0.6 }` and `pick: best`: the identity scorer's settings (`reel score`).
extension FilmReader {
    /// The threshold, checked: a face descriptor distance between 0.2 and 1.2 (dlib's usual is 0.6).
    mutating func readScore(_ entry: Fields.Entry, into map: inout SourceMap) -> Double? {
        guard
            let score = fields(
                of: entry.value, place: "in 'score'",
                expected: "'score' must be a mapping like { threshold: 0.6 }", allowed: ["threshold"])
        else { return nil }
        guard let threshold = score["threshold"] else { return nil }
        let expected = "a face distance from 0.2 to 1.2, like 0.6 (lower is stricter)"
        guard let value = number(threshold, expected: expected) else { return nil }
        guard (0.2...1.2).contains(value) else {
            error("'threshold' must be \(expected); got \(threshold.value.shown)", at: threshold.valueLocation)
            return nil
        }
        map["score.threshold"] = threshold.valueLocation
        return value
    }

    /// `pick: first` or `pick: best`.
    mutating func pickRule(_ entry: Fields.Entry?) -> PickRule? {
        let expected = "first or best"
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        guard let rule = PickRule(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let suggestion = Suggestion.didYouMean(text, in: PickRule.allCases.map(\.rawValue))
            error("'pick' must be \(expected); got \(entry.value.shown)\(suggestion)", at: entry.valueLocation)
            return nil
        }
        return rule
    }
}
