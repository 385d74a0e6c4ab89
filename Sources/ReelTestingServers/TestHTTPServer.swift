import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// One request as the test server saw it.
public struct TestServerRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var headers: [(String, String)]
    public var body: Data

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// The test server's answer.
public struct TestServerResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)] = []
    public var body = Data()

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ text: String, status: Int = 200) -> TestServerResponse {
        TestServerResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(text.utf8))
    }

    public static func json(value: some Encodable, status: Int = 200) -> TestServerResponse {
        let data = (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
        return TestServerResponse(status: status, headers: [("Content-Type", "application/json")], body: data)
    }

    public static func empty(_ status: Int) -> TestServerResponse { TestServerResponse(status: status) }
}

/// Where a test server's websocket sends text frames; finishing it closes nothing by itself.
public typealias WebSocketOutbox = AsyncStream<String>.Continuation

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the length of `body`, answering
/// each request with `handler`. Every answer closes its connection, so no idle keep-alive
/// connection outlives the test. A GET of a path starting with `/ws` is upgraded to a websocket
/// when `webSocket` is given: it receives the request's query and an outbox for text frames.
public enum TestHTTPServer {
    private enum Connection: Sendable {
        case http(NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>)
        case webSocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, query: [String: String])
    }

    public static func with<T: Sendable>(
        handler: @escaping @Sendable (TestServerRequest) async -> TestServerResponse,
        webSocket: (@Sendable ([String: String], WebSocketOutbox) async -> Void)? = nil,
        _ body: @Sendable (_ baseURL: String) async throws -> T
    ) async throws -> T {
        let acceptsWebSockets = webSocket != nil
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketServerUpgrader<Connection>(
                        shouldUpgrade: { channel, head in
                            channel.eventLoop.makeSucceededFuture(
                                acceptsWebSockets && head.uri.hasPrefix("/ws") ? HTTPHeaders() : nil)
                        },
                        upgradePipelineHandler: { channel, head in
                            channel.eventLoop.makeCompletedFuture {
                                .webSocket(
                                    try NIOAsyncChannel(wrappingChannelSynchronously: channel),
                                    query: query(of: head.uri))
                            }
                        })
                    let configuration = NIOTypedHTTPServerUpgradeConfiguration<Connection>(
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.eventLoop.makeCompletedFuture {
                                .http(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                            }
                        })
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(
                        configuration: .init(upgradeConfiguration: configuration))
                }
            }
        guard let port = server.channel.localAddress?.port else { throw CancellationError() }
        let closer = server.channel
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { handlers in
                        for try await upgrade in connections {
                            handlers.addTask {
                                switch try? await upgrade.get() {
                                case .http(let connection)?: try? await serve(connection, handler: handler)
                                case .webSocket(let socket, let query)?:
                                    if let webSocket { try? await serve(socket, query: query, handler: webSocket) }
                                case nil: break
                                }
                            }
                        }
                    }
                }
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                try? await closer.close()
                try await group.waitForAll()
                return result
            } catch {
                try? await closer.close()
                group.cancelAll()
                throw error
            }
        }
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
        handler: @Sendable (TestServerRequest) async -> TestServerResponse
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = Data()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                case .body(let buffer):
                    body.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let head else { return }
                    let components = URLComponents(string: "http://host" + head.uri)
                    let request = TestServerRequest(
                        method: head.method.rawValue, path: components?.path ?? head.uri, query: query(of: head.uri),
                        headers: head.headers.map { ($0.name, $0.value) }, body: body)
                    let response = await handler(request)
                    var headers = HTTPHeaders(response.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
                    headers.replaceOrAdd(name: "Connection", value: "close")
                    let status = HTTPResponseStatus(statusCode: response.status)
                    try await outbound.write(
                        .head(HTTPResponseHead(version: head.version, status: status, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: Array(response.body)))))
                    try await outbound.write(.end(nil))
                    // Closing now could drop a large body still in the socket's buffer: the
                    // client closes once it has read it all (the answer says Connection: close).
                    body = Data()
                }
            }
        }
    }

    /// Sends what the handler puts in the outbox as text frames until the client closes.
    private static func serve(
        _ socket: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, query: [String: String],
        handler: @Sendable ([String: String], WebSocketOutbox) async -> Void
    ) async throws {
        try await socket.executeThenClose { inbound, outbound in
            let (frames, outbox) = AsyncStream<String>.makeStream()
            await handler(query, outbox)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await frame in inbound where frame.opcode == .connectionClose { break }
                }
                group.addTask {
                    for await text in frames {
                        try await outbound.write(
                            WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text)))
                    }
                }
                _ = try await group.next()
                group.cancelAll()
            }
            outbox.finish()
        }
    }

    private static func query(of uri: String) -> [String: String] {
        var query: [String: String] = [:]
        for item in URLComponents(string: "http://host" + uri)?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        return query
    }
}
