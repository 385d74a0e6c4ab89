import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

@Suite struct ComfyUIVideoBackendTests {
    @Test func aClipIsQueuedWithWanFrameCountsAndStreamedToTheOutput() async throws {
        try await ComfyUIHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "cd", count: 32)
            let backend = try ComfyUIVideoBackend(client: harness.client)
            let request = ClipRequest(
                image: .blob(hash), motion: "wind in her hair", camera: .pushIn, duration: 3, fps: 24, width: 1000,
                height: 563, seed: 5)
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await backend.animate(request, to: output, context: harness.context(blobs: [hash: still]))

            #expect(try Data(contentsOf: output) == FakeComfyUI.mp4Bytes)
            // 3 s at Wan's 16 fps is 48 frames; Wan makes 4n+1, so 45.
            #expect(clip.duration == 45.0 / 16.0)
            let wan = try #require(await harness.node("WanImageToVideo", inPrompt: 0))
            #expect(wan["inputs"]?["length"] == .int(45))
            #expect(wan["inputs"]?["width"] == .int(992))
            #expect(wan["inputs"]?["height"] == .int(560))
            let create = try #require(await harness.node("CreateVideo", inPrompt: 0))
            #expect(create["inputs"]?["fps"] == .int(16))
            #expect(backend.capabilities.maxClipSeconds == 5)
        }
    }
}
