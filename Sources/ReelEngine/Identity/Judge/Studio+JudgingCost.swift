import ReelKit

extension Studio {
    /// What `pick: best` may spend asking the film's judge about a new take of `shot`: one
    /// question per candidate when the shot picks the best, names a character and the film has a
    /// judge (its scorer not `faces`). An upper bound: with `scorer: auto` the judge is asked only
    /// where dlib finds no face, and answers already stored are never paid again.
    func judgingCost(_ shot: Shot, candidates: Int) -> Double {
        guard (shot.pick ?? film.pick) == .best, film.scorer != .faces, let name = film.backends.judge,
            let judge = try? registry.judge(name)
        else { return 0 }
        let names = PromptMention.scan(shot.promptText).contains { film.character($0.name) != nil }
        return names ? judge.pricePerCallUSD * Double(max(1, candidates)) : 0
    }
}
