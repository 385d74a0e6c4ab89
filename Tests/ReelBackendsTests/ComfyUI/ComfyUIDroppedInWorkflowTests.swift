import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelBackends

@Suite struct ComfyUIDroppedInWorkflowTests {
    /// A weight-free graph as "Save (API)" exports it, with no placeholders: the film maps
    /// Reel's values onto its nodes.
    static let exported = """
        {"1": {"class_type": "EmptyImage", "inputs": {"width": 512, "height": 512, "batch_size": 1, "color": 0}},
         "2": {"class_type": "ImageBlur", "inputs": {"image": ["1", 0], "blur_radius": 3, "sigma": 1.0}},
         "3": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}},
         "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "reel/export"}}}
        """

    @Test func mappedInputsCarryTheRequestIntoAnExportedGraph() async throws {
        try await ComfyUIHarness.with { harness in
            let paths = { (text: String) in [ComfyUIWorkflow.InputPath(text)].compactMap(\.self) }
            let workflow = try ComfyUIWorkflow(
                name: "export.json", json: Data(Self.exported.utf8),
                inputs: ["width": paths("1.width"), "height": paths("1.height"), "seed": paths("1.color")])
            let backend = try ComfyUIBackend(client: harness.client, txt2img: workflow)
            let images = try await backend.generate(
                Request(prompt: "ignored by this graph", width: 48, height: 16, seed: 300, count: 2),
                context: harness.context())
            #expect(images.map(\.seed) == [300, 301])
            #expect(try images.map { try RGBAImage(decoding: $0.data).width } == [48, 48])
            let empty = try #require(await harness.node("EmptyImage", inPrompt: 1))
            #expect(empty["inputs"]?["color"] == .int(301))
            #expect(empty["inputs"]?["height"] == .int(16))
            #expect(empty["inputs"]?["batch_size"] == .int(1))
        }
    }

    /// A reference workflow loads the shot's character references through `{{ref:1}}`,
    /// `{{ref:2}}`: exactly those images are uploaded and reach its LoadImage nodes, in order.
    @Test func referencePlaceholdersLoadTheShotsCharacterReferences() async throws {
        try await ComfyUIHarness.with { harness in
            let graph = """
                {"1": {"class_type": "LoadImage", "inputs": {"image": "{{ref:1}}"}},
                 "2": {"class_type": "LoadImage", "inputs": {"image": "{{ref:2}}"}},
                 "3": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}},
                 "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "reel/ref"}}}
                """
            let backend = try ComfyUIBackend(
                client: harness.client, txt2img: try ComfyUIWorkflow(name: "refs.json", json: Data(graph.utf8)))
            #expect(backend.capabilities.characterReferences)
            let oda = try RGBAImage(width: 8, height: 8, fill: (250, 200, 0, 255)).encoded(as: .png)
            let kit = try RGBAImage(width: 8, height: 8, fill: (200, 0, 0, 255)).encoded(as: .png)
            let (odaHash, kitHash) = (String(repeating: "0d", count: 32), String(repeating: "c1", count: 32))
            let request = Request(
                prompt: "oda and kit at the crank", width: 64, height: 64, seed: 5, count: 1,
                characterReferences: [WeightedImage(.blob(odaHash)), WeightedImage(.blob(kitHash))])
            _ = try await backend.generate(request, context: harness.context(blobs: [odaHash: oda, kitHash: kit]))
            let first = try #require(await harness.fake.prompts.first?.graph)
            let (one, two) = (first["1"]?["inputs"]?["image"]?.string, first["2"]?["inputs"]?["image"]?.string)
            let uploads = await harness.fake.uploads
            let (loadedOne, loadedTwo) = (uploads[try #require(one)], uploads[try #require(two)])
            #expect(loadedOne == oda && loadedTwo == kit)
            #expect(uploads.count == 2)

            let missing = try await #require(throws: BackendError.self) {
                try await backend.generate(
                    Request(prompt: "nobody", width: 64, height: 64, seed: 5, count: 1), context: harness.context())
            }
            #expect(missing.message.contains("{{ref:1}}"), "\(missing.message)")
        }
    }
}

@Suite struct ComfyUIFileNameTests {
    @Test(arguments: ["dup (1)", "a+b&c=d", "../../escape", "night sky #2"])
    func returnedNamesTravelOnlyAsQueryValuesNeverAsPaths(stem: String) async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(outputStem: stem)
            let request = Request(prompt: "x", width: 64, height: 64, count: 1)
            if stem.contains("..") {
                // The name goes back to the server, which refuses it; nothing is written locally.
                let error = await #expect(throws: BackendError.self) {
                    try await harness.images().generate(request, context: harness.context())
                }
                #expect(error?.code == .rejected)
                #expect(try FileManager.default.contentsOfDirectory(atPath: harness.scratch.path).isEmpty)
                return
            }
            let images = try await harness.images().generate(request, context: harness.context())
            #expect(images.count == 1)
            // The result streamed into the scratch folder under a name Reel chose, never the server's.
            let names = try FileManager.default.contentsOfDirectory(atPath: harness.scratch.path)
            #expect(names.count == 1)
            #expect(names.allSatisfy { $0.hasPrefix("comfyui-") && !$0.contains(stem) }, "\(names)")
            guard case .file(let file)? = images.first?.content else {
                Issue.record("the result is not a file")
                return
            }
            #expect(names == [file.lastPathComponent])
        }
    }
}
