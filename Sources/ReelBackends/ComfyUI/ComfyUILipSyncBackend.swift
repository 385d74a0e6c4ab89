import Foundation
import ReelKit

/// Lip-sync on a ComfyUI server with the user's workflow (`comfyui: { workflows: { lipsync:
/// lipsync.json } }`): the clip and the shot's speech track are uploaded, the graph gets their
/// names through `{{video}}` and `{{audio}}` (for LoadVideo and LoadAudio), with `{{frames}}`,
/// `{{fps}}` and `{{seed}}`, and the MP4 its SaveVideo writes is the synced clip. Built on
/// ComfyUI's own InfiniteTalk node (WanInfiniteTalkToVideo, with an audio encoder and the
/// InfiniteTalk model patch) or any lip-sync node pack; Reel ships no default graph, since
/// every one needs model files the user chooses. Prompts are queued under ids Reel chooses, so
/// a restarted Reel collects the job from /history instead of running it again. On a pool the
/// job goes to a free server that has the workflow's nodes, and its id names that server.
public struct ComfyUILipSyncBackend: LipSyncBackend, SetupChecked {
    public let name = "comfyui"
    public var client: ComfyUIClient
    /// The user's workflow; `nil` until `workflows.lipsync` names one.
    public var workflow: ComfyUIWorkflow?
    public var models: [String: JSONValue]
    /// The servers when `comfyui: { servers: […] }` lists several; `nil` for one server.
    public var pool: ComfyUIPool?

    public init(
        client: ComfyUIClient, workflow: ComfyUIWorkflow?, models: [String: JSONValue] = [:], pool: ComfyUIPool? = nil
    ) {
        self.client = client
        self.workflow = workflow
        self.models = models
        self.pool = pool
    }

    public var capabilities: LipSyncCapabilities { LipSyncCapabilities(model: workflow?.name ?? "none") }

    public func checkSetup() throws { _ = try requireWorkflow() }

    public func submit(_ request: LipSyncRequest, context: GenerationContext) async throws -> String {
        let workflow = try requireWorkflow()
        guard let pool else { return try await submit(request, workflow: workflow, on: client, context) }
        while true {
            let server = try await pool.acquire(affinity: workflow.name, classes: workflow.classTypes)
            do {
                let jobID = try await submit(request, workflow: workflow, on: pool.clients[server], context)
                await pool.hold(jobID, on: server)
                context.progress(0, "queued on ComfyUI \(pool.label(server))")
                return jobID
            } catch let error as BackendError where error.isTransient {
                await pool.release(server)
                await pool.setAside(server)
                context.progress(0, "ComfyUI \(pool.label(server)) did not answer (\(error.code)); trying another")
            } catch {
                await pool.release(server)
                throw error
            }
        }
    }

    /// Uploads the clip and the track to `client`, queues the workflow there, and returns
    /// `promptID video audio server`.
    private func submit(
        _ request: LipSyncRequest, workflow: ComfyUIWorkflow, on client: ComfyUIClient, _ context: GenerationContext
    ) async throws -> String {
        let video = try await client.upload(
            try context.readBlob(request.video), fileName: Self.uploadName(request.video), fileExtension: "mp4",
            contentType: "video/mp4")
        let audio = try await client.upload(
            try context.readBlob(request.audio), fileName: Self.uploadName(request.audio), fileExtension: "m4a",
            contentType: "audio/mp4")
        let graph = try workflow.filled(with: values(for: request, video: video, audio: audio))
        let promptID = UUID().uuidString.lowercased()
        try await client.submit(graph, promptID: promptID, workflow: workflow.name, clientID: "reel-\(promptID)")
        return "\(promptID) \(video) \(audio) \(client.baseURL)"
    }

    public func collect(
        jobID: String, request: LipSyncRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let workflow = try requireWorkflow()
        let parts = jobID.split(separator: " ").map(String.init)
        guard parts.count == 3 || parts.count == 4 else { throw RemoteJobLost(jobID: jobID, backend: name) }
        guard let pool else {
            return try await collect(parts, request, workflow: workflow, on: client, to: output, context)
        }
        // The server the id names holds the job; an id from before pools (or of a server no
        // longer listed) cannot be found again, and is queued anew.
        guard parts.count == 4, let server = pool.index(of: parts[3]) else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        await pool.attach(jobID, to: server)
        do {
            let clip = try await collect(
                parts, request, workflow: workflow, on: pool.clients[server], to: output, context)
            await pool.release(server, finished: true)
            return clip
        } catch let error as BackendError where error.isTransient {
            // Its server failed: the job runs again on another, under a new id written down at once.
            await pool.release(server)
            await pool.setAside(server)
            await pool.countReruns(1)
            context.progress(0, "ComfyUI \(pool.label(server)) failed (\(error.code)); lip-syncing again elsewhere")
            let again = try await submit(request, context: context)
            try context.recordSubmitted(again)
            return try await collect(jobID: again, request: request, to: output, context: context)
        } catch {
            await pool.release(server)
            throw error
        }
    }

    /// Follows the job `parts` names on `client` and downloads the MP4 its SaveVideo wrote.
    private func collect(
        _ parts: [String], _ request: LipSyncRequest, workflow: ComfyUIWorkflow, on client: ComfyUIClient,
        to output: URL, _ context: GenerationContext
    ) async throws -> GeneratedClip {
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
        let parts = jobID.split(separator: " ").map(String.init)
        guard let promptID = parts.first else { return }
        let server = parts.count == 4 ? pool.flatMap { pool in pool.index(of: parts[3]).map { pool.clients[$0] } } : nil
        await (server ?? client).cancel(promptID: promptID)
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
