import Foundation
import ReelKit

/// Lip-sync on a ComfyUI server with the user's workflow (`comfyui: { workflows: { lipsync:
/// lipsync.json } }`): the clip and the shot's speech track are uploaded, the graph gets their
/// names through `{{video}}` and `{{audio}}` (for LoadVideo and LoadAudio), with `{{frames}}`,
/// `{{fps}}` and `{{seed}}`, and the MP4 its SaveVideo writes is the synced clip. Built on
/// ComfyUI's own InfiniteTalk node (WanInfiniteTalkToVideo, with an audio encoder and the
/// InfiniteTalk model patch) or any lip-sync node pack; Reel ships no default graph, since
/// every one needs model files the user chooses. Prompts are queued under ids Reel chooses, so
/// a restarted Reel collects the job from /history instead of running it again.
public struct ComfyUILipSyncBackend: LipSyncBackend, SetupChecked {
    public let name = "comfyui"
    public var client: ComfyUIClient
    /// The user's workflow; `nil` until `workflows.lipsync` names one.
    public var workflow: ComfyUIWorkflow?
    public var models: [String: JSONValue]

    public init(client: ComfyUIClient, workflow: ComfyUIWorkflow?, models: [String: JSONValue] = [:]) {
        self.client = client
        self.workflow = workflow
        self.models = models
    }

    public var capabilities: LipSyncCapabilities { LipSyncCapabilities(model: workflow?.name ?? "none") }

    public func checkSetup() throws { _ = try requireWorkflow() }

    public func submit(_ request: LipSyncRequest, context: GenerationContext) async throws -> String {
        let workflow = try requireWorkflow()
        let video = try await client.upload(
            try context.readBlob(request.video), fileName: Self.uploadName(request.video), fileExtension: "mp4",
            contentType: "video/mp4")
        let audio = try await client.upload(
            try context.readBlob(request.audio), fileName: Self.uploadName(request.audio), fileExtension: "m4a",
            contentType: "audio/mp4")
        let graph = try workflow.filled(with: values(for: request, video: video, audio: audio))
        let promptID = UUID().uuidString.lowercased()
        try await client.submit(graph, promptID: promptID, workflow: workflow.name, clientID: "reel-\(promptID)")
        return "\(promptID) \(video) \(audio)"
    }

    public func collect(
        jobID: String, request: LipSyncRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let workflow = try requireWorkflow()
        let parts = jobID.split(separator: " ").map(String.init)
        guard parts.count == 3 else { throw RemoteJobLost(jobID: jobID, backend: name) }
        let graph = try workflow.filled(with: values(for: request, video: parts[1], audio: parts[2]))
        let entry = try await client.follow(
            parts[0], clientID: "reel-\(parts[0])", graph: graph, workflow: workflow.name,
            onProgress: ComfyUIBackend.progressReporter(graph: graph, context: context, index: 0, count: 1))
        let files = try ComfyUIErrors.outputs(of: entry, workflow: workflow.name)
        guard let file = files.first(where: { ($0.type ?? "output") == "output" && $0.filename.hasSuffix(".mp4") })
        else {
            throw BackendError(
                .badResponse, backend: name,
                "workflow '\(workflow.name)' finished without saving an MP4; end it with CreateVideo → SaveVideo (format mp4)"
            )
        }
        try await client.download(file, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: workflow.name)
        context.progress(1, "done")
        return GeneratedClip(duration: request.duration)
    }

    public func cancel(jobID: String) async {
        guard let promptID = jobID.split(separator: " ").first else { return }
        await client.cancel(promptID: String(promptID))
    }

    /// What the placeholders of the workflow are filled with.
    func values(for request: LipSyncRequest, video: String, audio: String) -> [String: JSONValue] {
        var values = models
        values["video"] = .string(video)
        values["audio"] = .string(audio)
        values["fps"] = .int(request.fps)
        values["frames"] = .int(max(1, Int((request.duration * Double(request.fps)).rounded())))
        values["seed"] = .int(0)
        return values
    }

    private func requireWorkflow() throws -> ComfyUIWorkflow {
        guard let workflow else {
            throw ReelError(
                .invalidInput,
                "lip-sync on ComfyUI runs your workflow: set 'comfyui: { workflows: { lipsync: lipsync.json } }' to a graph that loads "
                    + "{{video}} and {{audio}} (LoadVideo, LoadAudio) and ends in SaveVideo (see the README's Lip-sync section)"
            )
        }
        return workflow
    }

    static func uploadName(_ hash: String) -> String { "reel-\(hash.prefix(16))" }
}
