import Foundation
import ReelKit
import ReelStore

/// The calls a resumable backend offers for one job, whatever it makes: an id to write down
/// before anything is sent (when the backend chooses its own), submit, collect and cancel.
/// The engine runs every remote job (takes, clips, lip-syncs) through these with one journal
/// logic, ``Studio/reattachOrSubmit(_:job:calls:)``.
struct RemoteJobCalls<Output: Sendable>: Sendable {
    var reserve: @Sendable () -> String? = { nil }
    var submit: @Sendable (_ reserved: String?) async throws -> String
    var collect: @Sendable (_ jobID: String) async throws -> Output
    var cancel: @Sendable (_ jobID: String) async -> Void
}

extension Studio {
    /// Re-attaches to the remote job `job` journals when an earlier run left one (so it is paid
    /// once), else submits: the id is written down before anything is sent when the backend
    /// reserves one, and the server's id the moment it answers. Ctrl-C asks the server to drop
    /// the job.
    func reattachOrSubmit<Output>(
        _ backend: String, job: inout Job, calls: RemoteJobCalls<Output>
    ) async throws -> Output {
        if let remoteID = job.remoteID, !job.state.isTerminal || job.state == .failed {
            let shown = remoteID.count > 40 ? remoteID.prefix(36) + "…" : Substring(remoteID)
            progress.note("\(job.shotID ?? "?"): re-attaching to \(backend) job \(shown) from an earlier run")
            do {
                return try await collect(remoteID, calls)
            } catch is RemoteJobLost {
                progress.warning("\(backend) forgot job \(shown); submitting it again")
            } catch let error where job.state == .failed && !(error is CancellationError) {
                // The job failed last time and is over on the server too (a run that failed there,
                // outputs gone): asking again would fail the same way for ever, so it is made anew.
                progress.warning(
                    "\(job.shotID ?? "?"): the earlier \(backend) job \(shown) failed; submitting it again")
            }
        }
        // Written down before anything is sent, so a kill in the middle of `submit` re-attaches
        // too (ComfyUI queues again, under the same ids, what it did not get).
        let reserved = calls.reserve()
        job = try store.updateJob(job.id, to: .queued, remoteID: reserved)
        let remoteID = try await calls.submit(reserved)
        job = try store.updateJob(job.id, to: .submitted, remoteID: remoteID)
        return try await collect(remoteID, calls)
    }

    private func collect<Output>(_ jobID: String, _ calls: RemoteJobCalls<Output>) async throws -> Output {
        try await withTaskCancellationHandler {
            try await calls.collect(jobID)
        } onCancel: {
            // Ctrl-C: ask the server to drop the job; the handler cannot await, so it goes alone.
            Task { await calls.cancel(jobID) }
        }
    }
}
