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
    /// Every shot in film order with its takes, pick, clip, state and cost.
    public func status() throws -> [ShotStatus] {
        try film.shots.map { shot in
            let takes = try store.takes(shot: shot.id)
            let pick = try store.pick(for: shot.id)
            let picked = try store.pickedCandidate(for: shot.id)
            let current = try? currentRequest(for: shot)
            var state: ShotStatus.State
            var hasClip = false
            var pieces: ShotStatus.Pieces?
            if let pick {
                let take = takes.first { $0.id == pick.takeID }
                if let current, let picked, take?.promptKey == current.promptKey.hex {
                    let key = try clipKey(for: shot, picked: picked).hex
                    hasClip = try store.clip(stepKey: key) != nil
                    pieces = try chainProgress(of: shot, picked: picked, key: key)
                    state = hasClip ? .animated : .picked
                } else {
                    state = current == nil ? .waiting : .stale
                }
            } else if current == nil && shot.from != nil {
                state = .waiting
            } else {
                state = takes.isEmpty ? .noTake : .unpicked
            }
            return ShotStatus(
                id: shot.id, framing: shot.framingName, duration: try effectiveDuration(of: shot),
                takes: takes.count,
                pick: pick.map { "\($0.takeID):\($0.candidateIndex)" }, autoPicked: pick?.auto ?? false, clip: hasClip,
                pieces: pieces, state: state, costUSD: try store.cost(shot: shot.id))
        }
    }

    /// How far the chain of a long shot's clip has come; nil when the clip is made in one generation.
    func chainProgress(of shot: Shot, picked: Candidate, key: String) throws -> ShotStatus.Pieces? {
        guard let backend = try? registry.video(shot.videoBackend ?? film.backends.video) else { return nil }
        let chain = chainPlan(for: try clipRequest(for: shot, picked: picked), on: backend.capabilities)
        guard chain.isChain else { return nil }
        return ShotStatus.Pieces(made: try store.clipPieces(chainKey: key).count, count: chain.pieces.count)
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
