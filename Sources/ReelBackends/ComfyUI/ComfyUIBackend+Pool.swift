import Foundation
import ReelKit

/// A take on a pool of servers: all its candidates go to the one server the pool hands it, and
/// the journaled id names that server, so a restarted Reel re-attaches there. The take holds
/// the server's lane from submit until it is collected. A server that stops answering is set
/// aside: a take not yet queued goes to another server, and the candidates a failed server
/// held are run again elsewhere under fresh ids — counted, and said in the take's progress.
extension ComfyUIBackend {
    /// Queues the take on a free server that has its workflow's nodes, and returns
    /// `ids@server`.
    func submit(
        _ request: Request, as reserved: String?, to pool: ComfyUIPool, context: GenerationContext
    ) async throws -> String {
        let workflow = request.initImage == nil ? txt2img : img2img
        // The reserved ids only on the first server tried: one that failed may still hold them.
        var reuse = reserved.map { ComfyUIPoolJobID($0).promptIDs }
        while true {
            let server = try await pool.acquire(affinity: affinity(of: workflow), classes: workflow.classTypes)
            do {
                let ids = try await queue(
                    request, reusing: reuse, on: server, of: pool, context: context)
                await pool.hold(ComfyUIPoolJobID(promptIDs: ids, server: pool.clients[server].baseURL).text, on: server)
                context.progress(0, "queued on ComfyUI \(pool.label(server))")
                return ComfyUIPoolJobID(promptIDs: ids, server: pool.clients[server].baseURL).text
            } catch let error as BackendError where error.isTransient {
                await pool.release(server)
                await pool.setAside(server)
                reuse = nil
                context.progress(0, "ComfyUI \(pool.label(server)) did not answer (\(error.code)); trying another")
            } catch {
                await pool.release(server)
                throw error
            }
        }
    }

    /// Waits for the take's candidates on the server that holds them and downloads them; when
    /// that server fails, the candidates not yet collected run again on another.
    func collect(
        jobID: String, request: Request, from pool: ComfyUIPool, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        var job = ComfyUIPoolJobID(jobID)
        guard let url = job.server else {
            // Reserved before a server was chosen: whoever has the ids holds the take; if none
            // does, nothing was sent, and it is queued now under those ids.
            if let holder = await locate(job.promptIDs, in: pool) {
                job.server = pool.clients[holder].baseURL
                await pool.claim(holder)
                return try await collect(job, request: request, server: holder, pool: pool, context: context)
            }
            let queued = try await submit(request, as: jobID, to: pool, context: context)
            return try await collect(jobID: queued, request: request, from: pool, context: context)
        }
        guard let server = pool.index(of: url) else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        await pool.attach(jobID, to: server)
        return try await collect(job, request: request, server: server, pool: pool, context: context)
    }

    /// Follows each candidate on the server that holds it. When one fails, the candidates it
    /// still holds run again on another server under fresh ids, and the take's journaled id is
    /// rewritten at once, so a restarted Reel re-attaches to them there instead of running them
    /// a second time. `lane` is the server whose lane the take holds.
    private func collect(
        _ job: ComfyUIPoolJobID, request: Request, server first: Int, pool: ComfyUIPool, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        let workflow = request.initImage == nil ? txt2img : img2img
        var lane = first
        var ids = job.promptIDs
        var holders = job.servers.compactMap { $0.flatMap(pool.index(of:)) }
        guard holders.count == ids.count else {
            await pool.release(lane)
            throw RemoteJobLost(jobID: job.text, backend: name)
        }
        // Each server's inputs (uploads) are prepared when a candidate there is first followed.
        var plans: [Int: Plan] = [:]
        let clientID = Self.clientID(ofJob: job.text)
        var images: [GeneratedImage] = []
        var index = 0
        while index < ids.count {
            let server = holders[index]
            let label = "candidate \(index + 1) of \(ids.count) on ComfyUI \(pool.label(server))"
            context.progress(Double(index) / Double(ids.count), label)
            let client = pool.clients[server]
            do {
                let plan: Plan
                if let prepared = plans[server] {
                    plan = prepared
                } else {
                    plan = try await prepare(request, context: context, on: client)
                    plans[server] = plan
                }
                guard plan.jobs.count == ids.count else { throw RemoteJobLost(jobID: job.text, backend: name) }
                let candidate = plan.jobs[index]
                let report = Self.progressReporter(
                    graph: candidate.graph, context: context, index: index, count: ids.count,
                    place: "ComfyUI \(pool.label(server))")
                let entry = try await client.follow(
                    ids[index], clientID: clientID, graph: candidate.graph, workflow: plan.workflow.name,
                    onProgress: report)
                let files = try ComfyUIErrors.outputs(of: entry, workflow: plan.workflow.name)
                images += try await download(
                    files, seed: candidate.seed, workflow: plan.workflow.name, context: context, from: client)
                index += 1
            } catch let error as BackendError where error.isTransient {
                await pool.release(lane)
                await pool.setAside(server)
                lane = try await pool.acquire(affinity: affinity(of: workflow), classes: workflow.classTypes)
                let again = (index..<ids.count).filter { holders[$0] == server }
                await pool.countReruns(again.count)
                context.progress(
                    Double(index) / Double(ids.count),
                    "ComfyUI \(pool.label(server)) failed (\(error.code)); re-running \(again.count) candidate(s) on "
                        + pool.label(lane))
                do {
                    let plan = try await prepare(request, context: context, on: pool.clients[lane])
                    plans[lane] = plan
                    // Written down before they are sent: a kill in between finds them missing
                    // on that server, which queues them then under the same ids.
                    for rerun in again {
                        ids[rerun] = UUID().uuidString.lowercased()
                        holders[rerun] = lane
                    }
                    try context.recordSubmitted(
                        ComfyUIPoolJobID(promptIDs: ids, servers: holders.map { pool.clients[$0].baseURL }).text)
                    for rerun in again {
                        try await pool.clients[lane].submit(
                            plan.jobs[rerun].graph, promptID: ids[rerun], workflow: plan.workflow.name,
                            clientID: clientID)
                    }
                } catch {
                    await pool.release(lane)
                    throw error
                }
            } catch {
                await pool.release(lane)
                throw error
            }
        }
        await pool.release(lane, finished: true)
        context.progress(1, "done on ComfyUI \(pool.label(lane))")
        return images
    }

    /// The server that has the first of `ids` queued or in its history, if one does.
    private func locate(_ ids: [String], in pool: ComfyUIPool) async -> Int? {
        guard let first = ids.first else { return nil }
        for server in pool.clients.indices {
            if (try? await pool.clients[server].has(first)) == true { return server }
        }
        return nil
    }

    /// Fills and queues the take's candidates on `server` under `reusing` ids (fresh ones when
    /// there are none or too few) and returns the ids.
    private func queue(
        _ request: Request, reusing reserved: [String]?, on server: Int, of pool: ComfyUIPool,
        context: GenerationContext
    ) async throws -> [String] {
        let client = pool.clients[server]
        let plan = try await prepare(request, context: context, on: client)
        var ids = reserved ?? []
        if ids.count != plan.jobs.count { ids = plan.jobs.map { _ in UUID().uuidString.lowercased() } }
        let clientID = Self.clientID(ofJob: ids.joined(separator: ","))
        for (id, job) in zip(ids, plan.jobs) {
            try await client.submit(job.graph, promptID: id, workflow: plan.workflow.name, clientID: clientID)
        }
        return ids
    }

    /// Servers that last ran the same workflow with the same checkpoint have its models loaded.
    func affinity(of workflow: ComfyUIWorkflow) -> String {
        workflow.name + " " + (models["checkpoint"]?.string ?? "")
    }
}
