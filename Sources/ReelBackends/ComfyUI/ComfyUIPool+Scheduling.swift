/// Where a waiting job goes: to the least busy server with a free lane, so no server idles
/// while work waits and a fast GPU, freeing its lanes sooner, takes more of it. Among equally
/// busy servers, the one that has been fastest per job (learnt as jobs finish), then the one
/// that last ran the same workflow and checkpoint (its models still loaded).
///
/// Earliest-finish placement (a slow GPU declining work a faster one would finish sooner) was
/// tried and was worse: the pool sees only the jobs in its lanes, not the film's remaining
/// work, so it starved the slow servers for the whole run instead of only at its end.
extension ComfyUIPool {
    /// The server for a job, its lane now free to take, or `nil` to wait.
    func choose(among able: [Int], affinity: String) -> Int? {
        able.filter { busy[$0] < lanes }.min { rank($0, affinity) < rank($1, affinity) }
    }

    private func rank(_ server: Int, _ affinity: String) -> (Int, Double, Int, Int) {
        let seconds = jobTime[server].map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        return (busy[server], seconds ?? 0, lastRun[server] == affinity ? 0 : 1, server)
    }
}
