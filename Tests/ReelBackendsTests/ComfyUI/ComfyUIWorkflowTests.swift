import Foundation
import Testing

@testable import ReelBackends

@Suite struct ComfyUIWorkflowTests {
    @Test func exactPlaceholdersBecomeTypedValuesAndEmbeddedOnesText() throws {
        let json =
            #"{"1": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "cfg": "{{cfg}}", "note": "seed {{seed}} of {{prompt}}", "model": ["2", 0]}}}"#
        let workflow = try ComfyUIWorkflow(name: "w", json: Data(json.utf8))
        #expect(workflow.usedPlaceholders == ["seed", "cfg", "prompt"])
        let graph = try workflow.filled(with: ["seed": .int(12), "cfg": .double(6.5), "prompt": .string("a cliff")])
        let inputs = graph["1"]?["inputs"]
        #expect(inputs?["seed"] == .int(12))
        #expect(inputs?["cfg"] == .double(6.5))
        #expect(inputs?["note"] == .string("seed 12 of a cliff"))
        #expect(inputs?["model"] == .array([.string("2"), .int(0)]))
    }

    @Test func mappedInputsFillAWorkflowWithoutPlaceholders() throws {
        let json =
            #"{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "old", "clip": ["4", 1]}}, "3": {"class_type": "KSampler", "inputs": {"seed": 1}}}"#
        let workflow = try ComfyUIWorkflow(
            name: "export.json", json: Data(json.utf8),
            inputs: ["prompt": [try #require(.init("6.text"))], "seed": [try #require(.init("3.seed"))]])
        let graph = try workflow.filled(with: ["prompt": .string("new words"), "seed": .int(99)])
        #expect(graph["6"]?["inputs"]?["text"] == .string("new words"))
        #expect(graph["6"]?["inputs"]?["clip"] == .array([.string("4"), .int(1)]))
        #expect(graph["3"]?["inputs"]?["seed"] == .int(99))
    }

    @Test func aPlaceholderWithoutAValueNamesItAndTheKnownOnes() throws {
        let json = #"{"1": {"class_type": "LoadImage", "inputs": {"image": "{{init_image}}", "x": "{{colour}}"}}}"#
        let workflow = try ComfyUIWorkflow(name: "w.json", json: Data(json.utf8))
        let error = #expect(throws: BackendError.self) { try workflow.filled(with: [:]) }
        #expect(error?.message.contains("{{colour}}, {{init_image}}") == true)
        #expect(error?.message.contains("the placeholders are prompt, negative, seed") == true)
    }

    @Test func aMappingToAMissingNodeIsRefused() throws {
        let workflow = try ComfyUIWorkflow(
            name: "w.json", json: Data(#"{"1": {"class_type": "SaveImage", "inputs": {}}}"#.utf8),
            inputs: ["seed": [try #require(.init("9.seed"))]])
        let error = #expect(throws: BackendError.self) { try workflow.filled(with: ["seed": .int(1)]) }
        #expect(error?.message.contains("no node '9'") == true)
    }

    @Test(arguments: [
        (#"{"nodes": [], "links": []}"#, "Save (API)"),
        ("[1, 2]", "must be a JSON object"),
        (#"{"1": {"inputs": {}}}"#, "node 1 has no class_type"),
        ("{nope", "not valid JSON"),
    ])
    func aFileThatIsNotAnAPIWorkflowIsRefused(json: String, expected: String) {
        let error = #expect(throws: BackendError.self) { try ComfyUIWorkflow(name: "w.json", json: Data(json.utf8)) }
        #expect(error?.message.contains(expected) == true)
    }

    @Test func inputPathsSplitAtTheLastDot() {
        #expect(ComfyUIWorkflow.InputPath("12.text")?.description == "12.text")
        #expect(ComfyUIWorkflow.InputPath("a.b.seed")?.node == "a.b")
        #expect(ComfyUIWorkflow.InputPath("text") == nil)
        #expect(ComfyUIWorkflow.InputPath(".text") == nil)
        #expect(ComfyUIWorkflow.InputPath("6.") == nil)
    }
}
