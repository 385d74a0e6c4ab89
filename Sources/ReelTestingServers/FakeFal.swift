import Foundation
import ReelKit
import ReelMedia

/// A fal queue server on 127.0.0.1 speaking the documented protocol (backend-apis.md §4): submit
/// `POST /{owner}/{app}[/{path}]` answers a request id with status, response and cancel URLs on
/// `/{owner}/{app}/requests/{id}` (the subpath dropped, as fal does); each request is `IN_QUEUE`,
/// then `IN_PROGRESS`, then `COMPLETED` on successive status polls; the result names output
/// files this server serves once and then forgets (404), as fal's CDN URLs expire. It checks
/// `Authorization: Key …`, refuses prompts with a scripted word on content policy (422 with
/// fal's `detail` shape), honours cancel, plays scripted faults (429 with Retry-After, 5xx), and
/// counts submissions, which is what fal bills.
public actor FakeFal {
    /// One accepted submission.
    public struct Submission: Sendable {
        public var id: String
        public var model: String
        public var input: [String: JSONValue]
        public var headers: [(String, String)]
    }

    /// Where a scripted fault is played.
    public enum Route: String, Sendable { case submit, status, result, cancel, file }

    public let key: String
    public internal(set) var submissions: [Submission] = []
    public internal(set) var cancelled: [String] = []
    public internal(set) var requestLog: [String] = []
    /// Downloads of output files that carried an `Authorization` header (the key must not leave
    /// for the CDN).
    public internal(set) var authorizedDownloads = 0
    /// Output files served, and those asked for again after they expired.
    public internal(set) var downloads = 0
    public internal(set) var expiredDownloads = 0
    /// Canned answers by route, first one first, before the real one.
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt containing this word is refused on content policy when its result is fetched.
    public var refusedWord: String? = "forbidden"
    /// A prompt containing this word ends `COMPLETED` with `error` and `error_type`, as a run
    /// that failed on fal's side (its runner disconnected).
    public var failingWord: String? = "doomed"
    /// How many images of each image request the safety checker flags (`has_nsfw_concepts`),
    /// first ones first; fal answers them as black images.
    public var flaggedImages = 0
    /// Status polls a request answers `IN_QUEUE`, then `IN_PROGRESS`, before `COMPLETED`.
    public var pollsInQueue = 1
    public var pollsInProgress = 1
    /// Requests stay `IN_PROGRESS` until `release()`.
    public var hold = false
    /// When set, only requests to models whose id contains this are held.
    public var holdOnly: String?
    /// The MP4 every video request makes.
    public var video = FakeFal.mp4Bytes
    /// The MP4 every lip-sync request makes; `nil` answers the input clip.
    public var lipSyncVideo: Data?
    /// When set, a request runs this long from its submission, as on a GPU, instead of for a
    /// number of polls.
    public var runTime: Duration?
    /// Whether `GET …/status/stream` answers (server-sent events until the run is done, only
    /// with `runTime`); otherwise it is 404, as through a proxy that does not stream.
    public var statusStream = false

    /// When set, submissions past this many wait unanswered, as a request still on its way,
    /// until `release()`, which drops them unbilled: the client that sent them is gone.
    public var acceptedSubmissionLimit: Int?
    /// Submissions that arrived past `acceptedSubmissionLimit` and waited.
    public internal(set) var stalledSubmissions = 0

    /// Answer 429 (with `Retry-After: retryAfterSeconds`) to a submission while this many
    /// requests are running, as an account's concurrency limit does; nil never does.
    public var concurrencyLimit: Int?
    public var retryAfterSeconds = 1
    /// Every submission attempt: how many requests would run with it, and whether it was refused.
    public internal(set) var attempts: [(demand: Int, refused: Bool)] = []
    var requests: [String: Request] = [:]
    var files: [String: Data] = [:]

    struct Request {
        var submission: Submission
        var app: String
        var polls = 0
        var submittedAt = ContinuousClock.now
        var cancelled = false
        /// The output, made once: asking again names the same (maybe expired) files.
        var output: TestServerResponse?
    }

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(hold: Bool, only model: String? = nil) {
        self.hold = hold
        holdOnly = model
    }
    public func set(concurrencyLimit: Int?, retryAfterSeconds: Int = 1) {
        self.concurrencyLimit = concurrencyLimit
        self.retryAfterSeconds = retryAfterSeconds
    }
    public func set(refusedWord: String?) { self.refusedWord = refusedWord }
    public func set(video: Data) { self.video = video }
    public func set(lipSyncVideo: Data?) { self.lipSyncVideo = lipSyncVideo }
    public func set(flaggedImages: Int) { self.flaggedImages = flaggedImages }
    public func set(runTime: Duration?, statusStream: Bool) {
        self.runTime = runTime
        self.statusStream = statusStream
    }
    public func set(pollsInQueue: Int, pollsInProgress: Int) {
        self.pollsInQueue = pollsInQueue
        self.pollsInProgress = pollsInProgress
    }

    /// Lets held requests finish on their next poll, and drops stalled submissions.
    public func release() {
        hold = false
        acceptedSubmissionLimit = nil
    }

    public func set(acceptedSubmissionLimit: Int?) { self.acceptedSubmissionLimit = acceptedSubmissionLimit }

    /// Submissions per model, for billing checks.
    public func submissionCount(model: String? = nil) -> Int {
        submissions.filter { model == nil || $0.model == model }.count
    }

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let base = "http://\(request.header("Host") ?? "127.0.0.1")"
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "files", parts.count == 2 { return file(parts[1], request: request) }
        guard request.header("Authorization") == "Key \(key)" else {
            return .json(#"{"detail": "Invalid or missing key"}"#, status: 401)
        }
        if parts.count >= 4, parts[2] == "requests" {
            let app = "\(parts[0])/\(parts[1])"
            let id = parts[3]
            switch (request.method, parts.count > 4 ? parts[4] : nil) {
            case ("GET", "status"?) where parts.count > 5 && parts[5] == "stream":
                return await statusStream(id, app: app, base: base)
            case ("GET", "status"?): return fault(.status) ?? status(id, app: app, base: base)
            case ("GET", nil): return fault(.result) ?? result(id, base: base)
            case ("PUT", "cancel"?): return fault(.cancel) ?? cancel(id)
            default: return .json(#"{"detail": "Not Found"}"#, status: 404)
            }
        }
        guard request.method == "POST", parts.count >= 2 else { return .json(#"{"detail": "Not Found"}"#, status: 404) }
        if let limit = acceptedSubmissionLimit, submissions.count >= limit {
            stalledSubmissions += 1
            while acceptedSubmissionLimit != nil { try? await Task.sleep(for: .milliseconds(20)) }
            return .json(#"{"detail": "Service Unavailable"}"#, status: 503)
        }
        return fault(.submit)
            ?? submit(model: parts.joined(separator: "/"), app: "\(parts[0])/\(parts[1])", request, base)
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    private func submit(model: String, app: String, _ request: TestServerRequest, _ base: String) -> TestServerResponse
    {
        guard case .object(let input)? = try? JSONDecoder().decode(JSONValue.self, from: request.body) else {
            return .json(
                #"{"detail": [{"loc": ["body"], "msg": "Input should be an object", "type": "dict_type"}]}"#,
                status: 422)
        }
        if let problem = Self.videoInputProblem(model: model, input) {
            let item: JSONValue = .object([
                "loc": .array([.string("body"), .string(problem.field)]), "msg": .string(problem.message),
                "type": .string("value_error"),
            ])
            return .json(value: JSONValue.object(["detail": .array([item])]), status: 422)
        }
        let now = ContinuousClock.now
        let running = requests.values.filter { request in
            !request.cancelled && (runTime.map { now - request.submittedAt < $0 } ?? (request.output == nil))
        }.count
        let refused = concurrencyLimit.map { running >= $0 } ?? false
        attempts.append((running + 1, refused))
        if refused {
            return TestServerResponse(
                status: 429, headers: [("Content-Type", "application/json"), ("Retry-After", "\(retryAfterSeconds)")],
                body: Data(#"{"detail": "Too many concurrent requests"}"#.utf8))
        }
        let id = UUID().uuidString.lowercased()
        let submission = Submission(id: id, model: model, input: input, headers: request.headers)
        submissions.append(submission)
        requests[id] = Request(submission: submission, app: app)
        let root = "\(base)/\(app)/requests/\(id)"
        return .json(
            value: [
                "request_id": id, "response_url": root, "status_url": root + "/status", "cancel_url": root + "/cancel",
            ])
    }
}
