import Foundation
import ReelKit

/// The checkpoints an AUTOMATIC1111 server has (GET /sdapi/v1/sd-models) and the one it has
/// loaded (GET /sdapi/v1/options `sd_model_checkpoint`).
public struct A1111Checkpoints: Sendable, Hashable {
    /// Titles as the webui shows them (`v1-5-pruned-emaonly.safetensors [6ce0161689]`).
    public var available: [String]
    public var loaded: String?

    /// Whether `name` is one of the server's checkpoints.
    public func has(_ name: String) -> Bool { available.contains { Self.same($0, name) } }

    /// Whether `name` is the loaded checkpoint.
    public func hasLoaded(_ name: String) -> Bool { loaded.map { Self.same($0, name) } ?? false }

    /// The webui names a checkpoint by title (`name.safetensors [hash]`), file name, or model
    /// name (no extension, sometimes with a folder); any of them picks the same file.
    static func same(_ title: String, _ name: String) -> Bool {
        func forms(_ text: String) -> Set<String> {
            var base = text.trimmingCharacters(in: .whitespaces)
            if base.hasSuffix("]"), let bracket = base.lastIndex(of: "[") {
                base = String(base[..<bracket]).trimmingCharacters(in: .whitespaces)
            }
            let file = base.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? base
            let stem = file.split(separator: ".").dropLast().joined(separator: ".")
            return Set([base, file, stem].filter { !$0.isEmpty })
        }
        return !forms(title).isDisjoint(with: forms(name))
    }
}

extension A1111Backend {
    /// What the server has and has loaded; throws when it does not answer.
    public func checkpoints(timeout: Duration = .seconds(10)) async throws -> A1111Checkpoints {
        let list = HTTPCall.get(baseURL + "/sdapi/v1/sd-models", timeout: timeout)
        let models = try await transport.send(list, retry: .once).checked(backend: name, url: list.url)
            .decoded([A1111Wire.SDModel].self, backend: name, what: "the checkpoint list")
        let options = HTTPCall.get(baseURL + "/sdapi/v1/options", timeout: timeout)
        let loaded = try await transport.send(options, retry: .once).checked(backend: name, url: options.url)
            .decoded(A1111Wire.Options.self, backend: name, what: "the server's options")
        return A1111Checkpoints(available: models.map(\.title), loaded: loaded.sd_model_checkpoint)
    }
}

/// What each server of a pool has, learnt once per server (asked again while it does not
/// answer), and which checkpoint each has loaded, updated as jobs run there.
actor A1111CheckpointMap {
    private var known: [Int: A1111Checkpoints] = [:]

    /// The servers that can run a job on `checkpoint`, and among them those that have it loaded.
    /// Servers that do not answer are left out; nil when none answers (the pool's failover
    /// then decides).
    func servers(
        for checkpoint: String, in pool: [A1111Backend]
    ) async -> (eligible: [Int], loaded: Set<Int>, missing: [String])? {
        for index in pool.indices where known[index] == nil {
            known[index] = try? await pool[index].checkpoints()
        }
        guard !known.isEmpty else { return nil }
        let eligible = pool.indices.filter { known[$0]?.has(checkpoint) == true }
        let loaded = Set(eligible.filter { known[$0]?.hasLoaded(checkpoint) == true })
        let missing = known.keys.sorted().map { index in
            "server \(index + 1) has \(known[index]?.available.joined(separator: ", ") ?? "nothing")"
        }
        return (eligible, loaded, missing)
    }

    /// Server `index` ran a job on `checkpoint`, which stays loaded there.
    func ran(_ checkpoint: String, on index: Int) {
        known[index]?.loaded = checkpoint
    }
}
