import Foundation
import ReelKit

/// Animates a still on a ComfyUI server with an image-to-video workflow (Wan 2.x by default):
/// uploads the still, queues the workflow, and streams the MP4 that SaveVideo wrote into the
/// engine's output file.
public struct ComfyUIVideoBackend: VideoBackend {
    public let name = "comfyui"
    public var client: ComfyUIClient
    public var img2video: ComfyUIWorkflow
    public var models: [String: JSONValue]
    /// The servers when `comfyui: { servers: […] }` lists several; `nil` for one server.
    public var pool: ComfyUIPool?

    public init(
        client: ComfyUIClient, img2video: ComfyUIWorkflow? = nil, models: [String: JSONValue] = [:],
        pool: ComfyUIPool? = nil
    ) throws {
        self.client = client
        self.pool = pool
        self.img2video =
            try img2video ?? ComfyUIWorkflow(name: "img2video", json: Data(ComfyUIDefaultWorkflows.img2video.utf8))
        self.models = ComfyUIBackend.defaultModels.merging(models) { _, mine in mine }
    }

    public var capabilities: VideoCapabilities {
        let frames = models["max_frames"]?.int ?? 81
        let fps = models["video_fps"]?.int ?? 16
        return VideoCapabilities(
            maxClipSeconds: Double(frames - 1) / Double(max(1, fps)), cameraMoves: false, motionPrompt: true)
    }

    public func animate(
        _ request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        guard let pool else { return try await animate(request, to: output, context: context, on: client) }
        // A clip runs whole on one server of the pool; one that fails runs it again on another.
        let workflow = img2video
        while true {
            let server = try await pool.acquire(
                affinity: workflow.name + " " + (models["video_model"]?.string ?? ""), classes: workflow.classTypes)
            context.progress(0, "on ComfyUI \(pool.label(server))")
            do {
                let clip = try await animate(request, to: output, context: context, on: pool.clients[server])
                await pool.release(server, finished: true)
                return clip
            } catch let error as BackendError where error.isTransient {
                await pool.release(server)
                await pool.setAside(server)
                await pool.countReruns(1)
                context.progress(
                    0, "ComfyUI \(pool.label(server)) failed (\(error.code)); running the clip again elsewhere")
            } catch {
                await pool.release(server)
                throw error
            }
        }
    }

    /// Uploads the still to `server`, runs the workflow there and downloads its MP4.
    func animate(
        _ request: ClipRequest, to output: URL, context: GenerationContext, on server: ComfyUIClient
    ) async throws -> GeneratedClip {
        let client = server
        let fps = models["video_fps"]?.int ?? request.fps
        // Wan makes 4n+1 frames; ask for the nearest such count the model allows.
        let maxFrames = models["max_frames"]?.int ?? 81
        let wanted = max(5, Int((request.duration * Double(fps)).rounded()))
        let frames = min((wanted - 1) / 4 * 4 + 1, maxFrames)
        var values = models
        values["motion"] = .string(request.motion)
        values["prompt"] = .string(request.motion)
        values["negative"] = .string("")
        values["seed"] = .int(Int(request.seed))
        values["width"] = .int(max(16, request.width / 16 * 16))
        values["height"] = .int(max(16, request.height / 16 * 16))
        values["frames"] = .int(frames)
        values["fps"] = .int(fps)
        values["batch_size"] = .int(1)
        values["denoise"] = .double(1)
        values["steps"] = models["video_steps"] ?? values["steps"]
        values["cfg"] = models["video_cfg"] ?? values["cfg"]
        values["init_image"] = .string(
            try await client.upload(
                try context.data(of: request.image), fileName: ComfyUIBackend.uploadName(request.image)))
        context.progress(0.05, "queued on ComfyUI")
        let graph = try img2video.filled(with: values)
        let files = try await client.run(
            graph, workflow: img2video.name,
            onProgress: ComfyUIBackend.progressReporter(graph: graph, context: context, index: 0, count: 1))
        guard let file = files.first(where: { ($0.type ?? "output") == "output" && Self.isVideoName($0.filename) })
        else {
            throw BackendError(
                .badResponse, backend: name,
                "workflow '\(img2video.name)' finished without saving an MP4; end it with CreateVideo → SaveVideo (format mp4)"
            )
        }
        try await client.download(file, to: output)
        try ClipCheck.verifyMP4(
            at: output, backend: name, model: "'\(file.filename)'", fix: "check the workflow's SaveVideo node")
        context.progress(1, "done")
        return GeneratedClip(duration: Double(frames) / Double(max(1, fps)))
    }

    static func isVideoName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".mp4")
    }
}
