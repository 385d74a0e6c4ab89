/// Where a waiting job goes: the jobs waiting for a lane are placed in turn, each on the server
/// that would finish it soonest given what it already holds (the greedy list schedule, which is
/// the shortest for equal jobs); a server with a free lane takes a job only when that placement
/// gives it one. So a fast GPU takes more work, and near the film's end a slow one idles rather
/// than start a take a faster one would finish sooner. Among servers that qualify, the least
/// busy, then the fastest per job (learnt as jobs finish), then the one that last ran the same
/// workflow and checkpoint (its models still loaded).
///
/// The pool sees only the jobs the engine has handed it (`window`, several times its lanes), so
/// mid-run every server takes work; placing only the jobs in its lanes starved the slow servers.
/// A server whose time per job is not known yet takes any job: that is how it is learnt.
extension ComfyUIPool {
    /// The server for a job, its lane now free to take, or `nil` to wait.
    func choose(among able: [Int], affinity: String) -> Int? {
        let placed = placements(of: max(1, waiting), on: able)
        return able.filter { busy[$0] < lanes && placed[$0, default: 0] > 0 }
            .min { rank($0, affinity) < rank($1, affinity) }
    }

    /// How many of `count` waiting jobs each of `servers` gets when each job in turn goes where it
    /// would finish soonest. A server of unknown speed gets them all.
    func placements(of count: Int, on servers: [Int]) -> [Int: Int] {
        var placed: [Int: Int] = [:]
        var free: [Int: Double] = [:]
        let now = clock.now
        for server in servers {
            guard let time = jobTime[server].map(Self.seconds) else {
                placed[server] = count
                continue
            }
            // What it holds: its jobs at its pace, less the time the current one has run.
            let started = [lastDone[server], busySince[server]].compactMap(\.self).max()
            let ran = started.map { Self.seconds($0.duration(to: now)) } ?? 0
            free[server] = max(0, Double(busy[server]) * time - ran)
        }
        let times = free.keys.reduce(into: [Int: Double]()) { $0[$1] = jobTime[$1].map(Self.seconds) ?? 0 }
        for _ in 0..<count {
            var best: (server: Int, finish: Double)?
            for (server, at) in free.sorted(by: { $0.key < $1.key }) {
                let finish = at + (times[server] ?? 0)
                if finish < best?.finish ?? .infinity { best = (server, finish) }
            }
            guard let best else { break }
            free[best.server] = best.finish
            placed[best.server, default: 0] += 1
        }
        return placed
    }

    private func rank(_ server: Int, _ affinity: String) -> (Int, Double, Int, Int) {
        (busy[server], jobTime[server].map(Self.seconds) ?? 0, lastRun[server] == affinity ? 0 : 1, server)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
