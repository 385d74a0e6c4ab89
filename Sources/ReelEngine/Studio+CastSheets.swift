import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// The reference sheet of a character or location (`vela` or `@vela`): made from its
    /// description unless a current take exists, and picked (candidate 1, said out loud) when
    /// it has no pick. From then on every shot that names it carries the picked sheet as a
    /// reference; `reel pick @vela N`, `vary` and `reroll` change it like any shot's frame.
    public func ensureCastSheet(named name: String) async throws -> (outcome: TakeOutcome, candidate: Int) {
        let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
        let sheet = try shot(CastSheet.id(of: bare))
        let current = try currentRequest(for: sheet)
        let pick = try store.pick(for: sheet.id)
        if let pick, let take = try store.take(id: pick.takeID), take.promptKey == current.promptKey.hex {
            return (TakeOutcome(take: take, reused: true), pick.candidateIndex)
        }
        let existing = try store.takes(shot: sheet.id).first { $0.promptKey == current.promptKey.hex }
        let outcome: TakeOutcome
        if let existing {
            outcome = TakeOutcome(take: existing, reused: true)
        } else {
            current.notes.forEach(progress.warning)
            outcome = try await runTake(current: current, kind: .generate, request: current.request, parent: nil)
        }
        try store.pick(shot: sheet.id, take: outcome.take.id, candidate: 1, auto: true, replacing: pick)
        progress.note("\(sheet.id): picked candidate 1 of take \(outcome.take.id) as the reference sheet")
        return (outcome, 1)
    }
}

extension Studio {
    /// With `cast_sheets: true`, makes (and picks) the sheet of every character and location
    /// `shot` names that has no pick yet, so `reel gen` and `reel reroll` work on a shot before
    /// `reel make` has made the sheets.
    func makeMissingSheets(for shot: Shot) async throws {
        guard film.castSheets, CastSheet.name(ofSheet: shot.id) == nil else { return }
        for sheet in film.castSheets(namedIn: shot) where try store.pickedCandidate(for: sheet) == nil {
            _ = try await ensureCastSheet(named: sheet)
        }
    }
}
