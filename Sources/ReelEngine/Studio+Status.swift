import Foundation
import ReelKit
import ReelStore

/// One row of `reel status`.
public struct ShotStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// No take for the shot's current prompt, and no pick.
        case noTake = "no take"
        /// Takes exist but none is picked.
        case unpicked
        /// The pick belongs to an earlier prompt (or its `from:` shot changed): `reel make` redoes it.
        case stale
        /// Picked, not animated.
        case picked
        /// Picked and animated for the current pick.
        case animated
        /// Waits for the shot it starts `from:` to have a pick.
        case waiting
        /// A step of the shot failed in the last `make` (``ShotStatus/failure`` says why); the next one retries it.
        case failed
    }

    public var id: String
    public var framing: String?
    public var duration: Double
    public var takes: Int
    /// `TAKE:N` of the pick.
    public var pick: String?
    public var autoPicked: Bool
    public var clip: Bool
    /// For a long shot built as a chain: how many of its pieces are made, of how many.
    public var pieces: Pieces?
    public var state: State
    public var costUSD: Double
    /// Why the shot failed in the last `make`, when it did.
    public var failure: String?

    /// The pieces of a chained clip made so far.
    public struct Pieces: Sendable, Codable, Equatable {
        public var made: Int
        public var count: Int

        public init(made: Int, count: Int) {
            self.made = made
            self.count = count
        }
    }
}

extension Studio {
    /// Every shot in film order with its takes, pick, clip, state and cost, as the film's plan
    /// sees it.
    public func status() throws -> [ShotStatus] {
        try status(plan: try plan())
    }

    /// Every shot's row, read off `plan`.
    public func status(plan: Plan) throws -> [ShotStatus] {
        let records = try store.snapshot()
        var failuresByShot: [String: [ShotFailure]] = [:]
        for failure in records.failures { failuresByShot[failure.shotID, default: []].append(failure) }
        return try film.shots.map { shot in
            let takes = records.takes(shot: shot.id)
            let pick = records.pick(for: shot.id)
            let take = plan.step(PlanStep.takeID(shot.id))
            let clip = plan.step(PlanStep.clipID(shot.id))
            var state: ShotStatus.State
            var pieces: ShotStatus.Pieces?
            switch take?.reason {
            case nil:
                state = clip?.willRun == false ? .animated : .picked
                if let picked = records.pickedCandidate(for: shot.id), let key = clip?.key {
                    pieces = try chainProgress(of: shot, picked: picked, key: key, records: records)
                }
            case .after(let parent)?:
                // A reference sheet made first is not a `from:` the shot waits on: it has no take yet.
                let parentShot = plan.step(parent)?.shotID ?? ""
                state =
                    records.pick(for: parentShot) == nil && CastSheet.name(ofSheet: parentShot) == nil
                    ? .waiting : (pick != nil ? .stale : (takes.isEmpty ? .noTake : .unpicked))
            case .blocked?:
                state = shot.from != nil ? .waiting : (takes.isEmpty ? .noTake : .unpicked)
            case .damaged?:
                state = clip?.willRun == false ? .animated : .picked
            case .changed?:
                state = pick != nil ? .stale : .unpicked
            case .unpicked?:
                state = .unpicked
            case .neverMade?:
                state = .noTake
            }
            // The step that failed itself says more than the steps it kept from running.
            let failures = failuresByShot[shot.id] ?? []
            let failure = failures.first { $0.code != StepFailure.blockedCode } ?? failures.first
            if failure != nil && state != .animated { state = .failed }
            return ShotStatus(
                id: shot.id, framing: shot.framingName, duration: try effectiveDuration(of: shot),
                takes: takes.count,
                pick: pick.map { "\($0.takeID):\($0.candidateIndex)" }, autoPicked: pick?.auto ?? false,
                clip: clip?.willRun == false, pieces: pieces, state: state, costUSD: records.cost(shot: shot.id),
                failure: failure?.message)
        }
    }

    /// How far the chain of a long shot's clip has come; nil when the clip is made in one generation.
    func chainProgress(
        of shot: Shot, picked: Candidate, key: String, records: StoreSnapshot
    ) throws -> ShotStatus.Pieces? {
        guard let backend = try? registry.video(shot.videoBackend ?? film.backends.video) else { return nil }
        guard let request = try? clipRequest(for: shot, picked: picked) else { return nil }
        let chain = chainPlan(for: request, on: backend.capabilities)
        guard chain.isChain else { return nil }
        return ShotStatus.Pieces(made: records.clipPieceCount(chainKey: key), count: chain.pieces.count)
    }

    /// The shot's takes as a tree: generated takes and rerolls at the root, variations under
    /// the take whose candidate they vary.
    public func takeTree(shotID: String) throws -> [TakeNode] {
        _ = try shot(shotID)
        let takes = try store.takes(shot: shotID).sorted { $0.id < $1.id }
        let pick = try store.pick(for: shotID)
        func node(_ take: Take) -> TakeNode {
            TakeNode(
                take: take, pickedCandidate: pick?.takeID == take.id ? pick?.candidateIndex : nil,
                gridPath: (try? publishGrid(of: take)).flatMap { $0 }.map(project.displayPath),
                children: takes.filter { $0.parentTakeID == take.id }.map(node))
        }
        return takes.filter { $0.parentTakeID == nil }.map(node)
    }
}

/// A take with its variations, for `reel takes`.
public struct TakeNode: Sendable {
    public var take: Take
    public var pickedCandidate: Int?
    public var gridPath: String?
    public var children: [TakeNode]
}
