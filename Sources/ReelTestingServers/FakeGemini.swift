import Foundation
import ReelKit
import ReelMedia

/// A Gemini API server on 127.0.0.1 speaking the documented protocol (backend-apis.md §8) under
/// `/v1beta`: `models/{model}:generateContent` answers a judge's question in JSON text (see
/// `FakeGemini+Judge`) or one inline PNG (painted with the request's
/// seed) with `usageMetadata`, or a safety block; `models/{model}:predictLongRunning` answers an
/// operation that is done after a number of polls (or when released), with a clip under
/// `files/{id}:download` that needs the key and is served once (then 404, as expired files are),
/// or with an `error`, or with the responsible-AI filter's reasons; `GET models` lists models.
/// It checks `x-goog-api-key` (Google's 400 `API_KEY_INVALID` for a wrong key, 403 without one),
/// plays scripted faults (429 with Retry-After and Google's error body), can redirect downloads
/// to another server, and counts calls — what Google bills. An extension (`instances[].video.uri`)
/// must name a clip this server made, on a Veo 3.1 model, until it is expired.
public actor FakeGemini {
    /// One accepted call.
    public struct Call: Sendable {
        public var id: String
        public var model: String
        public var body: JSONValue
    }

    /// Where a scripted fault is played.
    public enum Route: String, Sendable { case generate, predict, operation, file, models }

    public let key: String
    /// Image calls answered with an image or a block (each is billed).
    public internal(set) var generateCalls: [Call] = []
    /// Judge questions answered (`responseMimeType: application/json`; each is billed).
    public internal(set) var judgeCalls: [Call] = []
    /// A judge question about a candidate with exactly these bytes gets an answer that is not JSON.
    public var garbledCandidate: Data?
    /// Veo operations started.
    public internal(set) var videoSubmissions: [Call] = []
    public internal(set) var requestLog: [String] = []
    /// Clip downloads served, asked for after they expired, and those to `/cdn` that carried the key.
    public internal(set) var downloads = 0
    public internal(set) var expiredDownloads = 0
    public internal(set) var keyedCDNDownloads = 0
    public internal(set) var cdnDownloads = 0
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt with this word gets `finishReason: IMAGE_SAFETY` (images) or the RAI filter (clips).
    public var refusedWord: String? = "forbidden"
    /// A prompt with this word is blocked outright: `promptFeedback.blockReason`, no candidates.
    public var blockedWord: String? = "blocked"
    /// A clip prompt with this word ends with an operation `error` (code 13).
    public var failingWord: String? = "doomed"
    /// Polls an operation answers without `done` before it is done.
    public var pollsBeforeDone = 1
    /// Operations stay running until `release()`.
    public var hold = false
    public var video = FakeGemini.mp4Bytes
    /// The MP4 an extension (`instances[].video`) makes, as Google answers it: the whole video so
    /// far; `nil` serves `video`.
    public var extendedVideo: Data?
    /// The next this many clips are forgotten once downloaded, as expired ones are (see `expire(_:)`).
    public var forgetAfterDownload = 0
    /// The files of the clips made, which an extension may name until `expire(_:)`.
    var madeVideos: Set<String> = []
    /// When set, file downloads answer 302 to `{redirectFilesTo}/cdn/{name}`.
    public var redirectFilesTo: String?

    struct Operation {
        var call: Call
        var polls = 0
        /// Whether its clip was put up for download (once: later polls name the expired file).
        var served = false
    }

    var operations: [String: Operation] = [:]
    var files: [String: Data] = [:]

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(hold: Bool) { self.hold = hold }
    public func set(garbledCandidate: Data?) { self.garbledCandidate = garbledCandidate }
    public func set(pollsBeforeDone: Int) { self.pollsBeforeDone = pollsBeforeDone }
    public func set(video: Data) { self.video = video }
    public func set(redirectFilesTo: String?) { self.redirectFilesTo = redirectFilesTo }
    /// Lets held operations finish on their next poll.
    public func release() { hold = false }

    /// Veo operations started, for billing checks.
    public var videoCount: Int { videoSubmissions.count }

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "cdn", parts.count == 2 { return cdnFile(parts[1], request) }
        guard parts.first == "v1beta" else { return Self.error(404, "NOT_FOUND", "Not found") }
        guard let given = request.header("x-goog-api-key") else {
            return Self.error(
                403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers. Please use API Key.")
        }
        guard given == key else {
            return Self.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
        }
        let rest = Array(parts.dropFirst())
        switch (request.method, rest.count) {
        case ("GET", 1) where rest[0] == "models":
            return fault(.models)
                ?? .json(#"{"models": [{"name": "models/gemini-2.5-flash-image"}], "nextPageToken": "x"}"#)
        case ("GET", 2) where rest[0] == "files" && rest[1].hasSuffix(":download"):
            return fault(.file) ?? file(String(rest[1].dropLast(":download".count)))
        case ("GET", 4) where rest[0] == "models" && rest[2] == "operations":
            return fault(.operation) ?? poll("models/\(rest[1])/operations/\(rest[3])", base: Self.base(request))
        case ("POST", 2) where rest[0] == "models" && rest[1].hasSuffix(":generateContent"):
            return fault(.generate) ?? generate(model: String(rest[1].dropLast(":generateContent".count)), request)
        case ("POST", 2) where rest[0] == "models" && rest[1].hasSuffix(":predictLongRunning"):
            return fault(.predict) ?? predict(model: String(rest[1].dropLast(":predictLongRunning".count)), request)
        default:
            return Self.error(404, "NOT_FOUND", "Requested entity was not found.")
        }
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    /// Google's error body: `{"error": {"code", "message", "status"}}`.
    public static func error(
        _ code: Int, _ status: String, _ message: String, headers: [(String, String)] = []
    ) -> TestServerResponse {
        var response = TestServerResponse.json(
            value: [
                "error": JSONValue.object(["code": .int(code), "message": .string(message), "status": .string(status)])
            ],
            status: code)
        response.headers += headers
        return response
    }

    /// A 429 as Google sends it, with a Retry-After of `seconds`.
    public static func rateLimited(retryAfter seconds: Int) -> TestServerResponse {
        error(
            429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).",
            headers: [("Retry-After", "\(seconds)")])
    }

    static func base(_ request: TestServerRequest) -> String { "http://\(request.header("Host") ?? "127.0.0.1")" }

    /// A bare MP4 header, for tests that do not decode the clip.
    public static let mp4Bytes = Data(
        [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8))
}
