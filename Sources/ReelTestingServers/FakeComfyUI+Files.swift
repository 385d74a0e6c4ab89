import Foundation
import ReelKit

/// The fake's file routes: POST /upload/image (with ComfyUI's renaming of a different file
/// under a taken name) and GET /view (with scripted broken answers).
extension FakeComfyUI {
    public func upload(_ request: TestServerRequest) -> TestServerResponse {
        guard let parts = Multipart.parse(request), let image = parts.first(where: { $0.name == "image" }),
            let fileName = image.fileName
        else { return .empty(400) }
        let subfolder = parts.first { $0.name == "subfolder" }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        if subfolder.contains("..") { return .empty(400) }
        var name = fileName
        let key = { (name: String) in subfolder.isEmpty ? name : "\(subfolder)/\(name)" }
        let overwrite = parts.contains {
            $0.name == "overwrite" && ["true", "1"].contains(String(decoding: $0.data, as: UTF8.self))
        }
        if !overwrite, let existing = uploads[key(name)], existing != image.data {
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            name = "\(name[..<dot]) (1)\(name[dot...])"
        }
        uploads[key(name)] = image.data
        return .json(value: ["name": name, "subfolder": subfolder, "type": "input"])
    }

    public func view(_ query: [String: String]) -> TestServerResponse {
        let name = query["filename"] ?? ""
        let subfolder = query["subfolder"] ?? ""
        if name.contains("..") || name.contains("/") || subfolder.contains("..") { return .empty(400) }
        guard let data = files[subfolder + "/" + name] else { return .empty(404) }
        switch viewMode {
        case .image:
            return TestServerResponse(status: 200, headers: [("Content-Type", "image/png")], body: data)
        case .truncated:
            return TestServerResponse(
                status: 200, headers: [("Content-Type", "image/png")], body: data.prefix(data.count / 2))
        case .html:
            return TestServerResponse(
                status: 200, headers: [("Content-Type", "text/html")],
                body: Data("<html><body>Bad gateway</body></html>".utf8))
        }
    }
}
