import Foundation
import ReelKit
import ReelStore

/// One character or location as the studio's Cast page shows it: who it is, what references
/// it has, and where its reference sheet stands.
public struct CastStatus: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case character, location
    }

    public enum SheetState: String, Sendable, Codable {
        /// No sheet has been made from the current description.
        case noSheet = "no sheet"
        /// Takes exist for the current description but none is picked.
        case unpicked
        /// The pick was made from an earlier description: the next `reel cast` or make redoes it.
        case stale
        /// Picked: every shot that names it carries the pick.
        case picked
    }

    /// The name without `@` (`vela`).
    public var name: String
    /// The sheet's shot id (`@vela`): its takes, picks and variations live under it.
    public var sheet: String
    public var kind: Kind
    public var description: String
    /// The `references:` the user gave (paths or URLs), beside the sheet.
    public var references: [String]
    public var takes: Int
    /// `TAKE:N` of the sheet's pick.
    public var pick: String?
    /// The picked sheet image's blob id.
    public var pickBlob: String?
    public var state: SheetState
    /// The film's shots that name it, in film order: the ones a new pick remakes.
    public var shots: [String]
}

extension Studio {
    /// Every character, then every location, with its sheet's state and the shots that name it.
    public func castStatus() throws -> [CastStatus] {
        let records = try store.snapshot()
        return film.castSheetIDs.compactMap { sheetID -> CastStatus? in
            guard let name = CastSheet.name(ofSheet: sheetID), let sheetShot = film.castSheetShot(sheetID) else {
                return nil
            }
            let member = film.character(name)
            let current = try? currentRequest(for: sheetShot)
            let takes = records.takes(shot: sheetID)
            let pick = records.pick(for: sheetID)
            let pickedTake = pick.flatMap { pick in takes.first { $0.id == pick.takeID } }
            let state: CastStatus.SheetState
            if let pickedTake {
                state = current.map { pickedTake.promptKey == $0.promptKey.hex } == false ? .stale : .picked
            } else {
                state = takes.contains { $0.promptKey == current?.promptKey.hex } ? .unpicked : .noSheet
            }
            return CastStatus(
                name: name, sheet: sheetID, kind: member == nil ? .location : .character,
                description: member?.description ?? film.location(name)?.description ?? "",
                references: member?.references ?? [], takes: takes.count,
                pick: pick.map { "\($0.takeID):\($0.candidateIndex)" },
                pickBlob: records.pickedCandidate(for: sheetID)?.blob.hex, state: state,
                shots: film.shots.filter { film.castSheets(namedIn: $0).contains(sheetID) }.map(\.id))
        }
    }
}

extension Studio {
    /// Every reference sheet as a row of `reel status`, characters then locations, so the
    /// studio's shot page can show a sheet's grid, pick, variations and rerolls like a shot's.
    public func sheetStatuses() throws -> [ShotStatus] {
        let costs = try store.costByShot()
        return try castStatus().map { cast in
            let state: ShotStatus.State =
                switch cast.state {
                case .noSheet: .noTake
                case .unpicked: .unpicked
                case .stale: .stale
                case .picked: .picked
                }
            let shot = try shot(cast.sheet)
            return ShotStatus(
                id: cast.sheet, framing: shot.framingName, duration: shot.duration, takes: cast.takes,
                pick: cast.pick, autoPicked: try store.pick(for: cast.sheet)?.auto ?? false, clip: false, pieces: nil,
                state: state, costUSD: costs[cast.sheet] ?? 0, failure: nil)
        }
    }
}
