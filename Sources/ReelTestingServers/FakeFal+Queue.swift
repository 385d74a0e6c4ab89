import Foundation
import ReelKit
import ReelMedia

/// The queue's status, result, cancel and file routes.
extension FakeFal {
    func status(_ id: String, app: String, base: String) -> TestServerResponse {
        guard var request = requests[id], request.app == app else {
            return .json(#"{"detail": "Request not found"}"#, status: 404)
        }
        request.polls += 1
        requests[id] = request
        let root = "\(base)/\(app)/requests/\(id)"
        if let runTime, ContinuousClock.now - request.submittedAt < runTime {
            return .json(#"{"status": "IN_PROGRESS", "response_url": "\#(root)", "logs": []}"#)
        }
        if runTime == nil, request.polls <= pollsInQueue {
            return .json(#"{"status": "IN_QUEUE", "queue_position": 0, "response_url": "\#(root)"}"#)
        }
        let held = hold && holdOnly.map { request.submission.model.contains($0) } ?? hold
        if held || (runTime == nil && request.polls <= pollsInQueue + pollsInProgress) {
            return .json(#"{"status": "IN_PROGRESS", "response_url": "\#(root)", "logs": []}"#)
        }
        if let word = failingWord, request.submission.input["prompt"]?.string?.contains(word) == true {
            return .json(
                #"{"status": "COMPLETED", "response_url": "\#(root)", "error": "Runner disconnected", "error_type": "runner_disconnected"}"#
            )
        }
        return .json(
            #"{"status": "COMPLETED", "response_url": "\#(root)", "logs": null, "metrics": {"inference_time": 0.1}}"#)
    }

    /// Server-sent events: `IN_PROGRESS` now, then the final status once the run is done. The
    /// body is sent whole at the end, which a client reading events as they come also accepts.
    func statusStream(_ id: String, app: String, base: String) async -> TestServerResponse {
        guard statusStream, let runTime, let request = requests[id], request.app == app else {
            return .json(#"{"detail": "Not Found"}"#, status: 404)
        }
        let root = "\(base)/\(app)/requests/\(id)"
        var events = "data: {\"status\": \"IN_PROGRESS\", \"response_url\": \"\(root)\"}\n\n"
        try? await Task.sleep(until: request.submittedAt + runTime, clock: .continuous)
        let final = status(id, app: app, base: base)
        events += "data: " + String(decoding: final.body, as: UTF8.self) + "\n\n"
        return TestServerResponse(
            status: 200, headers: [("Content-Type", "text/event-stream")], body: Data(events.utf8))
    }

    func result(_ id: String, base: String) -> TestServerResponse {
        guard var request = requests[id] else { return .json(#"{"detail": "Request not found"}"#, status: 404) }
        if let output = request.output { return output }
        let output = makeOutput(request, base: base)
        request.output = output
        requests[id] = request
        return output
    }

    private func makeOutput(_ request: Request, base: String) -> TestServerResponse {
        let id = request.submission.id
        if request.cancelled {
            return .json(#"{"detail": "Request was cancelled", "error_type": "request_cancelled"}"#, status: 400)
        }
        let input = request.submission.input
        let prompt = input["prompt"]?.string ?? ""
        if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
            return .json(
                #"{"detail": [{"loc": ["body", "prompt"], "msg": "The prompt was flagged by the content checker.", "type": "content_policy_violation", "url": "https://docs.fal.ai/errors#content_policy_violation", "input": "…"}]}"#,
                status: 422)
        }
        if request.submission.model.contains("lipsync") {
            // A lip-sync model answers a new clip; without one set, the input clip comes back.
            let name = "\(id)-synced.mp4"
            files[name] = lipSyncVideo ?? input["video_url"]?.string.flatMap(Self.dataURIBytes) ?? video
            return .json(
                value: ["video": ["url": "\(base)/files/\(name)", "content_type": "video/mp4", "file_name": name]])
        }
        if request.submission.model.contains("video") {
            let name = "\(id)-clip.mp4"
            files[name] = video
            return .json(
                value: ["video": ["url": "\(base)/files/\(name)", "content_type": "video/mp4", "file_name": name]])
        }
        let count = input["num_images"]?.int ?? 1
        let seed = input["seed"]?.int ?? 0
        let size = input["image_size"]
        let width = min(size?["width"]?.int ?? 16, 64)
        let height = min(size?["height"]?.int ?? 16, 64)
        var images: [JSONValue] = []
        for index in 0..<count {
            let name = "\(id)-\(index).png"
            files[name] = Self.png(width: width, height: height, seed: seed + index)
            images.append(
                .object([
                    "url": .string("\(base)/files/\(name)"), "width": .int(width), "height": .int(height),
                    "content_type": .string("image/png"),
                ]))
        }
        return .json(
            value: JSONValue.object([
                "images": .array(images), "seed": .int(seed),
                "has_nsfw_concepts": .array(images.indices.map { .bool($0 < flaggedImages) }),
                "prompt": .string(prompt),
            ]))
    }

    func cancel(_ id: String) -> TestServerResponse {
        guard var request = requests[id] else { return .json(#"{"status": "NOT_FOUND"}"#, status: 404) }
        cancelled.append(id)
        request.cancelled = true
        requests[id] = request
        return .json(#"{"status": "CANCELLATION_REQUESTED"}"#, status: 202)
    }

    /// Serves an output once; after that it has expired.
    func file(_ name: String, request: TestServerRequest) -> TestServerResponse {
        if request.header("Authorization") != nil { authorizedDownloads += 1 }
        if let fault = fault(.file) { return fault }
        guard let data = files.removeValue(forKey: name) else {
            expiredDownloads += 1
            return .json(#"{"detail": "File not found or expired"}"#, status: 404)
        }
        downloads += 1
        let type = name.hasSuffix(".mp4") ? "video/mp4" : "image/png"
        return TestServerResponse(status: 200, headers: [("Content-Type", type)], body: data)
    }

    /// A tiny PNG whose colour is the seed's, so tests can tell candidates apart.
    public static func png(width: Int, height: Int, seed: Int) -> Data {
        let image = RGBAImage(
            width: max(1, width), height: max(1, height),
            fill: (UInt8(truncatingIfNeeded: seed), UInt8(truncatingIfNeeded: seed >> 8), 99, 255))
        return (try? image.encoded(as: .png)) ?? Data()
    }

    /// A bare MP4 header, for tests that do not decode the clip.
    public static let mp4Bytes = Data(
        [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8))

    /// The bytes of a `data:` URI input, as fal decodes it.
    public static func dataURIBytes(_ text: String) -> Data? {
        guard text.hasPrefix("data:"), let comma = text.firstIndex(of: ",") else { return nil }
        return Data(base64Encoded: String(text[text.index(after: comma)...]))
    }
}
