import ArgumentParser
import ReelEngine
import ReelKit
import ReelStore

struct Takes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a shot's take tree: prompts, seeds, cost, the pick, and each grid image.",
        discussion: """
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
            for node in tree { printNode(node, depth: 0) }
        }
    }

    private func printNode(_ node: TakeNode, depth: Int) {
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
        Output.line("\(pad)  grid    \(node.gridPath ?? "-")")
        for child in node.children { printNode(child, depth: depth + 1) }
    }
}
