import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// Runs one generation under the job journal: the job is written down before anything is
    /// sent, a remote job's id as soon as the server gives it, and the outcome at the end. A run
    /// that finds the job already journaled (the last one crashed or was killed) re-attaches to
    /// the remote job instead of submitting it again.
    func journaledGeneration(
        key: StepKey, shotID: String, backend: any ImageBackend, request: Request, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        try (backend as? any SetupChecked)?.checkSetup()
        var job = try store.enqueueJob(stepKey: key.hex, kind: "take", shotID: shotID, backend: backend.name)
        try checkBudget(adding: backend.capabilities.estimatedCostUSD(request), backend: backend.name)
        return try await whileJournaled(job.id) {
            if let resumable = backend as? any ResumableImageBackend {
                return try await collectResumable(resumable, job: &job, request: request, context: context)
            }
            job = try store.updateJob(job.id, to: .running)
            return try await backend.generate(request, context: context)
        }
    }

    /// Runs `work` for journaled job `jobID` and writes down how it ended: `downloading` (its
    /// results are in hand, to be stored), `cancelled`, or `failed` with the error.
    func whileJournaled<Result>(_ jobID: Int64, _ work: () async throws -> Result) async throws -> Result {
        do {
            let result = try await work()
            _ = try store.updateJob(jobID, to: .downloading)
            return result
        } catch is CancellationError {
            _ = try? store.updateJob(jobID, to: .cancelled, error: "cancelled")
            throw CancellationError()
        } catch {
            _ = try? store.updateJob(jobID, to: .failed, error: "\(error)")
            throw error
        }
    }

    private func collectResumable(
        _ backend: any ResumableImageBackend, job: inout Job, request: Request, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        if let remoteID = job.remoteID, !job.state.isTerminal || job.state == .failed {
            let shown = remoteID.count > 40 ? remoteID.prefix(36) + "…" : Substring(remoteID)
            progress.note("\(job.shotID ?? "?"): re-attaching to \(backend.name) job \(shown) from an earlier run")
            do {
                return try await collect(backend, jobID: remoteID, request: request, context: context)
            } catch is RemoteJobLost {
                progress.warning("\(backend.name) forgot job \(shown); submitting it again")
            } catch let error where job.state == .failed && !(error is CancellationError) {
                // The job failed last time and is over on the server too (a run that failed there,
                // outputs gone): asking again would fail the same way for ever, so it is made anew.
                progress.warning(
                    "\(job.shotID ?? "?"): the earlier \(backend.name) job \(shown) failed; submitting it again")
            }
        }
        // Written down before anything is sent, so a kill in the middle of `submit` re-attaches
        // too (ComfyUI queues again, under the same ids, what it did not get).
        let reserved = backend.reserveJobID(for: request)
        job = try store.updateJob(job.id, to: .queued, remoteID: reserved)
        let remoteID = try await backend.submit(request, as: reserved, context: context)
        job = try store.updateJob(job.id, to: .submitted, remoteID: remoteID)
        return try await collect(backend, jobID: remoteID, request: request, context: context)
    }

    private func collect(
        _ backend: any ResumableImageBackend, jobID: String, request: Request, context: GenerationContext
    ) async throws -> [GeneratedImage] {
        try await withTaskCancellationHandler {
            try await backend.collect(jobID: jobID, request: request, context: context)
        } onCancel: {
            // Ctrl-C: ask the server to drop the job; the handler cannot await, so it goes alone.
            Task { await backend.cancel(jobID: jobID) }
        }
    }

    /// Marks a journaled generation done once its take is recorded.
    func finishJob(key: StepKey, takeID: Int64) throws {
        try finishJob(key: key, result: "{\"take\":\(takeID)}")
    }

    /// Marks a journaled job done once what it made is recorded; `result` names the record.
    func finishJob(key: StepKey, result: String) throws {
        guard let job = try store.job(stepKey: key.hex) else { return }
        try store.updateJob(job.id, to: .finished, resultJSON: result)
    }
}
