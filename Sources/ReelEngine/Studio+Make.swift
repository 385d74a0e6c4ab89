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

/// What a shot's pick needed during `make`.
enum PickOutcome: Sendable {
    case current
    case autoPicked(generated: Bool)
    case repaired
}

extension Studio {
    /// Everything, incrementally: a take where a shot has none for its current prompt,
    /// candidate 1 picked where no current pick exists (said out loud), clips for picks that
    /// have none, then the board and the cut. With nothing changed it does no work at all.
    ///
    /// Shots run side by side, as many per backend as the registry allows; a shot that starts
    /// `from:` another waits for it.
    public func make() async throws -> MakeReport {
        let estimate = try estimate()
        if estimate.generations > 0 { progress.note(estimate.summary) }
        if let budget, estimate.costUSD > budget.limitUSD + 1e-9 {
            throw ReelError(
                .invalidInput,
                String(
                    format: "this run would cost about $%.2f, past its --budget of $%.2f; nothing was started",
                    estimate.costUSD, budget.limitUSD))
        }
        var report = MakeReport()
        (report.generated, report.autoPicked) = try await ensureCurrentPicks()
        // Lines are spoken before animating: their lengths decide how long shots that hold them last.
        try await ensureSpeech()
        let clips = try await concurrently(film.shots, backend: { $0.videoBackend ?? self.film.backends.video }) {
            shot in
            (shot.id, try await self.ensureClip(for: shot).reused)
        }
        report.animated = film.shots.map(\.id).filter { clips[$0] == false }
        report.boardMade = try await !board().reused
        let cut = try await cut()
        report.cutMade = !cut.reused
        report.film = cut.film
        report.duration = cut.duration
        return report
    }

    /// The first half of `make`: every shot gets a pick for its current prompt, generating a
    /// take where none exists, in waves (a shot `from:` another waits for it), as many shots
    /// per backend at once as the registry allows. Returns the shots that were generated and
    /// those auto-picked.
    public func ensureCurrentPicks() async throws -> (generated: [String], autoPicked: [String]) {
        var generated: [String] = []
        var autoPicked: [String] = []
        var remaining = ShotOrder.generationOrder(of: film)
        var settled = Set<String>()
        while !remaining.isEmpty {
            let wave = remaining.filter { shot in shot.from.map(settled.contains) ?? true }
            guard !wave.isEmpty else { throw ReelError(.internal, "shots \(remaining.map(\.id)) wait on each other") }
            remaining.removeAll { shot in wave.contains { $0.id == shot.id } }
            let outcomes = try await concurrently(wave, backend: { $0.imageBackend ?? self.film.backends.image }) {
                shot in
                (shot.id, try await self.ensureCurrentPick(for: shot))
            }
            for shot in wave {
                switch outcomes[shot.id] {
                case .autoPicked(let fresh)?:
                    autoPicked.append(shot.id)
                    if fresh { generated.append(shot.id) }
                case .repaired?:
                    generated.append(shot.id)
                default:
                    break
                }
            }
            settled.formUnion(wave.map(\.id))
        }
        return (generated, autoPicked)
    }

    /// Makes sure the shot's pick belongs to its current prompt, generating and auto-picking
    /// when it doesn't, and repairing a pick whose image is damaged.
    func ensureCurrentPick(for shot: Shot) async throws -> PickOutcome {
        let current = try currentRequest(for: shot)
        let pick = try store.pick(for: shot.id)
        if let pick, let take = try store.take(id: pick.takeID), take.promptKey == current.promptKey.hex,
            let picked = take.candidate(pick.candidateIndex)
        {
            if try store.blobs.verify(picked.blob) { return .current }
            progress.warning(
                "the picked image of shot '\(shot.id)' is damaged (its hash no longer matches); regenerating take \(take.id)"
            )
            try? FileManager.default.removeItem(at: store.blobs.url(picked.blob))
            let repaired = try await runTake(
                current: current, kind: take.kind, request: try take.decodedRequest(), parent: nil, force: true)
            try store.pick(
                shot: shot.id, take: repaired.take.id, candidate: pick.candidateIndex, auto: pick.auto, replacing: pick)
            return .repaired
        }
        current.notes.forEach(progress.warning)
        let existing = try store.takes(shot: shot.id).first { $0.promptKey == current.promptKey.hex }
        let take: Take
        var generated = false
        if let existing {
            take = existing
        } else {
            take = try await runTake(current: current, kind: .generate, request: current.request, parent: nil).take
            generated = true
        }
        try store.pick(shot: shot.id, take: take.id, candidate: 1, auto: true, replacing: pick)
        progress.note(
            "\(shot.id): picked candidate 1 of take \(take.id) (no pick yet; choose another with `reel pick \(shot.id) N`)"
        )
        return .autoPicked(generated: generated)
    }

    /// Runs `body` for every item, at most `registry.limit(for:)` at a time per backend.
    func concurrently<Item: Sendable, Value: Sendable>(
        _ items: [Item], backend: @escaping @Sendable (Item) -> String,
        _ body: @escaping @Sendable (Item) async throws -> (String, Value)
    ) async throws -> [String: Value] {
        let lanes = Dictionary(grouping: items, by: backend)
        return try await withThrowingTaskGroup(of: [(String, Value)].self) { group in
            for (name, lane) in lanes {
                let width = registry.limit(for: name)
                group.addTask {
                    try await withThrowingTaskGroup(of: (String, Value).self) { inner in
                        var results: [(String, Value)] = []
                        var next = lane.makeIterator()
                        for _ in 0..<width {
                            guard let item = next.next() else { break }
                            inner.addTask { try await body(item) }
                        }
                        while let result = try await inner.next() {
                            results.append(result)
                            if let item = next.next() { inner.addTask { try await body(item) } }
                        }
                        return results
                    }
                }
            }
            var all: [String: Value] = [:]
            for try await results in group {
                for (key, value) in results { all[key] = value }
            }
            return all
        }
    }
}
