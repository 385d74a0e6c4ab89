import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

@Suite struct ComfyUIBackendTests {
    @Test func txt2imgMakesOneDecodedImagePerCandidateWithItsSeed() async throws {
        try await ComfyUIHarness.with { harness in
            let request = Request(
                prompt: "a lighthouse at dusk", negative: "text", width: 64, height: 32, seed: 40, count: 2)
            let progress = ProgressLog()
            let images = try await harness.images().generate(request, context: harness.context(progress: progress))

            #expect(images.map(\.seed) == [40, 41])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            #expect(decoded.map(\.width) == [64, 64])
            // The fake paints each image with its seed: each candidate is its own prompt's image.
            #expect(decoded.map { $0.pixels[0] } == [40, 41])
            let prompts = await harness.fake.prompts
            #expect(prompts.map(\.clientID) == ["reel-test-client", "reel-test-client"])
            let sampler = try #require(await harness.node("KSampler", inPrompt: 1))
            #expect(sampler["inputs"]?["seed"] == .int(41))
            #expect(sampler["inputs"]?["steps"] == .int(25))
            let latent = try #require(await harness.node("EmptyLatentImage", inPrompt: 0))
            #expect(latent["inputs"]?["width"] == .int(64))
            #expect(latent["inputs"]?["batch_size"] == .int(1))
            let texts = prompts[0].graph.values.filter { $0["class_type"]?.string == "CLIPTextEncode" }
                .compactMap { $0["inputs"]?["text"]?.string }
            #expect(Set(texts) == ["a lighthouse at dusk", "text"])
            #expect(progress.fractions.last == 1)
        }
    }

    @Test func img2imgUploadsTheInitImageAndLoadsWhatTheServerNamedIt() async throws {
        try await ComfyUIHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8, fill: (200, 10, 10, 255)).encoded(as: .png)
            let hash = String(repeating: "ab", count: 32)
            let request = Request(
                prompt: "the same cliff at night", width: 64, height: 64, seed: 7, count: 1, initImage: .blob(hash),
                strength: 0.35)
            let images = try await harness.images().generate(request, context: harness.context(blobs: [hash: still]))

            #expect(images.count == 1)
            let uploads = await harness.fake.uploads
            #expect(uploads == ["reel-abababababababab.png": still])
            let load = try #require(await harness.node("LoadImage", inPrompt: 0))
            #expect(load["inputs"]?["image"] == .string("reel-abababababababab.png"))
            let sampler = try #require(await harness.node("KSampler", inPrompt: 0))
            #expect(sampler["inputs"]?["denoise"] == .double(0.35))
        }
    }

    @Test func aMissingRequiredInputIsReportedWithNodeClassAndInput() async throws {
        try await ComfyUIHarness.with { harness in
            var workflow = try ComfyUIWorkflow(name: "mine.json", json: Data(ComfyUIDefaultWorkflows.txt2img.utf8))
            guard case .object(var sampler)? = workflow.graph["5"], case .object(var inputs)? = sampler["inputs"] else {
                Issue.record("the default txt2img workflow has no KSampler at node 5")
                return
            }
            inputs["steps"] = nil
            sampler["inputs"] = .object(inputs)
            workflow.graph["5"] = .object(sampler)
            let backend = try ComfyUIBackend(client: harness.client, txt2img: workflow)
            let error = await #expect(throws: BackendError.self) {
                try await backend.generate(
                    Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            }
            #expect(error?.code == .rejected)
            #expect(error?.message.contains("node 5 (KSampler) input 'steps': Required input is missing") == true)
            #expect(error?.message.contains("mine.json") == true)
        }
    }

    @Test func anUnknownNodeClassIsReportedInTheServersWords() async throws {
        try await ComfyUIHarness.with { harness in
            let json =
                #"{"1": {"class_type": "NoSuchNode", "inputs": {}}, "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "x"}}}"#
            let backend = try ComfyUIBackend(
                client: harness.client, txt2img: ComfyUIWorkflow(name: "odd.json", json: Data(json.utf8)))
            let error = await #expect(throws: BackendError.self) {
                try await backend.generate(Request(prompt: "x", count: 1), context: harness.context())
            }
            #expect(error?.code == .rejected)
            #expect(
                error?.message.contains("Cannot execute because node NoSuchNode does not exist. — Node ID '#1'") == true
            )
        }
    }

    @Test func aFailureWhileRunningNamesTheNodeAndItsClass() async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(failingNode: "5")
            let error = await #expect(throws: BackendError.self) {
                try await harness.images().generate(
                    Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            }
            #expect(error?.code == .serverError)
            #expect(error?.message.contains("node 5 (KSampler)") == true)
            #expect(error?.message.contains("CUDA out of memory") == true)
        }
    }

    @Test func aRateLimitedSubmitWaitsAsToldAndThenSucceeds() async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(faults: [
                "/prompt": [
                    TestServerResponse(status: 429, headers: [("Retry-After", "3")], body: Data("slow down".utf8))
                ]
            ])
            let images = try await harness.images().generate(
                Request(prompt: "x", width: 64, height: 64, seed: 3, count: 1), context: harness.context())
            #expect(images.count == 1)
            #expect(harness.clock.sleeps.contains(.seconds(3)))
            #expect(await harness.fake.prompts.count == 1)
        }
    }

    @Test func serverErrorsWhilePollingAreRetriedWithoutSubmittingAgain() async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(faults: [
                "/prompt": [.empty(502)], "/view": [.empty(500), .empty(503)],
            ])
            let images = try await harness.images().generate(
                Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            #expect(images.count == 1)
            #expect(await harness.fake.prompts.count == 1)
            let log = await harness.fake.requestLog
            #expect(log.filter { $0 == "POST /prompt" }.count == 2)
            #expect(log.filter { $0 == "GET /view" }.count == 3)
        }
    }

    @Test func aJobTheServerLostIsQueuedAgainUnderTheSamePromptID() async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(loseJobs: 1)
            let images = try await harness.images().generate(
                Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            #expect(images.count == 1)
            let prompts = await harness.fake.prompts
            #expect(prompts.count == 2)
            #expect(Set(prompts.map(\.id)).count == 1)
        }
    }

    @Test(arguments: [FakeComfyUI.ViewMode.truncated, .html])
    func aResultThatIsNotAWholeImageIsAClearError(mode: FakeComfyUI.ViewMode) async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(viewMode: mode)
            let error = await #expect(throws: BackendError.self) {
                try await harness.images().generate(
                    Request(prompt: "x", width: 64, height: 64, count: 1), context: harness.context())
            }
            #expect(error?.code == .notAnImage)
            let expected = mode == .truncated ? "cut short" : "is not a PNG, JPEG or WebP image"
            #expect(error?.message.contains(expected) == true)
        }
    }

    @Test func cancellingInterruptsTheJobOnTheServer() async throws {
        try await ComfyUIHarness.with(clock: TestClock()) { harness in
            await harness.fake.set(hold: true)
            let backend = try harness.images()
            let context = harness.context()
            let task = Task {
                try await backend.generate(Request(prompt: "x", width: 64, height: 64, count: 1), context: context)
            }
            await harness.fake.waitForRunningJob()
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            let prompts = await harness.fake.prompts
            #expect(await harness.fake.interrupted == prompts.map(\.id))
            #expect(await harness.fake.deleted == prompts.map(\.id))
        }
    }
}

@Suite struct ComfyUIRestartTests {
    @Test func aServerThatDiesMidJobAndComesBackGetsTheJobOnceMore() async throws {
        try await ComfyUIHarness.with { harness in
            // Twelve refused requests: more than one call's retries (4 attempts), so the wait
            // itself must ride out the outage.
            await harness.fake.set(outageAfterSubmit: 12)
            let images = try await harness.images().generate(
                Request(prompt: "x", width: 64, height: 64, seed: 9, count: 1), context: harness.context())
            #expect(images.map(\.seed) == [9])
            let prompts = await harness.fake.prompts
            #expect(prompts.count == 2)
            #expect(Set(prompts.map(\.id)).count == 1)
            #expect(await harness.fake.requestLog.filter { $0 == "GET /view" }.count == 1)
        }
    }
}
