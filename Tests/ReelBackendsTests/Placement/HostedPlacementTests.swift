import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Each hosted backend sends a placed shot's references in its own field, person by person,
/// and a prompt that says who each image shows and where they stand; over its limit, every
/// person keeps a first reference before anyone keeps a second.
@Suite struct HostedPlacementTests {
    static func dataURIs(_ hashes: [String]) throws -> [JSONValue] {
        try PlacedShot.images(hashes).map { .string("data:image/png;base64," + $0.base64EncodedString()) }
    }

    @Test func flux2GetsEachPersonsReferencesInOrderAndTheirPlaces() async throws {
        try await FalHarness.with { harness in
            let backend = harness.images(model: try #require(FalPrices.model("fal-ai/flux-2-flex")))
            #expect(backend.capabilities.characterReferenceLimit == 8)
            let blobs = try PlacedShot.blobs()
            _ = try await backend.generate(PlacedShot.request(), context: harness.context(blobs: blobs))
            let input = try #require(await harness.fake.submissions.first?.input)
            #expect(
                input["image_urls"] == .array(try Self.dataURIs([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1])))
            let prompt = try #require(input["prompt"]?.string)
            #expect(prompt.contains("Image 1 and image 2 show kit (a girl in red): place this person on the left"))
            #expect(prompt.contains("Image 3 shows oda (a keeper in yellow): place this person on the right"))
            #expect(prompt.hasSuffix("two people turn the crank"))

            _ = try await backend.generate(PlacedShot.single(), context: harness.context(blobs: blobs))
            let single = try #require(await harness.fake.submissions.last?.input)
            #expect(single["image_urls"] == .array(try Self.dataURIs([PlacedShot.oda1])))
            #expect(single["prompt"] == .string("a keeper at the lamp"), "a one-person prompt is unchanged")
        }
    }

    @Test func geminiGetsEachPersonsImagesAsPartsNamedByPosition() async throws {
        try await GeminiHarness.with { harness in
            // 2.5 Flash takes 3 input images: all three references fit.
            _ = try await harness.images().generate(
                PlacedShot.request(), context: harness.context(blobs: try PlacedShot.blobs()))
            let parts = try #require(
                await harness.fake.generateCalls.first?.body["contents"]?.array?.first?["parts"]?.array)
            let inline = parts.dropFirst().compactMap { $0["inlineData"]?["data"]?.string }
            #expect(
                inline
                    == (try PlacedShot.images([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1]))
                    .map { $0.base64EncodedString() })
            let text = try #require(parts.first?["text"]?.string)
            #expect(text.contains("Image 3 shows oda (a keeper in yellow): place this person on the right"))
        }
    }

    @Test func openAIGetsEachPersonsImagesInFormOrder() async throws {
        try await OpenAIHarness.with { harness in
            _ = try await harness.images().generate(
                PlacedShot.request(), context: harness.context(blobs: try PlacedShot.blobs()))
            let call = try #require(await harness.fake.paidCalls.first)
            #expect(call.images == (try PlacedShot.images([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1])))
            #expect(call.text.contains("Image 1 and image 2 show kit (a girl in red): place this person on the left"))
        }
    }

    @Test func runwayTagsEachReferenceAfterItsCharacterAndDropsOverItsLimit() async throws {
        try await RunwayHarness.with { harness in
            var request = PlacedShot.request(width: 1280, height: 720)
            // gen4_image takes 3 references: a third of kit's is the one dropped.
            request.people?[0].references.append(WeightedImage(.blob(PlacedShot.kit1)))
            request.characterReferences.insert(WeightedImage(.blob(PlacedShot.kit1)), at: 2)
            let allotment = ReferenceAllotment(request, limit: 3)
            #expect(allotment.dropped == ["kit's reference 3 (blob \(PlacedShot.kit1.prefix(12)))"])
            _ = try await harness.images().generate(request, context: harness.context(blobs: try PlacedShot.blobs()))
            let body = try #require(await harness.fake.submissions.first?.body)
            let references = body["referenceImages"]?.array ?? []
            #expect(references.compactMap { $0["tag"]?.string } == ["kit", "kit_2", "oda"])
            #expect(
                references.compactMap { $0["uri"] }
                    == (try Self.dataURIs([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1])))
            let prompt = try #require(body["promptText"]?.string)
            #expect(prompt.contains("@kit and @kit_2 show kit (a girl in red): place this person on the left"))
            #expect(prompt.contains("@oda shows oda (a keeper in yellow): place this person on the right"))
        }
    }

    @Test func lumaGetsEachPersonsImagesAsImageRefs() async throws {
        try await LumaHarness.with { harness in
            _ = try await harness.images().generate(
                PlacedShot.request(), context: harness.context(blobs: try PlacedShot.blobs()))
            let body = try #require(await harness.fake.submissions.first?.body)
            let sent = (body["image_ref"]?.array ?? []).compactMap { $0["data"]?.string }
            #expect(
                sent
                    == (try PlacedShot.images([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1]))
                    .map { $0.base64EncodedString() })
            #expect(body["prompt"]?.string?.contains("Image 3 shows oda") == true)
        }
    }

    @Test func withRoomForOneReferenceTheSecondPersonIsDrawnFromWords() {
        let allotment = ReferenceAllotment(PlacedShot.request(), limit: 1)
        #expect(allotment.people.map { $0.map(\.source) } == [[.blob(PlacedShot.kit1)], []])
        #expect(allotment.unreferenced == ["oda"])
        #expect(allotment.dropped.count == 2)
        let two = ReferenceAllotment(PlacedShot.request(), limit: 2)
        #expect(two.people.map { $0.map(\.source) } == [[.blob(PlacedShot.kit1)], [.blob(PlacedShot.oda1)]])
    }
}
