import Foundation
import ReelKit

/// Scripting the fake: faults, modes, speeds, the nodes it has, and stopping and starting it as
/// a GPU box that goes down and comes back.
extension FakeComfyUI {
    public func set(faults: [String: [TestServerResponse]]) { self.faults = faults }
    public func set(viewMode: ViewMode) { self.viewMode = viewMode }
    public func set(failingNode: String?) { self.failingNode = failingNode }
    public func set(hold: Bool) { self.hold = hold }
    public func set(loseJobs: Int) { self.loseJobs = loseJobs }
    public func set(outputStem: String?) { self.outputStem = outputStem }
    public func set(outageAfterSubmit: Int) { self.outageAfterSubmit = outageAfterSubmit }
    public func set(lostAnswers: Int) { self.lostAnswers = lostAnswers }
    public func set(videos: [Data]?) { self.videos = videos }
    public func set(runTime: Duration?) { self.runTime = runTime }
    public func set(resultImage: Data?) { self.resultImage = resultImage }
    /// Saved images are these in turn, the last repeated: a GPU that draws one person, then another.
    public func set(resultImages: [Data]) { self.resultImages = resultImages }
    public func set(missingNodes: Set<String>) { self.missingNodes = missingNodes }
    public func set(checkpoints: [String]) { self.checkpoints = checkpoints }
    public func set(oneAtATime: Bool) { self.oneAtATime = oneAtATime }

    /// Goes down: every request gets 503 and the jobs it was running are lost, as when the box
    /// is switched off. Returns how many prompts it held (running, not finished).
    @discardableResult
    public func stop() -> Int {
        stopped = true
        let held = running.count
        running = []
        return held
    }

    /// Comes back as a restarted ComfyUI does: with an empty queue and an empty history (ComfyUI
    /// keeps both in memory; only the output files survive on disk).
    public func start() {
        stopped = false
        history = [:]
    }

    /// Prompts that ran to the end here (in the history).
    public var finishedCount: Int { history.count }

    /// GET /object_info: every node class the fake knows, less the missing ones; a choice input
    /// as ComfyUI writes it, `[[choices], {options}]` (the checkpoints for `ckpt_name`).
    func objectInfo() -> TestServerResponse { .json(value: JSONValue.object(nodeClasses())) }

    /// GET /object_info/{class}: that class alone, or `{}` for one the server does not have.
    func objectInfo(of name: String) -> TestServerResponse {
        .json(value: JSONValue.object(nodeClasses()[name].map { [name: $0] } ?? [:]))
    }

    private func nodeClasses() -> [String: JSONValue] {
        var info: [String: JSONValue] = [:]
        for (name, node) in ComfyUINodeSchema.classes where !missingNodes.contains(name) {
            let inputs = node.required.map { input in
                let choices = input == "ckpt_name" ? checkpoints.map(JSONValue.string) : []
                return (input, JSONValue.array([.array(choices), .object([:])]))
            }
            info[name] = .object([
                "input": .object(["required": .object(Dictionary(uniqueKeysWithValues: inputs))]),
                "output_node": .bool(node.output), "name": .string(name),
            ])
        }
        return info
    }
}
