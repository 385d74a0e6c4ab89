import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelBackends

@Suite struct ComfyUIProgressTests {
    @Test func theSocketsSamplerStepsMoveTheProgressBarAndNameTheNode() async throws {
        try await ComfyUIHarness.with { harness in
            let progress = ProgressLog()
            let images = try await harness.images().generate(
                Request(prompt: "x", width: 64, height: 64, count: 2), context: harness.context(progress: progress))
            #expect(images.count == 2)
            let messages = progress.messages
            #expect(messages.contains("candidate 1 of 2: node 5 (KSampler) 2/3"))
            #expect(messages.contains("candidate 2 of 2: node 7 (SaveImage)"))
            // Candidate 1's third step is a sixth of the way past its start; nothing of the other
            // client's prompt (9 of 10) shows.
            let fractions = progress.fractions
            #expect(fractions.contains { abs($0 - 1.0 / 3.0) < 1e-9 })
            #expect(fractions.contains { abs($0 - 0.5 - 1.0 / 6.0) < 1e-9 })
            #expect(!fractions.contains { abs($0 - 0.45) < 1e-9 })
            #expect(fractions == fractions.sorted())
            let sent = await harness.fake.sentTypes
            #expect(sent.contains("execution_success"))
        }
    }

    @Test(arguments: [
        (#"{"type": "executing", "data": {"node": null, "prompt_id": "p"}}"#, ComfyUIProgressSocket.Event.finished),
        (
            #"{"type": "executing", "data": {"node": "3", "display_node": "3", "prompt_id": "p"}}"#,
            .executing(node: "3")
        ),
        (
            #"{"type": "progress", "data": {"value": 2, "max": 4.0, "prompt_id": "p", "node": "3"}}"#,
            .progress(node: "3", value: 2, max: 4)
        ),
    ])
    func socketMessagesOfOurPromptAreRead(text: String, event: ComfyUIProgressSocket.Event) {
        #expect(ComfyUIProgressSocket.event(in: Data(text.utf8), promptID: "p") == event)
        #expect(ComfyUIProgressSocket.event(in: Data(text.utf8), promptID: "other") == nil)
    }

    @Test func statusAndUnknownFramesAreIgnored() {
        let status = #"{"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}}, "sid": "abc"}}"#
        #expect(ComfyUIProgressSocket.event(in: Data(status.utf8), promptID: "p") == nil)
        #expect(ComfyUIProgressSocket.event(in: Data("not json".utf8), promptID: "p") == nil)
    }
}
