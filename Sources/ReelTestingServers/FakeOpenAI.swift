import Foundation
import ReelKit
import ReelMedia

/// An OpenAI API on 127.0.0.1 speaking the documented protocol (backend-apis.md §2 and the
/// speech endpoint): `POST …/images/generations` (JSON), `POST …/images/edits` (multipart,
/// images as `image` or `image[]` parts), `POST …/audio/speech` (a real short WAV), `GET
/// …/models`. It checks `Authorization: Bearer …` (a wrong key is answered, as OpenAI does,
/// with part of the key in the message), refuses prompts with a scripted word on moderation
/// (400 `moderation_blocked`), answers retired models 404 `model_not_found`, plays scripted
/// faults (429 with `retry-after-ms` and `retry-after`, 5xx), and counts paid calls — which is
/// what OpenAI bills.
public actor FakeOpenAI {
    /// One call OpenAI would bill (it answered with images or audio).
    public struct PaidCall: Sendable {
        public var route: Route
        public var model: String
        /// The prompt (images) or the input (speech).
        public var text: String
        /// The JSON body, or the multipart form's text fields as strings.
        public var fields: [String: JSONValue]
        /// The names of the image parts of an edit (`image` or `image[]`), in order.
        public var imageParts: [String]
        public var headers: [(String, String)]
        /// The bytes of the image parts, in order.
        public var images: [Data] = []
    }

    public enum Route: String, Sendable { case generations, edits, speech, models, chat }

    public let key: String
    public internal(set) var paidCalls: [PaidCall] = []
    /// A judge question about a candidate with exactly these bytes gets an answer that is not JSON.
    public var garbledCandidate: Data?
    public internal(set) var requestLog: [String] = []
    /// Canned answers by route, first one first, before the real one.
    public var faults: [Route: [TestServerResponse]] = [:]
    /// A prompt or line containing this word is refused on moderation.
    public var refusedWord: String? = "forbidden"
    /// A prompt containing this word is answered only after `release()` (a slow generation).
    public var heldWord: String?
    /// Models OpenAI has shut down: asked for, they answer 404 `model_not_found`.
    public var retiredModels: Set<String> = ["dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-1.5", "tts-0"]
    /// Output tokens billed per image made.
    public var outputTokensPerImage = 1000
    /// Whether speech WAVs carry the placeholder sizes of a streamed file (0xFFFFFFFF).
    public var streamedWAV = false

    public init(key: String) {
        self.key = key
    }

    public func set(faults: [Route: [TestServerResponse]]) { self.faults = faults }
    public func set(refusedWord: String?) { self.refusedWord = refusedWord }
    public func set(garbledCandidate: Data?) { self.garbledCandidate = garbledCandidate }
    public func set(heldWord: String?) { self.heldWord = heldWord }
    public func set(streamedWAV: Bool) { self.streamedWAV = streamedWAV }
    /// Lets held requests answer.
    public func release() { heldWord = nil }

    /// Paid calls, optionally on one route only.
    public func paidCount(_ route: Route? = nil) -> Int { paidCalls.filter { route == nil || $0.route == route }.count }

    /// Requests received whose prompt contains `word` (paid or not, answered or not).
    public func received(containing word: String) -> Int { received.filter { $0.contains(word) }.count }
    var received: [String] = []

    public func handle(_ request: TestServerRequest) async -> TestServerResponse {
        requestLog.append("\(request.method) \(request.path)")
        let route: Route?
        switch (request.method, request.path) {
        case ("POST", let path) where path.hasSuffix("/images/generations"): route = .generations
        case ("POST", let path) where path.hasSuffix("/images/edits"): route = .edits
        case ("POST", let path) where path.hasSuffix("/audio/speech"): route = .speech
        case ("GET", let path) where path.hasSuffix("/models"): route = .models
        case ("POST", let path) where path.hasSuffix("/chat/completions"): route = .chat
        default: route = nil
        }
        guard let route else { return Self.error(404, "Invalid URL (\(request.method) \(request.path))", code: nil) }
        guard request.header("Authorization") == "Bearer \(key)" else {
            let shown = (request.header("Authorization") ?? "").replacingOccurrences(of: "Bearer ", with: "")
            return Self.error(
                401, "Incorrect API key provided: \(shown.prefix(6))****\(shown.suffix(4)).", code: "invalid_api_key",
                type: "invalid_request_error")
        }
        if let fault = fault(route) { return fault }
        switch route {
        case .models: return .json(#"{"object": "list", "data": [{"id": "gpt-image-2", "object": "model"}]}"#)
        case .speech: return speech(request)
        case .chat: return chat(request)
        case .generations, .edits: return await images(request, route: route)
        }
    }

    func fault(_ route: Route) -> TestServerResponse? {
        guard var queue = faults[route], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        faults[route] = queue
        return first
    }

    /// OpenAI's error body.
    public static func error(
        _ status: Int, _ message: String, code: String?, type: String = "invalid_request_error"
    )
        -> TestServerResponse
    {
        let body = JSONValue.object([
            "error": .object([
                "message": .string(message), "type": .string(type), "param": .null,
                "code": code.map(JSONValue.string) ?? .null,
            ])
        ])
        var response = TestServerResponse.json(value: body, status: status)
        response.headers.append(("x-request-id", "req_fake\(status)"))
        return response
    }

    /// A 429 as OpenAI sends it, with both retry headers.
    public static func rateLimited(milliseconds: Int, seconds: Int) -> TestServerResponse {
        var response = error(
            429, "Rate limit reached for images per min. Please try again shortly.", code: "rate_limit_exceeded",
            type: "requests")
        response.headers += [("retry-after-ms", String(milliseconds)), ("retry-after", String(seconds))]
        return response
    }

    /// What a call for `model` with `text` is refused with, if it is.
    func refusal(model: String, text: String) -> TestServerResponse? {
        if retiredModels.contains(model) {
            return Self.error(
                404, "The model `\(model)` does not exist or you do not have access to it.", code: "model_not_found")
        }
        if let word = refusedWord, text.localizedCaseInsensitiveContains(word) {
            return Self.error(
                400, "Your request was rejected as a result of our safety system.", code: "moderation_blocked",
                type: "image_generation_user_error")
        }
        return nil
    }

    func record(_ call: PaidCall) { paidCalls.append(call) }
}
