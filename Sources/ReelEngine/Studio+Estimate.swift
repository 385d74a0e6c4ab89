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
    /// The takes `make` will generate and what the run should cost, read off the film's plan.
    public func estimate() throws -> MakeEstimate {
        let plan = try plan()
        return MakeEstimate(
            generations: plan.takeGenerations, costUSD: plan.costUSD, byBackend: plan.generationsByBackend)
    }
}
