import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One request as the test server saw it.
struct TestRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [(String, String)]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// The test server's answer.
struct TestResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body = Data()

    static func json(_ text: String, status: Int = 200) -> TestResponse {
        TestResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(text.utf8))
    }

    static func json(value: some Encodable, status: Int = 200) -> TestResponse {
        let data = (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
        return TestResponse(status: status, headers: [("Content-Type", "application/json")], body: data)
    }

    static func empty(_ status: Int) -> TestResponse { TestResponse(status: status) }
}

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the length of `body`, answering
/// each request with `handler`. Every answer closes its connection, so no idle keep-alive
/// connection outlives the test.
enum TestHTTPServer {
    static func with<T: Sendable>(
        handler: @escaping @Sendable (TestRequest) async -> TestResponse,
        _ body: @Sendable (_ baseURL: String) async throws -> T
    ) async throws -> T {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        guard let port = server.channel.localAddress?.port else { throw CancellationError() }
        let closer = server.channel
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { handlers in
                        for try await connection in connections {
                            handlers.addTask { try? await serve(connection, handler: handler) }
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
        handler: @Sendable (TestRequest) async -> TestResponse
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
                    var query: [String: String] = [:]
                    for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
                    let request = TestRequest(
                        method: head.method.rawValue, path: components?.path ?? head.uri, query: query,
                        headers: head.headers.map { ($0.name, $0.value) }, body: body)
                    let response = await handler(request)
                    var headers = HTTPHeaders(response.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
                    headers.replaceOrAdd(name: "Connection", value: "close")
                    let status = HTTPResponseStatus(statusCode: response.status)
                    try await outbound.write(.head(HTTPResponseHead(version: head.version, status: status, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: Array(response.body)))))
                    try await outbound.write(.end(nil))
                    return
                }
            }
        }
    }
}
