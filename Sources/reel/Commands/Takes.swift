import ArgumentParser
import ReelEngine
import ReelKit
import ReelStore

struct Takes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a shot's take tree: prompts, seeds, cost, the pick, and each grid image.",
        discussion: """
            When the shot names characters, each candidate shows its identity badge (see \
            `reel score`): holds, off-model, or no face.

            Example:
              reel takes ridge
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The shot's id.") var shot: String

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            let tree = try services.studio.takeTree(shotID: shot)
            if tree.isEmpty {
                Output.line("\(shot): no takes yet; make one with `reel gen \(shot)`")
                return
            }
            let review = IdentityReview(studio: services.studio, describer: SharedFaceDescriber.get)
            var badges: [Int64: TakeBadges] = [:]
            var problem: String?
            for take in Self.takes(in: tree) {
                let found = await review.badges(shotID: shot, take: take, compute: problem == nil)
                badges[take.id] = found
                problem = problem ?? found.problem
            }
            for node in tree { printNode(node, depth: 0, badges: badges) }
            if let problem { Output.warning("candidates without a badge: \(problem)") }
        }
    }

    static func takes(in nodes: [TakeNode]) -> [Take] {
        nodes.flatMap { [$0.take] + takes(in: $0.children) }
    }

    private func printNode(_ node: TakeNode, depth: Int, badges: [Int64: TakeBadges]) {
        let pad = String(repeating: "    ", count: depth)
        let take = node.take
        var origin = take.kind.rawValue
        if let parent = take.parentTakeID, let index = take.parentCandidateIndex { origin += " of \(parent):\(index)" }
        let picked = node.pickedCandidate.map { "  ← picked \($0)" } ?? ""
        Output.line("\(pad)take \(take.id)  \(origin)  \(take.backend)  \(Summary.usd(take.costUSD))\(picked)")
        if let request = try? take.decodedRequest() {
            Output.line("\(pad)  prompt  \(request.prompt)")
            if let strength = request.strength, request.initImage != nil {
                Output.line("\(pad)  from    init image, strength \(strength)")
            }
        }
        Output.line("\(pad)  seeds   \(take.candidates.map { "\($0.index):\($0.seed)" }.joined(separator: " "))")
        if let found = badges[take.id]?.badges, !found.isEmpty {
            for candidate in take.candidates {
                guard let badge = found[candidate.index] else {
                    Output.line("\(pad)  \(candidate.index)       not scored")
                    continue
                }
                let state = badge.state == .noFace ? "" : "\(badge.state.rawValue)  "
                Output.line("\(pad)  \(candidate.index)       \(state)\(badge.text)")
            }
        }
        Output.line("\(pad)  grid    \(node.gridPath ?? "-")")
        for child in node.children { printNode(child, depth: depth + 1, badges: badges) }
    }
}
