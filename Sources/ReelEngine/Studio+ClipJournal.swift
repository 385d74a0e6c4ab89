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
                return try await reattachOrSubmit(
                    backend.name, job: &job,
                    calls: RemoteJobCalls(
                        submit: { _ in try await resumable.submit(request, context: context) },
                        collect: {
                            try await resumable.collect(jobID: $0, request: request, to: output, context: context)
                        },
                        cancel: { await resumable.cancel(jobID: $0) }))
            }
            job = try store.updateJob(job.id, to: .running)
            return try await backend.animate(request, to: output, context: context)
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
            case .lipsync: try ((try? registry.lipSync(step.backend)) as? any SetupChecked)?.checkSetup()
            default: break
            }
        }
    }
}
