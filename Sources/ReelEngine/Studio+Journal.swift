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
        let context = journaling(context, into: job.id)
        return try await whileJournaled(job.id) {
            if let resumable = backend as? any ResumableImageBackend {
                return try await reattachOrSubmit(
                    backend.name, job: &job,
                    calls: RemoteJobCalls(
                        reserve: { resumable.reserveJobID(for: request) },
                        submit: { try await resumable.submit(request, as: $0, context: context) },
                        collect: { try await resumable.collect(jobID: $0, request: request, context: context) },
                        cancel: { await resumable.cancel(jobID: $0) }))
            }
            job = try store.updateJob(job.id, to: .running)
            return try await backend.generate(request, context: context)
        }
    }

    /// `context`, writing down into journaled job `jobID` the handles a backend reports while it
    /// submits (a grid of four paid calls, a job re-run on another server of a pool).
    func journaling(_ context: GenerationContext, into jobID: Int64) -> GenerationContext {
        var context = context
        let store = store
        context.recordSubmitted = { handle in _ = try store.updateJob(jobID, to: .submitted, remoteID: handle) }
        return context
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
