import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// The fake Luma's request checks, generation lifecycle and output files.
extension FakeLuma {
    static let aspectRatios = ["3:1", "2:1", "21:9", "16:9", "4:3", "3:2", "1:1", "3:4", "2:3", "9:16", "1:2", "1:3"]

    /// What Luma's validation would say about a create body, or nil when it is acceptable.
    static func problem(_ fields: [String: JSONValue]) -> String? {
        guard let prompt = fields["prompt"]?.string, (1...6000).contains(prompt.count) else {
            return "prompt: required"
        }
        guard let id = fields["model"]?.string, let model = LumaPrices.model(id) else { return "model: unknown model" }
        let type = fields["type"]?.string ?? ""
        let types = model.kind == .image ? ["image", "image_edit"] : ["video"]
        guard types.contains(type) else { return "type: \(type) is not supported by \(id)" }
        if let ratio = fields["aspect_ratio"]?.string, !aspectRatios.contains(ratio) { return "aspect_ratio: invalid" }
        let references = fields["image_ref"]?.array ?? []
        if references.count > (type == "image_edit" ? 8 : 9) { return "image_ref: too many references" }
        for media in references
            + [fields["source"], fields["video"]?["start_frame"], fields["video"]?["end_frame"]]
            .compactMap({ $0 })
        {
            if let problem = mediaProblem(media) { return problem }
        }
        if (type == "image_edit") != (fields["source"] != nil) { return "source: required for image_edit only" }
        if type == "video" {
            let video = fields["video"]
            guard ["540p", "720p", "1080p"].contains(video?["resolution"]?.string ?? "") else {
                return "video.resolution: invalid"
            }
            let duration = video?["duration"]?.string ?? ""
            guard duration == "5s" || (duration == "10s" && video?["start_frame"] == nil) else {
                return "video.duration: image-to-video makes 5s only"
            }
        }
        return nil
    }

    /// A media ref must be exactly one of url, data with media_type, or generation_id.
    static func mediaProblem(_ media: JSONValue) -> String? {
        let forms = [media["url"] != nil, media["data"] != nil, media["generation_id"] != nil].filter { $0 }.count
        guard forms == 1 else { return "media: exactly one of url, data or generation_id" }
        if let data = media["data"]?.string {
            guard media["media_type"]?.string?.hasPrefix("image/") == true, Data(base64Encoded: data) != nil else {
                return "media: data needs a media_type and valid base64"
            }
        }
        return nil
    }

    func generation(_ id: String, base: String) -> TestServerResponse {
        guard var state = generations[id] else { return .json(#"{"detail": "Generation not found"}"#, status: 404) }
        let submission = state.submission
        if state.outputs == nil { state.polls += 1 }
        defer { generations[id] = state }
        if state.polls <= pollsQueued { return Self.answer(id: id, submission: submission, state: "queued") }
        let extending = submission.body["video"]?["start_frame"]?["generation_id"] != nil
        let held = hold && (holdOnly.map { $0 == submission.type } ?? true) || holdExtensions && extending
        if held || state.polls <= pollsQueued + pollsProcessing {
            return Self.answer(id: id, submission: submission, state: "processing")
        }
        let prompt = submission.body["prompt"]?.string ?? ""
        if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
            return Self.answer(
                id: id, submission: submission, state: "failed",
                extra: [
                    "failure_code": .string("content_moderated"),
                    "failure_reason": .string("The prompt was flagged by content moderation."),
                ])
        }
        if let word = failingWord, prompt.localizedCaseInsensitiveContains(word) {
            return Self.answer(
                id: id, submission: submission, state: "failed",
                extra: ["failure_code": .string("generation_failed"), "failure_reason": .string("Generation failed")])
        }
        // The presigned URLs are made once; each is good for one download.
        let outputs = state.outputs ?? makeOutputs(submission, base: base)
        state.outputs = outputs
        let kind = submission.type == "video" ? "video" : "image"
        return Self.answer(
            id: id, submission: submission, state: "completed",
            extra: ["output": .array(outputs.map { .object(["type": .string(kind), "url": .string($0)]) })])
    }

    private func makeOutputs(_ submission: Submission, base: String) -> [String] {
        let name = UUID().uuidString.lowercased()
        if submission.type == "video" {
            files[name + ".mp4"] = video
            videoFiles[name + ".mp4"] = submission.id
            return ["\(base)/files/\(name).mp4?X-Amz-Signature=abc"]
        }
        let sides = (submission.body["aspect_ratio"]?.string ?? "1:1").split(separator: ":").compactMap { Double($0) }
        let scale = 64 / max(sides.first ?? 1, sides.last ?? 1)
        files[name + ".png"] = FakeFal.png(
            width: Int((sides.first ?? 1) * scale), height: Int((sides.last ?? 1) * scale), seed: submissions.count)
        return ["\(base)/files/\(name).png?X-Amz-Signature=abc"]
    }

    /// Serves an output once; after that its presigned URL has expired (403).
    func file(_ name: String, request: TestServerRequest) -> TestServerResponse {
        if request.header("Authorization") != nil { authorizedDownloads += 1 }
        if let fault = fault(.file) { return fault }
        guard let data = files.removeValue(forKey: name) else {
            expiredDownloads += 1
            return TestServerResponse(
                status: 403, headers: [("Content-Type", "application/xml")],
                body: Data("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>".utf8))
        }
        downloads += 1
        if forgetAfterDownload > 0, let id = videoFiles[name] {
            forgetAfterDownload -= 1
            generations[id] = nil
        }
        let type = name.hasSuffix(".mp4") ? "video/mp4" : "image/png"
        return TestServerResponse(status: 200, headers: [("Content-Type", type)], body: data)
    }
}
