import Foundation
import ReelKit

/// ComfyUI keeps its queue and history while Reel comes and goes, and accepts prompt ids chosen
/// by the client. So a take's candidates are queued at once under ids Reel chooses, the engine
/// journals those ids, and a restarted Reel collects them from /history instead of queueing —
/// and paying for — them again. A server that lost them (restarted) gets them queued again
/// under the same ids. Each take's prompts are queued under a client id of their own, so the
/// take's websocket hears its events even while other takes follow theirs.
extension ComfyUIBackend: ResumableImageBackend {
    /// One prompt id per candidate, comma-separated: ComfyUI queues a prompt under the id the
    /// client gives.
    public func reserveJobID(for request: Request) -> String? {
        // A pool's job id names its server, chosen only when it is sent; a reserved id without
        // one is found by asking the servers (`locate`).
        (0..<max(1, request.count)).map { _ in UUID().uuidString.lowercased() }.joined(separator: ",")
    }

    /// Queues every candidate under the reserved prompt ids (fresh ones without) and returns
    /// them, comma-separated.
    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        if let pool { return try await submit(request, as: reserved, to: pool, context: context) }
        let plan = try await prepare(request, context: context)
        var ids = reserved?.split(separator: ",").map(String.init) ?? []
        if ids.count != plan.jobs.count { ids = plan.jobs.map { _ in UUID().uuidString.lowercased() } }
        let jobID = ids.joined(separator: ",")
        for (id, job) in zip(ids, plan.jobs) {
            try await client.submit(
                job.graph, promptID: id, workflow: plan.workflow.name, clientID: Self.clientID(ofJob: jobID))
        }
        return jobID
    }

    /// Waits for each queued candidate (from /history) and downloads its image.
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        if let pool { return try await collect(jobID: jobID, request: request, from: pool, context: context) }
        let ids = jobID.split(separator: ",").map(String.init)
        let plan = try await prepare(request, context: context)
        guard ids.count == plan.jobs.count else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        var images: [GeneratedImage] = []
        for (index, (id, job)) in zip(ids, plan.jobs).enumerated() {
            context.progress(Double(index) / Double(ids.count), "candidate \(index + 1) of \(ids.count) on ComfyUI")
            let report = Self.progressReporter(graph: job.graph, context: context, index: index, count: ids.count)
            let entry = try await client.follow(
                id, clientID: Self.clientID(ofJob: jobID), graph: job.graph, workflow: plan.workflow.name,
                onProgress: report)
            let files = try ComfyUIErrors.outputs(of: entry, workflow: plan.workflow.name)
            images += try await download(files, seed: job.seed, workflow: plan.workflow.name, context: context)
        }
        context.progress(1, "done")
        return images
    }

    /// The websocket client id a take's prompts are queued under, derived from its job id so a
    /// restarted Reel follows the same socket.
    static func clientID(ofJob jobID: String) -> String {
        let ids = ComfyUIPoolJobID(jobID).promptIDs
        return "reel-" + (ids.first ?? jobID)
    }

    public func cancel(jobID: String) async {
        let job = ComfyUIPoolJobID(jobID)
        for (id, url) in zip(job.promptIDs, job.servers) {
            let server = url.flatMap { url in pool?.clients.first { $0.baseURL == url } } ?? client
            await server.cancel(promptID: id)
        }
    }
}
