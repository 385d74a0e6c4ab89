import Foundation
import Hummingbird
import ServiceLifecycle

/// `/api/events` as server-sent events: one `data:` line of JSON per event. The response ends
/// when the client goes away (the next write fails) or the server shuts down (the hub closes).
enum EventStream {
    static func response(_ events: AsyncStream<ServerEvent>) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            try await writer.write(frame(ServerEvent(type: .hello), encoder: encoder))
            // Ends on graceful shutdown too, so an open tab never holds the server up.
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(frame(event, encoder: encoder))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .init("X-Accel-Buffering")!: "no"],
            body: body)
    }

    static func frame(_ event: ServerEvent, encoder: JSONEncoder) -> ByteBuffer {
        let json = (try? encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ByteBuffer(string: "data: \(json)\n\n")
    }
}
