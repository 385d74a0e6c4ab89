import Foundation

/// Reads a multipart/form-data body as the test servers receive it.
public enum Multipart {
    public struct Part: Sendable {
        public var name: String
        public var fileName: String?
        public var data: Data
    }

    public static func parse(_ request: TestServerRequest) -> [Part]? {
        guard let type = request.header("Content-Type"), let range = type.range(of: "boundary=") else { return nil }
        let boundary = Data(("--" + type[range.upperBound...].trimmingCharacters(in: .whitespaces)).utf8)
        var parts: [Part] = []
        var rest = request.body[...]
        while let start = rest.range(of: boundary) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: boundary) else { break }
            let chunk = rest[..<end.lowerBound]
            guard let split = chunk.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: chunk[..<split.lowerBound], as: UTF8.self)
            var data = Data(chunk[split.upperBound...])
            if data.suffix(2) == Data("\r\n".utf8) { data.removeLast(2) }
            guard let name = value(of: "name", in: head) else { continue }
            parts.append(Part(name: name, fileName: value(of: "filename", in: head), data: data))
        }
        return parts
    }

    private static func value(of key: String, in head: String) -> String? {
        guard let range = head.range(of: " \(key)=\"") ?? head.range(of: ";\(key)=\"") else { return nil }
        let rest = head[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
