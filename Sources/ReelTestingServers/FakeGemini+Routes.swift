import Foundation
import ReelKit
import ReelMedia

/// The image, operation and file routes.
extension FakeGemini {
    func generate(model: String, _ request: TestServerRequest) -> TestServerResponse {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: request.body),
            let parts = body["contents"]?.array?.first?["parts"]?.array
        else { return Self.error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.") }
        if body["generationConfig"]?["responseMimeType"]?.string == "application/json" {
            return judge(model: model, body: body, parts: parts)
        }
        let prompt = parts.compactMap { $0["text"]?.string }.joined(separator: " ")
        let images = parts.filter { $0["inlineData"] != nil }.count
        generateCalls.append(Call(id: UUID().uuidString, model: model, body: body))
        let usage =
            #"{"promptTokenCount": \#(10 + 258 * images), "candidatesTokenCount": 1290, "totalTokenCount": \#(1300 + 258 * images), "#
            + #""candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1290}]}"#
        if let word = blockedWord, prompt.localizedCaseInsensitiveContains(word) {
            return .json(
                #"{"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"}, "usageMetadata": {"promptTokenCount": 10, "totalTokenCount": 10}}"#
            )
        }
        if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
            return .json(
                #"{"candidates": [{"content": {"role": "model", "parts": [{"text": "I can't make that image."}]}, "#
                    + #""finishReason": "IMAGE_SAFETY", "finishMessage": "Unable to show the generated image: it may violate the usage guidelines."}], "#
                    + #""usageMetadata": \#(usage)}"#)
        }
        let seed = body["generationConfig"]?["seed"]?.int ?? 0
        let ratio = AspectRatio(parsing: body["generationConfig"]?["imageConfig"]?["aspectRatio"]?.string ?? "1:1")
        let width = ratio.map { $0.width >= $0.height ? 32 : max(8, 32 * $0.width / $0.height) } ?? 32
        let height = ratio.map { $0.height >= $0.width ? 32 : max(8, 32 * $0.height / $0.width) } ?? 32
        let png = FakeFal.png(width: width, height: height, seed: seed).base64EncodedString()
        return .json(
            #"{"candidates": [{"content": {"role": "model", "parts": [{"text": "Here is the image."}, "#
                + #"{"inlineData": {"mimeType": "image/png", "data": "\#(png)"}}]}, "finishReason": "STOP"}], "#
                + #""usageMetadata": \#(usage), "modelVersion": "\#(model)"}"#)
    }

    func predict(model: String, _ request: TestServerRequest) -> TestServerResponse {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: request.body),
            body["instances"]?.array?.first?["prompt"]?.string != nil
        else { return Self.error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.") }
        if let uri = body["instances"]?.array?.first?["video"]?["uri"]?.string,
            let refusal = extensionProblem(uri, model)
        {
            return refusal
        }
        if let last = body["instances"]?.array?.first?["lastFrame"] {
            // Interpolation: Veo 3.1 only, with a first frame, inline.
            guard model.hasPrefix("veo-3.1"), body["instances"]?.array?.first?["image"] != nil,
                last["bytesBase64Encoded"]?.string.flatMap({ Data(base64Encoded: $0) }) != nil
            else { return Self.error(400, "INVALID_ARGUMENT", "lastFrame isn't supported for this request.") }
        }
        let name = "models/\(model)/operations/\(UUID().uuidString.lowercased().prefix(12))"
        let call = Call(id: name, model: model, body: body)
        videoSubmissions.append(call)
        operations[name] = Operation(call: call)
        return .json(value: ["name": name])
    }

    func poll(_ name: String, base: String) -> TestServerResponse {
        guard var operation = operations[name] else {
            return Self.error(404, "NOT_FOUND", "Requested entity was not found.")
        }
        operation.polls += 1
        operations[name] = operation
        if hold || operation.polls <= pollsBeforeDone {
            return .json(#"{"name": "\#(name)", "metadata": {}}"#)
        }
        let prompt = operation.call.body["instances"]?.array?.first?["prompt"]?.string ?? ""
        let type = "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse"
        if let word = failingWord, prompt.contains(word) {
            return .json(
                #"{"name": "\#(name)", "done": true, "error": {"code": 13, "message": "Video generation failed due to an internal error."}}"#
            )
        }
        if let word = refusedWord, prompt.localizedCaseInsensitiveContains(word) {
            return .json(
                #"{"name": "\#(name)", "done": true, "response": {"@type": "\#(type)", "generateVideoResponse": "#
                    + #"{"raiMediaFilteredCount": 1, "raiMediaFilteredReasons": ["#
                    + #""Veo could not generate videos because the input image violates Veo's usage guidelines."]}}}"#)
        }
        let file = String(name.split(separator: "/").last ?? "clip")
        if !operation.served {
            files[file] =
                operation.call.body["instances"]?.array?.first?["video"] != nil ? (extendedVideo ?? video) : video
            madeVideos.insert(file)
            operation.served = true
            operations[name] = operation
        }
        return .json(
            #"{"name": "\#(name)", "done": true, "response": {"@type": "\#(type)", "generateVideoResponse": "#
                + #"{"generatedSamples": [{"video": {"uri": "\#(base)/v1beta/files/\#(file):download?alt=media"}}]}}}"#)
    }

    /// Serves a clip once (with the key); after that it has expired.
    func file(_ name: String) -> TestServerResponse {
        if let target = redirectFilesTo, files[name] != nil {
            return TestServerResponse(status: 302, headers: [("Location", "\(target)/cdn/\(name)")])
        }
        guard let data = files.removeValue(forKey: name) else {
            expiredDownloads += 1
            return Self.error(404, "NOT_FOUND", "File \(name) was not found.")
        }
        downloads += 1
        if forgetAfterDownload > 0, let operation = operations.keys.first(where: { $0.hasSuffix("/\(name)") }) {
            forgetAfterDownload -= 1
            expire(operation)
        }
        return TestServerResponse(status: 200, headers: [("Content-Type", "video/mp4")], body: data)
    }

    /// Where a redirected download lands: no key needed, and it should carry none.
    func cdnFile(_ name: String, _ request: TestServerRequest) -> TestServerResponse {
        cdnDownloads += 1
        if request.header("x-goog-api-key") != nil { keyedCDNDownloads += 1 }
        guard let data = files.removeValue(forKey: name) else { return .empty(404) }
        downloads += 1
        return TestServerResponse(status: 200, headers: [("Content-Type", "video/mp4")], body: data)
    }
}
