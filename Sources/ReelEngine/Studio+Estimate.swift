import Foundation
import ReelKit
import ReelStore

/// What a `make` is about to do and what it should cost, printed before anything starts.
public struct MakeEstimate: Sendable {
    /// Shots that need a new take, by image backend.
    public var generations: Int
    public var costUSD: Double
    public var byBackend: [String: Int]

    public var summary: String {
        let parts = byBackend.sorted { $0.key < $1.key }.map { "\($0.value) on \($0.key)" }.joined(separator: ", ")
        let cost = costUSD > 0 ? String(format: "about $%.2f", costUSD) : "free"
        return "to generate: \(generations) take\(generations == 1 ? "" : "s") (\(parts)), \(cost)"
    }
}

extension Studio {
    /// Counts the takes `make` will generate: shots whose pick is not from their current prompt,
    /// and every shot that starts `from:` one of those.
    public func estimate() throws -> MakeEstimate {
        var stale = Set<String>()
        var estimate = MakeEstimate(generations: 0, costUSD: 0, byBackend: [:])
        for shot in ShotOrder.generationOrder(of: film) {
            let parentChanges = shot.from.map(stale.contains) ?? false
            var needsTake = parentChanges
            var request: Request?
            if !parentChanges, let current = try? currentRequest(for: shot) {
                request = current.request
                let hasTake = try store.takes(shot: shot.id).contains { $0.promptKey == current.promptKey.hex }
                needsTake = !hasTake
            } else if !parentChanges {
                needsTake = true
            }
            guard needsTake else { continue }
            stale.insert(shot.id)
            let name = shot.imageBackend ?? film.backends.image
            estimate.generations += 1
            estimate.byBackend[name, default: 0] += 1
            if let backend = try? registry.image(name) {
                let priced = request ?? composer.compose(shot, sizes: backend.capabilities.sizes).request
                estimate.costUSD += backend.capabilities.estimatedCostUSD(priced)
            }
        }
        return estimate
    }
}
