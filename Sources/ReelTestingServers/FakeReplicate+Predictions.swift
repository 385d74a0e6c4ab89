import Foundation
import ReelKit
import ReelMedia

/// The prediction, cancel, upload and delivery routes.
extension FakeReplicate {
    func poll(_ id: String, base: String) -> TestServerResponse {
        guard var prediction = predictions[id] else {
            return Self.problem(404, "Not found", "Prediction \(id) not found")
        }
        prediction.polls += 1
        if ["starting", "processing"].contains(prediction.status) {
            let held = hold && (holdOnly.map { prediction.submission.model.contains($0) } ?? true)
            if prediction.polls <= pollsStarting {
                prediction.status = "starting"
            } else if held || prediction.polls <= pollsStarting + pollsProcessing {
                prediction.status = "processing"
            } else {
                finish(&prediction, base: base)
            }
        }
        predictions[id] = prediction
        return .json(value: json(of: prediction, base: base))
    }

    /// Ends a prediction: a safety filter's or a fault's failure, or outputs on the delivery CDN.
    private func finish(_ prediction: inout Prediction, base: String) {
        let input = prediction.submission.input
        let prompt = input["prompt"]?.string ?? ""
        if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
            prediction.status = "failed"
            prediction.error = "NSFW content detected. Try running it again, or try a different prompt."
            return
        }
        if let word = failingWord, prompt.contains(word) {
            prediction.status = "failed"
            prediction.error = "CUDA out of memory (E1001)"
            return
        }
        prediction.status = "succeeded"
        let id = prediction.submission.id
        if prediction.submission.model.contains("kling") {
            files["\(id).mp4"] = video
            prediction.output = .string("\(base)/delivery/\(id).mp4")
            return
        }
        let count = input["num_outputs"]?.int ?? 1
        let seed = input["seed"]?.int ?? 0
        let aspect = input["aspect_ratio"]?.string.flatMap(AspectRatio.init(parsing:)) ?? .square
        var urls: [JSONValue] = []
        for index in 0..<count {
            let name = "\(id)-\(index).png"
            files[name] = Self.png(width: aspect.width * 4, height: aspect.height * 4, seed: seed + index)
            urls.append(.string("\(base)/delivery/\(name)"))
        }
        prediction.output = .array(urls)
    }

    func cancel(_ id: String, _ base: String) -> TestServerResponse {
        guard var prediction = predictions[id] else {
            return Self.problem(404, "Not found", "Prediction \(id) not found")
        }
        cancelled.append(id)
        if ["starting", "processing"].contains(prediction.status) { prediction.status = "canceled" }
        predictions[id] = prediction
        return .json(value: json(of: prediction, base: base))
    }

    func upload(_ request: TestServerRequest, base: String) -> TestServerResponse {
        guard let part = Multipart.parse(request)?.first(where: { $0.name == "content" }), part.fileName != nil else {
            return Self.problem(400, "Bad request", "a multipart part named 'content' with a filename is required")
        }
        uploads.append(part.data.count)
        let id = "file\(uploads.count)"
        return .json(
            value: JSONValue.object([
                "id": .string(id), "name": .string(part.fileName ?? ""), "size": .int(part.data.count),
                "urls": .object(["get": .string("\(base)/files/\(id)")]),
            ]), status: 201)
    }

    /// Serves an output once; after that it has been removed.
    func file(_ name: String) -> TestServerResponse {
        if let fault = fault(.file) { return fault }
        guard let data = files.removeValue(forKey: name) else {
            expiredDownloads += 1
            return .json(#"{"detail": "Not found"}"#, status: 404)
        }
        downloads += 1
        let type = name.hasSuffix(".mp4") ? "video/mp4" : "image/png"
        return TestServerResponse(status: 200, headers: [("Content-Type", type)], body: data)
    }

    /// A prediction as Replicate answers it.
    func json(of prediction: Prediction, base: String) -> JSONValue {
        let id = prediction.submission.id
        let done = ["succeeded", "failed", "canceled"].contains(prediction.status)
        return .object([
            "id": .string(id), "model": .string(prediction.submission.model),
            "version": .string(prediction.submission.version ?? "hidden"),
            "input": .object(prediction.submission.input), "logs": .string(""), "output": prediction.output,
            "error": prediction.error.map(JSONValue.string) ?? .null, "status": .string(prediction.status),
            "data_removed": .bool(prediction.dataRemoved), "created_at": .string("2026-12-06T10:00:00.000Z"),
            "metrics": done ? .object(["predict_time": .double(predictTime)]) : .object([:]),
            "urls": .object([
                "get": .string("\(base)/predictions/\(id)"), "cancel": .string("\(base)/predictions/\(id)/cancel"),
                "web": .string("https://replicate.com/p/\(id)"),
            ]),
        ])
    }

    /// A tiny PNG whose colour is the seed's, so tests can tell candidates apart.
    public static func png(width: Int, height: Int, seed: Int) -> Data {
        let image = RGBAImage(
            width: max(1, min(width, 96)), height: max(1, min(height, 96)),
            fill: (UInt8(truncatingIfNeeded: seed), UInt8(truncatingIfNeeded: seed >> 8), 77, 255))
        return (try? image.encoded(as: .png)) ?? Data()
    }

    /// A bare MP4 header, for tests that do not decode the clip.
    public static let mp4Bytes = Data(
        [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8))
}
