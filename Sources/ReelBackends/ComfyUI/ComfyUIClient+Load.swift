import Foundation
import ReelKit

/// How busy a server is and what it runs on, for `reel backends`: its queue from GET /queue, its
/// devices from GET /system_stats and its checkpoints from GET /object_info.
extension ComfyUIClient {
    /// One short line each: the queue's length and the devices, or why they are unknown.
    func load(timeout: Duration) async -> [String] {
        var notes: [String] = []
        do {
            let call = HTTPCall.get(url("/queue"), timeout: timeout)
            let queue = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
                .decoded([String: [JSONValue]].self, backend: name, what: "GET /queue")
            let running = queue["queue_running"]?.count ?? 0
            let pending = queue["queue_pending"]?.count ?? 0
            notes.append("queue: \(running) running, \(pending) pending")
        } catch {
            notes.append("queue: unknown (\(Self.reason(error)))")
        }
        do {
            let call = HTTPCall.get(url("/system_stats"), timeout: timeout)
            let stats = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
                .decoded(JSONValue.self, backend: name, what: "GET /system_stats")
            let devices = (stats["devices"]?.array ?? []).compactMap { device -> String? in
                guard let name = device["name"]?.string else { return nil }
                // On a --cpu server the cpu device's "vram_total" is the machine's RAM: no GPU.
                guard device["type"]?.string != "cpu" else { return name }
                guard let total = device["vram_total"]?.double, total > 0 else { return name }
                return "\(name) \(Int(total / 1_073_741_824)) GB"
            }
            notes.append("devices: " + (devices.isEmpty ? "none listed" : devices.joined(separator: ", ")))
        } catch {
            notes.append("devices: unknown (\(Self.reason(error)))")
        }
        do {
            let names = try await checkpoints(timeout: timeout)
            let shown =
                names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            notes.append("checkpoints: " + (names.isEmpty ? "none" : shown))
        } catch {
            notes.append("checkpoints: unknown (\(Self.reason(error)))")
        }
        return notes
    }

    /// The checkpoint files the server offers: the choices of CheckpointLoaderSimple's
    /// `ckpt_name` in GET /object_info/CheckpointLoaderSimple (`[[names], {options}]`).
    func checkpoints(timeout: Duration) async throws -> [String] {
        let call = HTTPCall.get(url("/object_info/CheckpointLoaderSimple"), timeout: timeout)
        let info = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
            .decoded(JSONValue.self, backend: name, what: "GET /object_info/CheckpointLoaderSimple")
        let choices = info["CheckpointLoaderSimple"]?["input"]?["required"]?["ckpt_name"]?.array?.first?.array
        return (choices ?? []).compactMap(\.string)
    }

    private static func reason(_ error: any Error) -> String {
        (error as? BackendError).map { "\($0.code)" } ?? "unreachable"
    }
}
