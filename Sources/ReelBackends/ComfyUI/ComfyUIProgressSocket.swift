import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import ReelKit

/// Follows ComfyUI's websocket (`/ws?clientId=`) for live progress: which node runs, and the
/// sampler's steps. Progress only — whether a job finished is read from /history, so a dropped
/// or refused socket costs the progress bar, never the job.
public struct ComfyUIProgressSocket: Sendable {
    /// One thing the socket said about a prompt of ours.
    public enum Event: Sendable, Equatable {
        /// A node started (`executing`).
        case executing(node: String)
        /// A node's progress bar moved (`progress`: value of max).
        case progress(node: String?, value: Double, max: Double)
        /// The run is over (`executing` with `node: null`).
        case finished
    }

    public var baseURL: String
    public var clientID: String

    public init(baseURL: String, clientID: String) {
        self.baseURL = baseURL
        self.clientID = clientID
    }

    private enum Upgrade: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused
    }

    /// Connects, then calls `onEvent` for every event about `promptID` until the run is over,
    /// the server closes the socket, or the task is cancelled. Connection failures are thrown.
    /// `onConnected` runs once the handshake is done, so the caller queues the job after it and
    /// misses no event.
    public func follow(
        promptID: String, onConnected: @Sendable () async -> Void = {},
        onEvent: @escaping @Sendable (Event) -> Void
    ) async throws {
        guard let url = URL(string: baseURL), let host = url.host else { return }
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        // Only plain http: a TLS websocket would need NIOSSL; https servers report no live progress.
        guard url.scheme == "http" else { return }
        let path = url.path.isEmpty || url.path == "/" ? "" : url.path
        let requestURI = "\(path)/ws?clientId=\(clientID)"
        let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 24) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            .websocket(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                        }
                    }
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: "\(host):\(port)")
                    headers.add(name: "Content-Length", value: "0")
                    let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: requestURI, headers: headers)
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.eventLoop.makeCompletedFuture { .refused }
                        })
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(upgradeConfiguration: configuration))
                }
            }
        guard case .websocket(let socket) = try await upgrade.get() else { return }
        await onConnected()
        try await socket.executeThenClose { inbound, outbound in
            for try await frame in inbound {
                switch frame.opcode {
                case .text:
                    var data = frame.unmaskedData
                    let text = data.readString(length: data.readableBytes) ?? ""
                    guard let event = Self.event(in: Data(text.utf8), promptID: promptID) else { continue }
                    onEvent(event)
                    if event == .finished { return }
                case .ping:
                    let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
                    try await outbound.write(pong)
                case .connectionClose:
                    return
                default:
                    continue  // binary previews and continuation frames carry no progress
                }
            }
        }
    }

    /// The event a text frame carries about `promptID`, if any. Status frames are broadcast and
    /// other clients' prompts may appear, so everything is filtered by prompt id.
    static func event(in data: Data, promptID: String) -> Event? {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: data), let type = message["type"]?.string,
            let body = message["data"], body["prompt_id"]?.string == promptID
        else { return nil }
        switch type {
        case "executing":
            if let node = body["node"]?.string { return .executing(node: node) }
            return body["node"] == .null ? .finished : nil
        case "progress":
            guard let value = body["value"]?.double, let max = body["max"]?.double, max > 0 else { return nil }
            return .progress(node: body["node"]?.string, value: value, max: max)
        default:
            return nil
        }
    }
}
