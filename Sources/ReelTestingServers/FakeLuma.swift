import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// A Luma Agents API server on 127.0.0.1 speaking the documented protocol (backend-apis.md §6b):
/// `POST /generations` answers 201 with a `queued` generation; `GET /generations/{id}` is
/// `queued`, then `processing`, then `completed` with presigned output URLs on successive polls.
/// Output files are served once and refused (403) after, as presigned URLs expire. It checks
/// `Authorization: Bearer …`, the model's type, aspect ratio, references and video options (400
/// with `{"detail"}`), fails prompts with a scripted word as `content_moderated`, plays scripted
/// faults (429 with Retry-After, 5xx), and counts generations, which is what Luma bills.
public actor FakeLuma {
    /// One accepted generation request.
    public struct Submission: Sendable {
        public var id: String
        public var model: String
        public var type: String
        public var body: [String: JSONValue]
    }

    public enum Route: String, Sendable { case create, generation, file }

    public let key: String
    public internal(set) var submissions: [Submission] = []
    public internal(set) var requestLog: [String] = []
    public internal(set) var authorizedDownloads = 0
    public internal(set) var downloads = 0
    public internal(set) var expiredDownloads = 0
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt containing this word fails as `content_moderated`.
    public var refusedWord: String? = "forbidden"
    /// A prompt containing this word fails as `generation_failed`.
    public var failingWord: String? = "doomed"
    public var pollsQueued = 1
    public var pollsProcessing = 1
    /// Generations stay `processing` until `release()`; with `holdOnly`, only those of that type.
    public var hold = false
    public var holdOnly: String?
    /// Extensions stay `processing` until `release()`, whatever `hold` says.
    public var holdExtensions = false
    /// The next this many video generations are forgotten once their clip is downloaded, as
    /// expired generations are: extending them is a 404.
    public var forgetAfterDownload = 0
    public var video = FakeFal.mp4Bytes

    var generations: [String: State] = [:]
    var files: [String: Data] = [:]
    /// Which generation made each video file.
    var videoFiles: [String: String] = [:]

    struct State {
        var submission: Submission
        var polls = 0
        var outputs: [String]?
    }

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(hold: Bool, only type: String? = nil) {
        self.hold = hold
        holdOnly = type
    }
    public func set(video: Data) { self.video = video }
    public func set(pollsQueued: Int, pollsProcessing: Int) {
        self.pollsQueued = pollsQueued
        self.pollsProcessing = pollsProcessing
    }
    public func set(holdExtensions: Bool) { self.holdExtensions = holdExtensions }
    public func set(forgetAfterDownload: Int) { self.forgetAfterDownload = forgetAfterDownload }
    public func release() {
        hold = false
        holdExtensions = false
    }

    /// Generations requested, of one type (`video`) or all, for billing checks.
    public func submissionCount(type: String? = nil) -> Int {
        submissions.filter { type == nil || $0.type == type }.count
    }

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "files", parts.count == 2 { return file(parts[1], request: request) }
        guard request.header("Authorization") == "Bearer \(key)" else {
            return .json(#"{"detail": "Invalid API key"}"#, status: 401)
        }
        switch (request.method, parts.first, parts.count) {
        case ("POST", "generations"?, 1): return fault(.create) ?? create(request.body)
        case ("GET", "generations"?, 2):
            return fault(.generation) ?? generation(parts[1], base: "http://\(request.header("Host") ?? "127.0.0.1")")
        default: return .json(#"{"detail": "Not Found"}"#, status: 404)
        }
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    private func create(_ body: Data) -> TestServerResponse {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return .json(#"{"detail": "Body must be a JSON object"}"#, status: 400)
        }
        if let problem = Self.problem(fields) { return .json(value: ["detail": problem], status: 400) }
        if let prior = fields["video"]?["start_frame"]?["generation_id"]?.string, let refusal = extensionProblem(prior)
        {
            return refusal
        }
        let id = UUID().uuidString.lowercased()
        let submission = Submission(
            id: id, model: fields["model"]?.string ?? "", type: fields["type"]?.string ?? "", body: fields)
        submissions.append(submission)
        generations[id] = State(submission: submission)
        return Self.answer(id: id, submission: submission, state: "queued", status: 201)
    }

    static func answer(
        id: String, submission: Submission, state: String, extra: [String: JSONValue] = [:], status: Int = 200
    ) -> TestServerResponse {
        var fields: [String: JSONValue] = [
            "id": .string(id), "created_at": .string("2026-12-07T01:00:00Z"), "model": .string(submission.model),
            "type": .string(submission.type), "state": .string(state),
        ]
        for (key, value) in extra { fields[key] = value }
        var response = TestServerResponse.json(value: JSONValue.object(fields), status: status)
        response.headers.append(("X-API-Version", "2026-04-01"))
        return response
    }
}
