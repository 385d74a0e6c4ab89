import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// Makes one clip (or one piece of a chain) under the job journal, as takes are made: the job
    /// is written down first, a remote job's id the moment the server gives it, and a run that
    /// finds the id already journaled re-attaches to that job instead of paying for it again.
    /// The clip's expected cost is reserved against `--budget` before anything is sent.
    func journaledClip(
        key: StepKey, shotID: String, backend: any VideoBackend, request: ClipRequest, output: URL,
        context: GenerationContext
    ) async throws -> GeneratedClip {
        try (backend as? any SetupChecked)?.checkSetup()
        var job = try store.enqueueJob(stepKey: key.hex, kind: "clip", shotID: shotID, backend: backend.name)
        try checkBudget(adding: backend.capabilities.estimatedCostUSD(seconds: request.duration), backend: backend.name)
        return try await whileJournaled(job.id) {
            if let resumable = backend as? any ResumableVideoBackend {
                return try await collectResumable(
                    resumable, job: &job, request: request, output: output, context: context)
            }
            job = try store.updateJob(job.id, to: .running)
            return try await backend.animate(request, to: output, context: context)
        }
    }

    private func collectResumable(
        _ backend: any ResumableVideoBackend, job: inout Job, request: ClipRequest, output: URL,
        context: GenerationContext
    ) async throws -> GeneratedClip {
        if let remoteID = job.remoteID, !job.state.isTerminal || job.state == .failed {
            let shown = remoteID.count > 40 ? remoteID.prefix(36) + "…" : Substring(remoteID)
            progress.note("\(job.shotID ?? "?"): re-attaching to \(backend.name) job \(shown) from an earlier run")
            do {
                return try await collect(backend, jobID: remoteID, request: request, output: output, context: context)
            } catch is RemoteJobLost {
                progress.warning("\(backend.name) forgot job \(shown); submitting it again")
            } catch let error where job.state == .failed && !(error is CancellationError) {
                // The job failed last time and is over on the server too (a run that failed there,
                // outputs gone): asking again would fail the same way for ever, so it is made anew.
                progress.warning(
                    "\(job.shotID ?? "?"): the earlier \(backend.name) job \(shown) failed; submitting it again")
            }
        }
        job = try store.updateJob(job.id, to: .queued)
        let remoteID = try await backend.submit(request, context: context)
        job = try store.updateJob(job.id, to: .submitted, remoteID: remoteID)
        return try await collect(backend, jobID: remoteID, request: request, output: output, context: context)
    }

    private func collect(
        _ backend: any ResumableVideoBackend, jobID: String, request: ClipRequest, output: URL,
        context: GenerationContext
    ) async throws -> GeneratedClip {
        try await withTaskCancellationHandler {
            try await backend.collect(jobID: jobID, request: request, to: output, context: context)
        } onCancel: {
            // Ctrl-C: ask the server to drop the job; the handler cannot await, so it goes alone.
            Task { await backend.cancel(jobID: jobID) }
        }
    }

    /// Asks every backend the plan's remaining takes, lines and clips will use whether it is set up
    /// (an API key in the environment), so a missing key is one error before anything starts.
    func checkSetup(of plan: Plan) throws {
        var checked = Set<String>()
        for step in plan.toRun where !checked.contains("\(step.kind) \(step.backend)") {
            checked.insert("\(step.kind) \(step.backend)")
            switch step.kind {
            case .take: try ((try? registry.image(step.backend)) as? any SetupChecked)?.checkSetup()
            case .clip: try ((try? registry.video(step.backend)) as? any SetupChecked)?.checkSetup()
            case .speech: try ((try? registry.speech(step.backend)) as? any SetupChecked)?.checkSetup()
            default: break
            }
        }
    }
}
