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

    public init(client: ComfyUIClient, img2video: ComfyUIWorkflow? = nil, models: [String: JSONValue] = [:]) throws {
        self.client = client
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
        try Self.verifyMP4(output, backend: name, file: file.filename)
        context.progress(1, "done")
        return GeneratedClip(duration: Double(frames) / Double(max(1, fps)))
    }

    static func isVideoName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".mp4")
    }

    static func verifyMP4(_ file: URL, backend: String, file name: String) throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 12) ?? Data()
        guard head.count == 12, head[head.startIndex + 4..<head.startIndex + 8] == Data("ftyp".utf8) else {
            throw BackendError(
                .notAnImage, backend: backend,
                "'\(name)' from \(backend) is not an MP4 video; check the workflow's SaveVideo node")
        }
    }
}
