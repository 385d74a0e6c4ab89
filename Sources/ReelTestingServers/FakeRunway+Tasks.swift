import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// The fake Runway's request checks, task lifecycle and output files.
extension FakeRunway {
    /// What Runway's validation would say about a create body, or nil when it is acceptable.
    static func problem(endpoint: String, _ fields: [String: JSONValue]) -> String? {
        guard let id = fields["model"]?.string, let model = RunwayPrices.model(id) else {
            return "model: Invalid enum value"
        }
        guard model.kind == (endpoint == "text_to_image" ? .textToImage : .imageToVideo) else {
            return "model: \(id) is not available on /v1/\(endpoint)"
        }
        guard let ratio = fields["ratio"]?.string, model.ratios.contains(where: { $0.wire == ratio }) else {
            return "ratio: Invalid enum value for \(id)"
        }
        if fields["seed"] != nil, !model.takesSeed { return "seed: Unrecognized key" }
        if endpoint == "image_to_video" {
            guard let duration = fields["duration"]?.int, model.durations.contains(Double(duration)) else {
                return "duration: Invalid value for \(id)"
            }
            if model.needsPrompt, fields["promptText"]?.string?.isEmpty ?? true { return "promptText: Required" }
            return promptImageProblem(fields["promptImage"], model: model)
        }
        guard let prompt = fields["promptText"]?.string, !prompt.isEmpty, prompt.count <= 1000 else {
            return "promptText: Required"
        }
        let references = fields["referenceImages"]?.array ?? []
        if references.count > model.maxReferences { return "referenceImages: Too many" }
        if references.count < model.minReferences { return "referenceImages: Required for \(id)" }
        for reference in references {
            guard let tag = reference["tag"]?.string,
                tag.range(of: "^[A-Za-z][A-Za-z0-9_]{2,15}$", options: .regularExpression) != nil
            else { return "referenceImages.tag: Invalid tag" }
            guard reference["uri"]?.string?.hasPrefix("data:image/") == true else {
                return "referenceImages.uri: Invalid"
            }
        }
        return nil
    }

    /// `promptImage` is a first frame, or a list of `{uri, position}` keyframes; only the Veo 3.1
    /// models take a `last` one, and not alone.
    static func promptImageProblem(_ value: JSONValue?, model: RunwayModel) -> String? {
        func valid(_ uri: String?) -> Bool {
            uri.map { $0.hasPrefix("data:image/") || $0.hasPrefix("https://") } ?? false
        }
        if let image = value?.string { return valid(image) ? nil : "promptImage: Invalid input" }
        guard let items = value?.array, !items.isEmpty else { return "promptImage: Invalid input" }
        let positions = items.compactMap { $0["position"]?.string }
        guard positions.count == items.count, items.allSatisfy({ valid($0["uri"]?.string) }),
            Set(positions).count == positions.count, positions.allSatisfy(["first", "last"].contains)
        else { return "promptImage: Invalid input" }
        if positions.contains("last") {
            guard model.takesLastFrame else { return "promptImage: position 'last' is not supported by \(model.id)" }
            guard positions.contains("first") else { return "promptImage: a last frame needs a first frame" }
        }
        return nil
    }

    func task(_ id: String, base: String) -> TestServerResponse {
        guard var task = tasks[id] else { return .json(#"{"error": "Task not found"}"#, status: 404) }
        if task.status == "PENDING" || task.status == "THROTTLED" || task.status == "RUNNING" {
            task.polls += 1
            task.status = nextStatus(task)
        }
        tasks[id] = task
        switch task.status {
        case "SUCCEEDED":
            let data = task.output ?? makeOutput(task.submission)
            task.output = data
            tasks[id] = task
            let urls = data.map { bytes -> String in
                // Every read signs new URLs, as Runway's answers do.
                let name =
                    UUID().uuidString.lowercased() + (task.submission.endpoint == "image_to_video" ? ".mp4" : ".png")
                files[name] = bytes
                return "\(base)/files/\(name)"
            }
            return .json(
                value: [
                    "id": .string(id), "status": .string("SUCCEEDED"),
                    "output": JSONValue.array(urls.map { .string($0) }),
                ] as [String: JSONValue])
        case "FAILED":
            let prompt = task.submission.body["promptText"]?.string ?? ""
            if let seed = task.submission.body["seed"]?.int, refusedSeeds.contains(seed) {
                return .json(
                    #"{"id": "\#(id)", "status": "FAILED", "failure": "The output did not pass our content moderation.", "failureCode": "SAFETY.OUTPUT.IMAGE"}"#
                )
            }
            if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
                return .json(
                    #"{"id": "\#(id)", "status": "FAILED", "failure": "Your prompt did not pass our content moderation guidelines.", "failureCode": "SAFETY.INPUT.TEXT"}"#
                )
            }
            return .json(
                #"{"id": "\#(id)", "status": "FAILED", "failure": "The generated output did not meet quality standards.", "failureCode": "INTERNAL.BAD_OUTPUT.CODE01"}"#
            )
        case "RUNNING":
            return .json(#"{"id": "\#(id)", "status": "RUNNING", "progress": 0.5}"#)
        default:
            return .json(#"{"id": "\#(id)", "status": "\#(task.status)"}"#)
        }
    }

    /// Where a live task is after one more poll.
    private func nextStatus(_ task: TaskState) -> String {
        if task.polls <= pollsPending { return "PENDING" }
        if task.polls <= pollsPending + pollsThrottled { return "THROTTLED" }
        let held = hold && (holdOnly.map { $0 == task.submission.endpoint } ?? true)
        if held || task.polls <= pollsPending + pollsThrottled + pollsRunning { return "RUNNING" }
        if let seed = task.submission.body["seed"]?.int, refusedSeeds.contains(seed) { return "FAILED" }
        let prompt = task.submission.body["promptText"]?.string ?? ""
        for word in [refusedWord, failingWord].compactMap({ $0 }) where prompt.localizedCaseInsensitiveContains(word) {
            return "FAILED"
        }
        return "SUCCEEDED"
    }

    private func makeOutput(_ submission: Submission) -> [Data] {
        if submission.endpoint == "image_to_video" { return [video] }
        let ratio = (submission.body["ratio"]?.string ?? "16:16").split(separator: ":").compactMap { Int($0) }
        let seed = submission.body["seed"]?.int ?? 0
        // Tiny images of the ratio's shape, painted with the seed so candidates can be told apart.
        let scale = Double(max(ratio.first ?? 16, ratio.last ?? 16)) / 64
        return [
            FakeFal.png(
                width: Int(Double(ratio.first ?? 16) / scale), height: Int(Double(ratio.last ?? 16) / scale), seed: seed
            )
        ]
    }

    func delete(_ id: String) -> TestServerResponse {
        guard var task = tasks[id] else { return .json(#"{"error": "Task not found"}"#, status: 404) }
        cancelled.append(id)
        if ["SUCCEEDED", "FAILED", "CANCELLED"].contains(task.status) {
            tasks[id] = nil
        } else {
            task.status = "CANCELLED"
            tasks[id] = task
        }
        return .empty(204)
    }

    /// Serves an output once; after that its signature has expired (403, as from a CDN).
    func file(_ name: String, request: TestServerRequest) -> TestServerResponse {
        if request.header("Authorization") != nil { authorizedDownloads += 1 }
        if let fault = fault(.file) { return fault }
        guard let data = files.removeValue(forKey: name) else {
            expiredDownloads += 1
            return TestServerResponse(
                status: 403, headers: [("Content-Type", "text/xml")],
                body: Data("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>".utf8))
        }
        downloads += 1
        let type = name.hasSuffix(".mp4") ? "video/mp4" : "image/png"
        return TestServerResponse(status: 200, headers: [("Content-Type", type)], body: data)
    }
}
