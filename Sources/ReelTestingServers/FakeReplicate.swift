import Foundation
import ReelKit
import ReelMedia

/// A Replicate API on 127.0.0.1 speaking the documented protocol (backend-apis.md §3): create a
/// prediction by model (`POST /models/{owner}/{name}/predictions`) or by version
/// (`POST /predictions`), poll `GET /predictions/{id}` (`starting`, then `processing`, then
/// `succeeded` or `failed` on successive polls), cancel `POST /predictions/{id}/cancel`, upload
/// `POST /files`, and `GET /account`. Outputs are served from `/delivery/…` once and then
/// forgotten (404), as replicate.delivery removes them. It checks `Authorization: Bearer …`,
/// fails prompts with a scripted word as a safety filter does (`failed` with an NSFW `error`),
/// plays scripted faults (429 with Retry-After, 5xx), and counts predictions created, which is
/// what Replicate bills.
public actor FakeReplicate {
    /// One prediction created.
    public struct Submission: Sendable {
        public var id: String
        public var model: String
        public var version: String?
        public var input: [String: JSONValue]
    }

    /// Where a scripted fault is played.
    public enum Route: String, Sendable { case create, get, cancel, file, upload, account }

    public let key: String
    public internal(set) var submissions: [Submission] = []
    public internal(set) var cancelled: [String] = []
    public internal(set) var requestLog: [String] = []
    /// Uploaded files' sizes, in order.
    public internal(set) var uploads: [Int] = []
    public internal(set) var downloads = 0
    public internal(set) var expiredDownloads = 0
    /// Canned answers by route, first one first, before the real one.
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt containing this word fails as the model's safety filter fails it.
    public var refusedWord: String? = "forbidden"
    /// A prompt containing this word fails as a model that ran out of memory (E1001).
    public var failingWord: String? = "doomed"
    /// Polls a prediction answers `starting`, then `processing`, before it ends.
    public var pollsStarting = 1
    public var pollsProcessing = 1
    /// Predictions stay `processing` until `release()`.
    public var hold = false
    /// When set, only predictions of models whose id contains this are held.
    public var holdOnly: String?
    /// The MP4 every video prediction makes.
    public var video = FakeReplicate.mp4Bytes
    /// What `metrics.predict_time` says each prediction ran, in seconds.
    public var predictTime = 1.5

    var predictions: [String: Prediction] = [:]
    var files: [String: Data] = [:]

    struct Prediction {
        var submission: Submission
        var polls = 0
        var status = "starting"
        var output: JSONValue = .null
        var error: String?
        var dataRemoved = false
    }

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(hold: Bool, only model: String? = nil) {
        self.hold = hold
        holdOnly = model
    }
    public func set(video: Data) { self.video = video }
    public func set(pollsStarting: Int, pollsProcessing: Int) {
        self.pollsStarting = pollsStarting
        self.pollsProcessing = pollsProcessing
    }

    /// Lets held predictions finish on their next poll.
    public func release() { hold = false }

    /// An hour has passed: every finished prediction's output is removed, as Replicate does.
    public func removeData() {
        for (id, var prediction) in predictions where prediction.status == "succeeded" {
            prediction.output = .null
            prediction.dataRemoved = true
            predictions[id] = prediction
        }
        files.removeAll()
    }

    /// Predictions created per model, for billing checks.
    public func submissionCount(model: String? = nil) -> Int {
        submissions.filter { model == nil || $0.model == model }.count
    }

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let base = "http://\(request.header("Host") ?? "127.0.0.1")"
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "delivery", parts.count == 2 { return file(parts[1]) }
        guard request.header("Authorization") == "Bearer \(key)" else {
            return .json(
                #"{"title": "Unauthenticated", "detail": "You did not pass a valid authentication token", "status": 401}"#,
                status: 401)
        }
        switch (request.method, parts.count, parts.first) {
        case ("GET", 1, "account"?):
            return fault(.account) ?? .json(#"{"type": "user", "username": "reel-test", "name": "Reel Test"}"#)
        case ("POST", 1, "files"?): return fault(.upload) ?? upload(request, base: base)
        case ("POST", 4, "models"?) where parts[3] == "predictions":
            return fault(.create) ?? create(model: "\(parts[1])/\(parts[2])", version: nil, request, base)
        case ("POST", 1, "predictions"?):
            let version = (try? JSONDecoder().decode(JSONValue.self, from: request.body))?["version"]?.string ?? ""
            let pieces = version.split(separator: ":").map(String.init)
            guard pieces.count == 2 else {
                return Self.problem(422, "Invalid version", "version must be owner/name:id")
            }
            return fault(.create) ?? create(model: pieces[0], version: pieces[1], request, base)
        case ("GET", 2, "predictions"?): return fault(.get) ?? poll(parts[1], base: base)
        case ("POST", 3, "predictions"?) where parts[2] == "cancel": return fault(.cancel) ?? cancel(parts[1], base)
        default: return Self.problem(404, "Not found", "No route for \(request.method) \(request.path)")
        }
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    /// A problem-details error answer, as Replicate's API gives them.
    public static func problem(_ status: Int, _ title: String, _ detail: String) -> TestServerResponse {
        .json(
            value: ["title": JSONValue.string(title), "detail": .string(detail), "status": .int(status)], status: status
        )
    }

    private func create(
        model: String, version: String?, _ request: TestServerRequest, _ base: String
    ) -> TestServerResponse {
        guard case .object(let input)? = try? JSONDecoder().decode(JSONValue.self, from: request.body)["input"] else {
            return Self.problem(422, "Input validation failed", "input is required")
        }
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(26)
        let submission = Submission(id: String(id), model: model, version: version, input: input)
        submissions.append(submission)
        predictions[submission.id] = Prediction(submission: submission)
        return .json(value: json(of: predictions[submission.id]!, base: base), status: 201)
    }
}
