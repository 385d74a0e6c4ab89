import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Placed people on AUTOMATIC1111: Regional Prompter columns and a ControlNet IP-Adapter unit per
/// reference when the server has the extensions, plain text when it has not.
@Suite struct A1111RegionsTests {
    @Test func placedPeopleBecomeRegionalColumnsAndReferencesIPAdapterUnits() async throws {
        try await A1111BackendTests.with { harness in
            await harness.fake.set(
                regionalPrompter: true,
                controlNetModels: ["control_v11p_sd15_canny [d14c016b]", "ip-adapter_sd15 [6a3f6166]"])
            _ = try await harness.backend.generate(
                PlacedShot.request(width: 64, height: 64), context: harness.context(blobs: try PlacedShot.blobs()))
            let body = try #require(await harness.fake.bodies.first)
            #expect(body["prompt"]?.string == "two people turn the crank BREAK a girl in red BREAK a keeper in yellow")
            let regional = body["alwayson_scripts"]?["Regional Prompter"]?["args"]?.array ?? []
            #expect(regional.first == .bool(true))
            #expect(regional.count > 6 && regional[2] == .string("Matrix") && regional[3] == .string("Columns"))
            #expect(regional[6] == .string("1,1"))
            let units = body["alwayson_scripts"]?["controlnet"]?["args"]?.array ?? []
            #expect(
                units.compactMap { $0["image"]?.string }
                    == (try PlacedShot.images([PlacedShot.kit1, PlacedShot.kit2, PlacedShot.oda1]))
                    .map { $0.base64EncodedString() })
            #expect(units.allSatisfy { $0["model"] == .string("ip-adapter_sd15 [6a3f6166]") })
        }
    }

    @Test func withoutTheExtensionsThePromptGoesPlainAndTheLogSaysSo() async throws {
        try await A1111BackendTests.with { harness in
            let progress = ProgressLog()
            _ = try await harness.backend.generate(
                PlacedShot.request(width: 64, height: 64),
                context: harness.context(blobs: try PlacedShot.blobs(), progress: progress))
            let body = try #require(await harness.fake.bodies.first)
            #expect(body["prompt"]?.string == "two people turn the crank")
            #expect(body["alwayson_scripts"] == nil)
            #expect(progress.messages.contains { $0.contains("no ControlNet") })
            #expect(progress.messages.contains { $0.contains("no Regional Prompter") })
        }
    }
}
