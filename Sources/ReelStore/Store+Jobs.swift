import Foundation
import GRDB

extension Store {
    /// Journals a step the engine is about to run, or returns the job already journaled for
    /// `stepKey` whatever its state, so a resumed run continues that job (and its remote id)
    /// instead of starting and paying for it again.
    @discardableResult
    public func enqueueJob(stepKey: String, kind: String, shotID: String?, backend: String) throws -> Job {
        let createdAt = now()
        return try write("journal the job of step \(stepKey.prefix(12))") { db in
            try db.execute(
                literal: """
                    INSERT INTO job (stepKey, kind, shotID, state, backend, attempts, createdAt, updatedAt)
                    VALUES (\(stepKey), \(kind), \(shotID), \(Job.State.queued.rawValue), \(backend), 0,
                        \(createdAt), \(createdAt))
                    ON CONFLICT (stepKey) DO NOTHING
                    """)
            return try requireJob(stepKey: stepKey, db)
        }
    }

    /// Moves a job to `state`, counting an attempt each time it leaves `.queued`.
    ///
    /// `remoteID` and `resultJSON` replace the stored values when given and are kept otherwise;
    /// `error` becomes ``Job/lastError`` when given, and a job that finishes has none.
    @discardableResult
    public func updateJob(
        _ id: Int64, to state: Job.State, remoteID: String? = nil, error: String? = nil, resultJSON: String? = nil
    ) throws -> Job {
        let updatedAt = now()
        return try write("update job \(id)") { db in
            guard var job = try Job.fetchOne(db, key: id) else {
                throw StoreError(.notFound, "there is no job \(id) in the journal")
            }
            if job.state == .queued && state != .queued { job.attempts += 1 }
            job.state = state
            job.remoteID = remoteID ?? job.remoteID
            job.resultJSON = resultJSON ?? job.resultJSON
            job.lastError = state == .finished ? nil : (error ?? job.lastError)
            try db.execute(
                literal: """
                    UPDATE job SET state = \(job.state.rawValue), remoteID = \(job.remoteID), attempts = \(job.attempts),
                        lastError = \(job.lastError), resultJSON = \(job.resultJSON), updatedAt = \(updatedAt)
                    WHERE id = \(id)
                    """)
            return try requireJob(stepKey: job.stepKey, db)
        }
    }

    /// The job journaled for a step, or nil.
    public func job(stepKey: String) throws -> Job? {
        try read("read the job of step \(stepKey.prefix(12))") { db in
            try Job.filter(Column("stepKey") == stepKey).fetchOne(db)
        }
    }

    /// Jobs that were started but are not over (queued, submitted, running, downloading),
    /// oldest first: what a restarted engine resumes.
    public func unfinishedJobs() throws -> [Job] {
        try read("read the unfinished jobs") { db in
            let unfinished = Job.State.unfinished.map(\.rawValue)
            return try Job.filter(unfinished.contains(Column("state"))).order(Column("id")).fetchAll(db)
        }
    }

    private func requireJob(stepKey: String, _ db: Database) throws -> Job {
        guard let job = try Job.filter(Column("stepKey") == stepKey).fetchOne(db) else {
            throw StoreError(.database, "the job of step \(stepKey.prefix(12)) vanished while it was written")
        }
        return job
    }
}
