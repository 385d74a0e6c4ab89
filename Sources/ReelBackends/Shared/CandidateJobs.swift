import ReelKit

/// The journal handle of a grid made with one paid call per candidate (Luma, Runway): the
/// calls' ids, one per line. A run killed between two calls leaves the first few written down.
enum CandidateJobs {
    /// The `count` ids of the grid `handle` holds: its own, then the missing ones created now by
    /// `createRest` (given those already made), so a resumed grid pays only for the rest.
    static func completed(
        _ handle: String, count: Int, backend: String, createRest: ([String]) async throws -> [String]
    ) async throws -> [String] {
        let written = handle.split(separator: "\n").map(String.init)
        guard !written.isEmpty, written.count <= count else { throw RemoteJobLost(jobID: handle, backend: backend) }
        return written.count < count ? try await createRest(written) : written
    }
}
