import Foundation
import ReelKit

/// ComfyUI keeps its queue and history while Reel comes and goes, and accepts prompt ids chosen
/// by the client. So a take's candidates are queued at once under ids Reel chooses, the engine
/// journals those ids, and a restarted Reel collects them from /history instead of queueing —
/// and paying for — them again. A server that lost them (restarted) gets them queued again
/// under the same ids.
extension ComfyUIBackend: ResumableImageBackend {
    /// Queues every candidate and returns their prompt ids, comma-separated.
    public func submit(_ request: Request, context: GenerationContext) async throws -> String {
        let plan = try await prepare(request, context: context)
        var ids: [String] = []
        for job in plan.jobs {
            let id = UUID().uuidString.lowercased()
            try await client.submit(job.graph, promptID: id, workflow: plan.workflow.name)
            ids.append(id)
        }
        return ids.joined(separator: ",")
    }

    /// Waits for each queued candidate (from /history) and downloads its image.
    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let ids = jobID.split(separator: ",").map(String.init)
        let plan = try await prepare(request, context: context)
        guard ids.count == plan.jobs.count else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        var images: [GeneratedImage] = []
        for (index, (id, job)) in zip(ids, plan.jobs).enumerated() {
            context.progress(Double(index) / Double(ids.count), "candidate \(index + 1) of \(ids.count) on ComfyUI")
            let entry = try await client.wait(for: id, graph: job.graph, workflow: plan.workflow.name)
            let files = try ComfyUIErrors.outputs(of: entry, workflow: plan.workflow.name)
            images += try await download(files, seed: job.seed, workflow: plan.workflow.name, context: context)
        }
        context.progress(1, "done")
        return images
    }

    public func cancel(jobID: String) async {
        for id in jobID.split(separator: ",") { await client.cancel(promptID: String(id)) }
    }
}
