import Foundation
import ReelKit
import ReelMedia

/// Files in and out of a ComfyUI server: uploads for LoadImage, results by /view, and the
/// health check `reel backends` uses.
extension ComfyUIClient {
    /// Uploads an input file and returns the value LoadImage (or LoadVideo, LoadAudio) takes
    /// (`subfolder/name`). An image's type is sniffed; other files say theirs.
    func upload(
        _ data: Data, fileName: String, fileExtension: String? = nil, contentType: String? = nil
    ) async throws -> String {
        let format = ImageFormat.sniff(data)
        var form = MultipartForm()
        form.add(
            file: "image", fileName: "\(fileName).\(fileExtension ?? format?.fileExtension ?? "png")",
            contentType: contentType ?? format?.mimeType ?? "application/octet-stream", data: data)
        form.add(field: "overwrite", value: "true")
        let call = HTTPCall(
            method: "POST", url: url("/upload/image"), headers: [("Content-Type", form.contentType)], body: form.data)
        let answer = try await transport.send(call).checked(backend: name, url: call.url)
        let uploaded = try answer.decoded(ComfyUIWire.Uploaded.self, backend: name, what: "the image upload")
        let subfolder = uploaded.subfolder ?? ""
        return subfolder.isEmpty ? uploaded.name : "\(subfolder)/\(uploaded.name)"
    }

    /// Reads a result into memory through a file in `directory`, so only one copy is held.
    func fetch(_ file: ComfyUIWire.FileReference, into directory: URL) async throws -> Data {
        let local = directory.appending(path: "comfyui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: local) }
        try await download(file, to: local)
        return try Data(contentsOf: local)
    }

    /// Streams a result to `destination`. The server's file name only ever travels as a query
    /// value; it never becomes a local path.
    func download(_ file: ComfyUIWire.FileReference, to destination: URL) async throws {
        let query = [
            URLQueryItem(name: "filename", value: file.filename),
            URLQueryItem(name: "subfolder", value: file.subfolder ?? ""),
            URLQueryItem(name: "type", value: file.type ?? "output"),
        ]
        try await transport.download(.get(url("/view", query: query)), to: destination)
    }
}

extension ComfyUIClient {
    /// Whether the server answers GET /system_stats within `timeout`, with its version when it does.
    public func ping(timeout: Duration = .seconds(2)) async -> Result<String, BackendError> {
        do {
            let call = HTTPCall.get(url("/system_stats"), timeout: timeout)
            let answer = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
            let stats = try? JSONDecoder().decode(JSONValue.self, from: answer.body)
            return .success(stats?["system"]?["comfyui_version"]?.string.map { "ComfyUI \($0)" } ?? "ComfyUI")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: name, "\(error)"))
        }
    }
}
