import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelBackends

/// A two-person workflow gets each person's words, first reference and column mask through
/// `{{person:N:…}}`, and a character's first reference through `{{ref:NAME}}`.
@Suite struct ComfyUIPeopleTests {
    static let graph = """
        {"1": {"class_type": "LoadImage", "inputs": {"image": "{{person:1:ref}}"}},
         "2": {"class_type": "LoadImage", "inputs": {"image": "{{person:2:ref}}"}},
         "3": {"class_type": "LoadImage", "inputs": {"image": "{{person:2:mask}}"}},
         "4": {"class_type": "LoadImage", "inputs": {"image": "{{ref:oda}}"}},
         "5": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}},
         "6": {"class_type": "SaveImage",
               "inputs": {"images": ["5", 0], "filename_prefix": "reel/{{person:1:prompt}}"}}}
        """

    static let odaHash = String(repeating: "0d", count: 32)
    static let kitHash = String(repeating: "c1", count: 32)

    /// kit stands left, oda right: person 1 is kit.
    static func request() -> Request {
        Request(
            prompt: "oda and kit at the crank", width: 64, height: 32, seed: 5, count: 1,
            characterReferences: [WeightedImage(.blob(kitHash)), WeightedImage(.blob(odaHash))],
            people: [
                PlacedPerson(
                    character: "kit", description: "girl in red", region: .column(0, of: 2),
                    references: [WeightedImage(.blob(kitHash))]),
                PlacedPerson(
                    character: "oda", description: "keeper in yellow", region: .column(1, of: 2),
                    references: [WeightedImage(.blob(odaHash))]),
            ])
    }

    @Test func eachPersonGetsTheirOwnReferenceAndMask() async throws {
        try await ComfyUIHarness.with { harness in
            let backend = try ComfyUIBackend(
                client: harness.client, txt2img: try ComfyUIWorkflow(name: "two.json", json: Data(Self.graph.utf8)))
            #expect(backend.capabilities.characterReferenceLimit == 3)
            #expect(backend.capabilities.placesPeople)
            let oda = try RGBAImage(width: 8, height: 8, fill: (250, 200, 0, 255)).encoded(as: .png)
            let kit = try RGBAImage(width: 8, height: 8, fill: (200, 0, 0, 255)).encoded(as: .png)
            _ = try await backend.generate(
                Self.request(), context: harness.context(blobs: [Self.odaHash: oda, Self.kitHash: kit]))
            let graph = try #require(await harness.fake.prompts.first?.graph)
            let uploads = await harness.fake.uploads
            func loaded(_ node: String) throws -> Data? {
                uploads[try #require(graph[node]?["inputs"]?["image"]?.string)]
            }
            #expect(try loaded("1") == kit)
            #expect(try loaded("2") == oda)
            #expect(try loaded("4") == oda)
            #expect(graph["6"]?["inputs"]?["filename_prefix"]?.string == "reel/girl in red")
            let mask = try RGBAImage(decoding: try #require(try loaded("3")))
            #expect(mask.width == 64 && mask.height == 32)
            // oda stands right: her mask is white on the right half, black on the left.
            #expect(mask[48, 16].r == 255 && mask[63, 0].r == 255)
            #expect(mask[16, 16].r == 0 && mask[31, 31].r == 0)
        }
    }

    @Test func aOnePersonShotCannotFillATwoPersonWorkflow() async throws {
        try await ComfyUIHarness.with { harness in
            let backend = try ComfyUIBackend(
                client: harness.client, txt2img: try ComfyUIWorkflow(name: "two.json", json: Data(Self.graph.utf8)))
            let error = try await #require(throws: BackendError.self) {
                try await backend.generate(
                    Request(prompt: "nobody", width: 64, height: 64, seed: 5, count: 1), context: harness.context())
            }
            #expect(error.message.contains("{{person:2:mask}}"), "\(error.message)")
        }
    }
}
