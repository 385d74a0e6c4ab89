/// `score: { threshold: 0.6, scorer: auto }` and `pick: best`: the identity scorer's settings (`reel score`).
extension FilmReader {
    /// `score: { threshold:, scorer: }`: the threshold, checked (a face descriptor distance
    /// between 0.2 and 1.2; dlib's usual is 0.6), and which scorer (auto, faces or judge).
    mutating func readScore(
        _ entry: Fields.Entry, into map: inout SourceMap
    ) -> (threshold: Double?, scorer: ScoreScorer?) {
        guard
            let score = fields(
                of: entry.value, place: "in 'score'",
                expected: "'score' must be a mapping like { threshold: 0.6, scorer: auto }",
                allowed: ["threshold", "scorer"])
        else { return (nil, nil) }
        return (threshold(score["threshold"], into: &map), scorer(score["scorer"], into: &map))
    }

    private mutating func threshold(_ threshold: Fields.Entry?, into map: inout SourceMap) -> Double? {
        guard let threshold else { return nil }
        let expected = "a face distance from 0.2 to 1.2, like 0.6 (lower is stricter)"
        guard let value = number(threshold, expected: expected) else { return nil }
        guard (0.2...1.2).contains(value) else {
            error("'threshold' must be \(expected); got \(threshold.value.shown)", at: threshold.valueLocation)
            return nil
        }
        map["score.threshold"] = threshold.valueLocation
        return value
    }

    /// `scorer: auto | faces | judge`.
    private mutating func scorer(_ entry: Fields.Entry?, into map: inout SourceMap) -> ScoreScorer? {
        let expected = "auto, faces or judge"
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        guard let scorer = ScoreScorer(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let suggestion = Suggestion.didYouMean(text, in: ScoreScorer.allCases.map(\.rawValue))
            error("'scorer' must be \(expected); got \(entry.value.shown)\(suggestion)", at: entry.valueLocation)
            return nil
        }
        map["score.scorer"] = entry.valueLocation
        return scorer
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
