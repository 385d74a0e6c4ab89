import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel make` did.
public struct MakeReport: Sendable {
    public var generated: [String] = []
    public var autoPicked: [String] = []
    public var animated: [String] = []
    public var boardMade = false
    public var cutMade = false
    public var film: URL?
    public var duration: Double = 0

    /// True when nothing had to be generated, animated, drawn or cut.
    public var nothingToDo: Bool { generated.isEmpty && animated.isEmpty && !boardMade && !cutMade }
}

extension Studio {
    /// Everything, incrementally: a take where a shot has none for its current prompt,
    /// candidate 1 picked where no current pick exists (said out loud), clips for picks that
    /// have none, then the board and the cut. With nothing changed it does no work at all.
    public func make() async throws -> MakeReport {
        var report = MakeReport()
        for shot in ShotOrder.generationOrder(of: film) {
            try await ensureCurrentPick(for: shot, report: &report)
        }
        for shot in film.shots {
            if try await !ensureClip(for: shot).reused { report.animated.append(shot.id) }
        }
        report.boardMade = try await !board().reused
        let cut = try await cut()
        report.cutMade = !cut.reused
        report.film = cut.film
        report.duration = cut.duration
        return report
    }

    /// Makes sure the shot's pick belongs to its current prompt, generating and auto-picking
    /// when it doesn't, and repairing a pick whose image is damaged.
    func ensureCurrentPick(for shot: Shot, report: inout MakeReport) async throws {
        let current = try currentRequest(for: shot)
        let pick = try store.pick(for: shot.id)
        if let pick, let take = try store.take(id: pick.takeID), take.promptKey == current.promptKey.hex,
            let picked = take.candidate(pick.candidateIndex)
        {
            if try store.blobs.verify(picked.blob) { return }
            progress.warning("the picked image of shot '\(shot.id)' is damaged (its hash no longer matches); regenerating take \(take.id)")
            try? FileManager.default.removeItem(at: store.blobs.url(picked.blob))
            let repaired = try await runTake(
                current: current, kind: take.kind, request: try take.decodedRequest(), parent: nil, force: true)
            try store.pick(
                shot: shot.id, take: repaired.take.id, candidate: pick.candidateIndex, auto: pick.auto, replacing: pick)
            report.generated.append(shot.id)
            return
        }
        current.notes.forEach(progress.warning)
        let existing = try store.takes(shot: shot.id).first { $0.promptKey == current.promptKey.hex }
        let take: Take
        if let existing {
            take = existing
        } else {
            take = try await runTake(current: current, kind: .generate, request: current.request, parent: nil).take
            report.generated.append(shot.id)
        }
        try store.pick(shot: shot.id, take: take.id, candidate: 1, auto: true, replacing: pick)
        report.autoPicked.append(shot.id)
        progress.note("\(shot.id): picked candidate 1 of take \(take.id) (no pick yet; choose another with `reel pick \(shot.id) N`)")
    }
}
