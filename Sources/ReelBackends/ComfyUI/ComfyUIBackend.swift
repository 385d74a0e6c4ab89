import Foundation
import ReelKit
import Synchronization

/// Drives a ComfyUI server (local or remote) for images and clips: uploads the init image,
/// queues the filled workflow with POST /prompt, waits for the run to finish, and fetches the
/// results with /view. One prompt per candidate, each with its own seed, so every candidate's
/// seed is recorded and can be made again.
///
/// ```swift
/// let client = ComfyUIClient(baseURL: "http://127.0.0.1:8188", transport: transport)
/// let comfy = try ComfyUIBackend(client: client, models: ["checkpoint": "sd_xl_base_1.0.safetensors"])
/// let images = try await comfy.generate(request, context: context)
/// ```
///
/// Clips come from `ComfyUIVideoBackend`, which shares the client.
public struct ComfyUIBackend: ImageBackend {
    public let name = "comfyui"
    public var client: ComfyUIClient
    public var txt2img: ComfyUIWorkflow
    public var img2img: ComfyUIWorkflow
    /// Values for model and sampler placeholders (`checkpoint`, `steps`, …).
    public var models: [String: JSONValue]
    /// The servers when `comfyui: { servers: […] }` lists several; `nil` for one server.
    public var pool: ComfyUIPool?

    /// Model files and sampler settings Reel's own workflows use when film.yaml names none.
    public static let defaultModels: [String: JSONValue] = [
        "checkpoint": .string("sd_xl_base_1.0.safetensors"),
        "video_model": .string("wan2.1_i2v_480p_14B_fp8_scaled.safetensors"),
        "text_encoder": .string("umt5_xxl_fp8_e4m3fn_scaled.safetensors"),
        "vae": .string("wan_2.1_vae.safetensors"),
        "clip_vision": .string("clip_vision_h.safetensors"),
        "steps": .int(25), "cfg": .double(7), "sampler": .string("euler"), "scheduler": .string("normal"),
        "video_steps": .int(20), "video_cfg": .double(6), "video_fps": .int(16), "max_frames": .int(81),
    ]

    public init(
        client: ComfyUIClient, txt2img: ComfyUIWorkflow? = nil, img2img: ComfyUIWorkflow? = nil,
        models: [String: JSONValue] = [:], pool: ComfyUIPool? = nil
    ) throws {
        self.client = client
        self.pool = pool
        self.txt2img = try txt2img ?? ComfyUIWorkflow(name: "txt2img", json: Data(ComfyUIDefaultWorkflows.txt2img.utf8))
        self.img2img = try img2img ?? ComfyUIWorkflow(name: "img2img", json: Data(ComfyUIDefaultWorkflows.img2img.utf8))
        self.models = Self.defaultModels.merging(models) { _, mine in mine }
    }

    /// How many character references the workflows load (the larger of the two's slots).
    var referenceLimit: Int {
        max(ComfyUIPeople.referenceSlots(in: txt2img), ComfyUIPeople.referenceSlots(in: img2img))
    }

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: true, negativePrompt: true, promptWeights: true,
            characterReferences: referenceLimit > 0, characterReferenceLimit: referenceLimit,
            placesPeople: ComfyUIPeople.placedCount(in: txt2img) >= 2, maxBatch: 8,
            sizes: SizeRule(multiple: 64, minSide: 256, maxSide: 2048, maxPixels: 1024 * 1024))
    }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        if pool != nil {
            let jobID = try await submit(request, as: nil, context: context)
            return try await collect(jobID: jobID, request: request, context: context)
        }
        let plan = try await prepare(request, context: context)
        var images: [GeneratedImage] = []
        for (index, job) in plan.jobs.enumerated() {
            context.progress(
                Double(index) / Double(plan.jobs.count), "candidate \(index + 1) of \(plan.jobs.count) on ComfyUI")
            let report = ComfyUIBackend.progressReporter(
                graph: job.graph, context: context, index: index, count: plan.jobs.count)
            let files = try await client.run(job.graph, workflow: plan.workflow.name, onProgress: report)
            images += try await download(files, seed: job.seed, workflow: plan.workflow.name, context: context)
        }
        context.progress(1, "done")
        return images
    }

    /// One prompt per candidate: its filled graph and seed, in candidate order.
    struct Plan {
        var workflow: ComfyUIWorkflow
        var jobs: [(graph: [String: JSONValue], seed: UInt32)]
    }

    /// Fills the workflow for every candidate, uploading the init image first. The same request
    /// always gives the same graphs (uploads are named by hash), so a resumed run can rebuild them.
    /// The init image goes to `server` (a pool's server), else to this backend's one.
    func prepare(_ request: Request, context: GenerationContext, on server: ComfyUIClient? = nil) async throws -> Plan {
        var values = models
        values["prompt"] = .string(PromptEmphasis.text(of: request))
        values["negative"] = .string(request.negative ?? "")
        values["width"] = .int(request.width)
        values["height"] = .int(request.height)
        values["batch_size"] = .int(1)
        let workflow: ComfyUIWorkflow
        if let source = request.initImage {
            workflow = img2img
            values["init_image"] = .string(
                try await (server ?? client).upload(try context.data(of: source), fileName: Self.uploadName(source)))
            values["denoise"] = .double(request.strength ?? 0.6)
        } else {
            workflow = txt2img
            values["denoise"] = .double(1)
        }
        // A workflow loads the shot's character references through `{{ref:1}}`, `{{ref:2}}`…
        // (LoadImage, then IP-Adapter, InstantID or PuLID nodes); only those it names are uploaded.
        for slot in workflow.referenceSlots where slot >= 1 && slot <= request.characterReferences.count {
            let source = request.characterReferences[slot - 1].source
            values["ref:\(slot)"] = .string(
                try await client.upload(try context.data(of: source), fileName: Self.uploadName(source)))
        }
        values.merge(
            try await ComfyUIPeople.values(for: request, workflow: workflow, context: context) { data, name in
                try await client.upload(data, fileName: name)
            }
        ) { $1 }
        var jobs: [(graph: [String: JSONValue], seed: UInt32)] = []
        for index in 0..<max(1, request.count) {
            let seed = request.seed(ofCandidate: index)
            values["seed"] = .int(Int(seed))
            jobs.append((try workflow.filled(with: values), seed))
        }
        return Plan(workflow: workflow, jobs: jobs)
    }

    /// Fetches a finished prompt's saved images (from `server`, else this backend's one) and
    /// checks they are images.
    func download(
        _ files: [ComfyUIWire.FileReference], seed: UInt32, workflow: String, context: GenerationContext,
        from server: ComfyUIClient? = nil
    ) async throws -> [GeneratedImage] {
        let outputs = files.filter { ($0.type ?? "output") == "output" }
        guard !outputs.isEmpty else {
            throw BackendError(
                .badResponse, backend: name,
                "workflow '\(workflow)' finished without saving an image; give it a SaveImage node")
        }
        var images: [GeneratedImage] = []
        for (offset, file) in outputs.enumerated() {
            // Streamed to a file the engine reads row by row: the result is never held whole.
            let local = context.scratchDirectory.appending(path: "comfyui-\(UUID().uuidString)")
            try await (server ?? client).download(file, to: local)
            try ImageCheck.verify(fileAt: local, backend: name, what: "'\(file.filename)'")
            images.append(GeneratedImage(file: local, seed: outputs.count == 1 || offset == 0 ? seed : nil))
        }
        return images
    }

    /// Turns socket events of candidate `index` into the engine's progress: the sampler's steps
    /// fill that candidate's share of the bar, and the message names the running node.
    /// `place` names the server of a pool that runs it.
    static func progressReporter(
        graph: [String: JSONValue], context: GenerationContext, index: Int, count: Int, place: String? = nil
    ) -> @Sendable (ComfyUIProgressSocket.Event) -> Void {
        let names = graph.mapValues { $0["class_type"]?.string ?? "?" }
        let share = 1 / Double(max(1, count))
        // The bar only moves forward: a node starting after the sampler keeps the sampler's share.
        let reached = Mutex(Double(index) * share)
        return { event in
            let prefix = "candidate \(index + 1) of \(count)" + (place.map { " on \($0)" } ?? "")
            switch event {
            case .executing(let node):
                context.progress(reached.withLock { $0 }, "\(prefix): node \(node) (\(names[node] ?? "?"))")
            case .progress(let node, let value, let max):
                let label = node.map { "node \($0) (\(names[$0] ?? "?"))" } ?? "step"
                let fraction = reached.withLock { reached in
                    reached = Swift.max(reached, (Double(index) + Swift.min(value / max, 1)) * share)
                    return reached
                }
                context.progress(fraction, "\(prefix): \(label) \(Int(value))/\(Int(max))")
            case .finished:
                context.progress(Double(index + 1) * share, "\(prefix) done")
            }
        }
    }

    /// Uploads are named by the image's hash, so the same image is stored once on the server.
    static func uploadName(_ source: ImageSource) -> String {
        if case .blob(let hash) = source { return "reel-\(hash.prefix(16))" }
        return "reel-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
