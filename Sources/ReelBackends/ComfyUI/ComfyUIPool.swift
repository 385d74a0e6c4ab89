import Foundation
import ReelKit

/// Many ComfyUI servers as one backend (`comfyui: { servers: [URL, URL] }`). Each server has a
/// lane of `lanes` jobs; a job waits in one shared queue and goes to a server with a free lane
/// that has every node its workflow uses and would finish it soonest, so no server idles while
/// work it should run waits, and a fast GPU takes more of it (`choose`). A server that stops
/// answering is set aside with a doubling backoff and probed back in with GET /system_stats.
///
/// ```swift
/// let pool = ComfyUIPool(clients: urls.map { ComfyUIClient(baseURL: $0, transport: transport) })
/// let server = try await pool.acquire(affinity: "txt2img sdxl", classes: ["KSampler"])
/// let files = try await pool.clients[server].run(graph, workflow: "txt2img")
/// await pool.release(server, finished: true)
/// ```
public actor ComfyUIPool {
    /// The servers, in the order the settings list them.
    public nonisolated let clients: [ComfyUIClient]
    /// How many jobs each server holds at once (queued or running).
    public nonisolated let lanes: Int
    /// The first wait before a failed server is probed again; it doubles up to `maxBackoff`.
    public nonisolated let backoff: Duration
    public nonisolated let maxBackoff: Duration
    /// How long the whole pool may be set aside before a waiting job fails.
    public nonisolated let maxOutage: Duration

    var busy: [Int]
    var lastRun: [String?]
    var asideUntil: [ContinuousClock.Instant?]
    var nextBackoff: [Duration]
    /// Node classes learnt from each server's /object_info, once per run.
    var nodes: [Set<String>?]
    var learning: Set<Int> = []
    /// When each server last finished a job, since when it has been busy, and how long it
    /// takes for one job (learnt as jobs finish).
    var lastDone: [ContinuousClock.Instant?]
    var busySince: [ContinuousClock.Instant?]
    var jobTime: [Duration?]
    /// Jobs submitted by this run whose lane stays taken until they are collected.
    var held: Set<String> = []
    /// Jobs waiting in `acquire` for a lane: the work ahead that `choose` places.
    var waiting = 0
    /// Jobs each server was given, and candidates run again elsewhere after a server failed.
    public private(set) var given: [Int]
    public private(set) var reruns = 0
    let clock = ContinuousClock()

    public init(
        clients: [ComfyUIClient], lanes: Int = 2, backoff: Duration = .seconds(2), maxBackoff: Duration = .seconds(60),
        maxOutage: Duration = .seconds(300)
    ) {
        precondition(!clients.isEmpty, "a pool needs a server")
        self.clients = clients
        self.lanes = max(1, lanes)
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.maxOutage = maxOutage
        busy = clients.map { _ in 0 }
        lastRun = clients.map { _ in nil }
        asideUntil = clients.map { _ in nil }
        nextBackoff = clients.map { _ in backoff }
        nodes = clients.map { _ in nil }
        given = clients.map { _ in 0 }
        lastDone = clients.map { _ in nil }
        busySince = clients.map { _ in nil }
        jobTime = clients.map { _ in nil }
    }

    /// How many jobs the pool holds at once (queued or running on its servers).
    public nonisolated var capacity: Int { clients.count * lanes }

    /// How many jobs the engine hands the pool at once (its concurrency for `comfyui`): four
    /// times its lanes, so the jobs waiting for a lane show the pool the work ahead and it can
    /// keep a slow server from starting a job a faster one would finish sooner (`choose`).
    public nonisolated var window: Int { capacity * 4 }

    /// "server 2 (http://gpu2:8188)": how progress notes and errors name a server.
    public nonisolated func label(_ server: Int) -> String { "server \(server + 1) (\(clients[server].baseURL))" }

    /// The server whose URL is `url`, if it is in the pool.
    public nonisolated func index(of url: String) -> Int? {
        let wanted = url.hasSuffix("/") ? String(url.dropLast()) : url
        return clients.firstIndex { $0.baseURL == wanted }
    }

    /// Waits for a free lane on a server that has every node class in `classes` and returns the
    /// server, its lane now taken. Throws when no server has one of the nodes, or when every
    /// server has been set aside for longer than `maxOutage`.
    public func acquire(affinity: String, classes: Set<String>) async throws -> Int {
        var allAsideSince: ContinuousClock.Instant?
        waiting += 1
        defer { waiting -= 1 }
        while true {
            try Task.checkCancellation()
            await reviveDueServers()
            await learnNodes()
            let able = clients.indices.filter { isUp($0) && nodes[$0].map(classes.isSubset) == true }
            if able.isEmpty {
                try checkSomeServerCouldRun(classes)
                let since = allAsideSince ?? clock.now
                allAsideSince = since
                if since.duration(to: clock.now) > maxOutage {
                    throw BackendError(
                        .unreachable, backend: "comfyui",
                        "no ComfyUI server in the pool answered for \(maxOutage); check that at least one of "
                            + clients.map(\.baseURL).joined(separator: ", ") + " is running")
                }
            } else {
                allAsideSince = nil
                if let server = choose(among: able, affinity: affinity) {
                    if busy[server] == 0 { busySince[server] = clock.now }
                    busy[server] += 1
                    given[server] += 1
                    lastRun[server] = affinity
                    return server
                }
            }
            try await clock.sleep(for: .milliseconds(20))
        }
    }

    /// Takes a lane on `server` for a job it already holds (a job re-attached after a restart).
    public func claim(_ server: Int) {
        if busy[server] == 0 { busySince[server] = clock.now }
        busy[server] += 1
    }

    /// Keeps the lane `acquire` took for `jobID` until the job is collected (`attach`).
    public func hold(_ jobID: String, on server: Int) { held.insert(jobID) }

    /// The lane of a job being collected: the one its submit held, or a newly taken one for a
    /// job submitted by an earlier run.
    public func attach(_ jobID: String, to server: Int) {
        if held.remove(jobID) == nil { busy[server] += 1 }
    }

    /// Frees a lane `acquire` or `claim` took. A job that `finished` teaches the pool how long
    /// the server takes for one: the time since its last job finished (or since it became
    /// busy), averaged.
    public func release(_ server: Int, finished: Bool = false) {
        let now = clock.now
        if finished, let since = [lastDone[server], busySince[server]].compactMap(\.self).max() {
            learn(since.duration(to: now), on: server)
            lastDone[server] = now
        }
        busy[server] = max(0, busy[server] - 1)
        if busy[server] == 0 { busySince[server] = nil }
    }

    /// Takes `took` into the server's time per job (a running average).
    func learn(_ took: Duration, on server: Int) {
        jobTime[server] = jobTime[server].map { ($0 * 3 + took) / 4 } ?? took
    }

    /// Sets a server that failed aside until its backoff has passed; the next wait doubles.
    public func setAside(_ server: Int) {
        asideUntil[server] = clock.now.advanced(by: nextBackoff[server])
        nextBackoff[server] = min(nextBackoff[server] * 2, maxBackoff)
    }

    /// Counts candidates run again on another server because theirs failed.
    public func countReruns(_ count: Int) { reruns += count }

    /// Whether `server` is in service (not set aside).
    public func isUp(_ server: Int) -> Bool { asideUntil[server] == nil }

    /// Probes each server whose backoff has passed; one that answers is back in service.
    func reviveDueServers() async {
        for server in clients.indices {
            guard let until = asideUntil[server], until <= clock.now else { continue }
            // Probe once per backoff: a second waiter must not probe the same server meanwhile.
            asideUntil[server] = clock.now.advanced(by: nextBackoff[server])
            if case .success = await clients[server].ping(timeout: .seconds(2)) {
                asideUntil[server] = nil
                nextBackoff[server] = backoff
            }
        }
    }
}
