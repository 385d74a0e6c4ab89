import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// A Runway API server on 127.0.0.1 speaking the documented protocol (backend-apis.md §5):
/// `POST /v1/text_to_image` and `/v1/image_to_video` answer `{"id"}`; `GET /v1/tasks/{id}` is
/// `PENDING`, then `RUNNING` with `progress`, then `SUCCEEDED` with output URLs on successive
/// polls; `DELETE /v1/tasks/{id}` cancels a running task or deletes a finished one. Each read of
/// a succeeded task signs fresh output URLs, each served once and refused (403) after, as
/// Runway's expiring CDN URLs are. It checks `Authorization: Bearer …` and `X-Runway-Version`,
/// the model's ratios, durations and reference tags (400 with `{"error"}`), fails prompts with a
/// scripted word on moderation (`SAFETY.INPUT.TEXT`), plays scripted faults (429 with
/// Retry-After, 5xx), and counts tasks created, which is what Runway bills.
public actor FakeRunway {
    /// One created task.
    public struct Submission: Sendable {
        public var id: String
        public var endpoint: String
        public var model: String
        public var body: [String: JSONValue]
    }

    /// Where a scripted fault is played.
    public enum Route: String, Sendable { case create, task, cancel, file, organization }

    public let key: String
    public internal(set) var submissions: [Submission] = []
    public internal(set) var cancelled: [String] = []
    public internal(set) var requestLog: [String] = []
    /// Downloads of output files that carried an `Authorization` header (the key must stay home).
    public internal(set) var authorizedDownloads = 0
    public internal(set) var downloads = 0
    public internal(set) var expiredDownloads = 0
    /// Canned answers by route, first one first, before the real one.
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt containing this word fails on moderation (`SAFETY.INPUT.TEXT`).
    public var refusedWord: String? = "forbidden"
    /// Tasks with these seeds fail on output moderation (`SAFETY.OUTPUT.IMAGE`).
    public var refusedSeeds: Set<Int> = []
    /// A prompt containing this word fails with `INTERNAL.BAD_OUTPUT.CODE01`.
    public var failingWord: String? = "doomed"
    /// Polls a task answers `PENDING`, then `THROTTLED`, then `RUNNING`, before `SUCCEEDED`.
    public var pollsPending = 1
    public var pollsThrottled = 0
    public var pollsRunning = 1
    /// Tasks stay `RUNNING` until `release()`; with `holdOnly`, only those on that endpoint.
    public var hold = false
    public var holdOnly: String?
    /// The MP4 every video task makes.
    public var video = FakeFal.mp4Bytes

    var tasks: [String: TaskState] = [:]
    var files: [String: Data] = [:]

    struct TaskState {
        var submission: Submission
        var polls = 0
        var status = "PENDING"
        var output: [Data]?
    }

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(hold: Bool, only endpoint: String? = nil) {
        self.hold = hold
        holdOnly = endpoint
    }
    public func set(video: Data) { self.video = video }
    public func set(refusedSeeds: Set<Int>) { self.refusedSeeds = refusedSeeds }
    public func set(pollsPending: Int, pollsThrottled: Int = 0, pollsRunning: Int) {
        self.pollsPending = pollsPending
        self.pollsThrottled = pollsThrottled
        self.pollsRunning = pollsRunning
    }
    /// Lets held tasks finish on their next poll.
    public func release() { hold = false }
    /// Forgets a task, as Runway does once it is deleted.
    public func forget(_ id: String) { tasks[id] = nil }

    /// Tasks created, on one endpoint (`image_to_video`) or all, for billing checks.
    public func submissionCount(endpoint: String? = nil) -> Int {
        submissions.filter { endpoint == nil || $0.endpoint == endpoint }.count
    }

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "files", parts.count == 2 { return file(parts[1], request: request) }
        guard request.header("Authorization") == "Bearer \(key)" else {
            return .json(#"{"error": "Invalid API key"}"#, status: 401)
        }
        guard request.header("X-Runway-Version") == "2024-11-06" else {
            return .json(#"{"error": "The X-Runway-Version header is missing or invalid"}"#, status: 400)
        }
        let base = "http://\(request.header("Host") ?? "127.0.0.1")"
        switch (request.method, parts.dropFirst().first, parts.count) {
        case ("POST", let endpoint?, 2) where ["text_to_image", "image_to_video"].contains(endpoint):
            return fault(.create) ?? create(endpoint, body: request.body)
        case ("GET", "tasks"?, 3): return fault(.task) ?? task(parts[2], base: base)
        case ("DELETE", "tasks"?, 3): return fault(.cancel) ?? delete(parts[2])
        case ("GET", "organization"?, 2):
            return fault(.organization)
                ?? .json(
                    #"{"creditBalance": 1250, "tier": {"maxMonthlyCreditSpend": 10000, "models": {}}, "usage": {"models": {}}}"#
                )
        default: return .json(#"{"error": "Not found"}"#, status: 404)
        }
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    private func create(_ endpoint: String, body: Data) -> TestServerResponse {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return .json(#"{"error": "Body must be a JSON object"}"#, status: 400)
        }
        if let problem = Self.problem(endpoint: endpoint, fields) {
            return .json(value: ["error": problem], status: 400)
        }
        let id = UUID().uuidString.lowercased()
        let submission = Submission(id: id, endpoint: endpoint, model: fields["model"]?.string ?? "", body: fields)
        submissions.append(submission)
        tasks[id] = TaskState(submission: submission)
        return .json(value: ["id": id])
    }
}
