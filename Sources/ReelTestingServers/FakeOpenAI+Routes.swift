import Foundation
import ReelKit
import ReelMedia

/// The image and speech routes.
extension FakeOpenAI {
    func images(_ request: TestServerRequest, route: Route) async -> TestServerResponse {
        var fields: [String: JSONValue] = [:]
        var imageParts: [String] = []
        var inputImages: [Data] = []
        if route == .generations {
            guard case .object(let body)? = try? JSONDecoder().decode(JSONValue.self, from: request.body) else {
                return Self.error(400, "We could not parse the JSON body of your request.", code: nil)
            }
            fields = body
        } else {
            guard let parts = Multipart.parse(request) else {
                return Self.error(400, "Expected a multipart/form-data body.", code: nil)
            }
            for part in parts {
                if part.name == "image" || part.name == "image[]" {
                    guard ImageFormat.sniff(part.data) != nil else {
                        return Self.error(
                            400, "Invalid image file or mode for image \(imageParts.count + 1).", code: nil)
                    }
                    imageParts.append(part.name)
                    inputImages.append(part.data)
                } else {
                    fields[part.name] = .string(String(decoding: part.data, as: UTF8.self))
                }
            }
            guard !imageParts.isEmpty, imageParts.count <= 16 else {
                return Self.error(400, "Provide between 1 and 16 images.", code: nil)
            }
        }
        let model = fields["model"]?.string ?? "dall-e-2"
        let prompt = fields["prompt"]?.string ?? ""
        received.append(prompt)
        if let refusal = refusal(model: model, text: prompt) { return refusal }
        let count = fields["n"]?.int ?? fields["n"]?.string.flatMap { Int($0) } ?? 1
        let size = (fields["size"]?.string ?? "1024x1024").split(separator: "x").compactMap { Int($0) }
        guard (1...10).contains(count), size.count == 2, size[0] % 16 == 0, size[1] % 16 == 0 else {
            return Self.error(400, "Invalid 'n' or 'size'.", code: "invalid_value")
        }
        while let word = heldWord, prompt.contains(word) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        record(
            PaidCall(
                route: route, model: model, text: prompt, fields: fields, imageParts: imageParts,
                headers: request.headers, images: inputImages))
        let images = (0..<count).map { index in
            JSONValue.object([
                "b64_json": .string(
                    Self.png(width: min(size[0], 64), height: min(size[1], 64), seed: paidCalls.count * 10 + index)
                        .base64EncodedString())
            ])
        }
        let inputImageTokens = imageParts.count * 500
        return .json(
            value: JSONValue.object([
                "created": .int(1_765_000_000), "data": .array(images), "size": .string("\(size[0])x\(size[1])"),
                "quality": .string(fields["quality"]?.string ?? "auto"), "output_format": .string("png"),
                "usage": .object([
                    "input_tokens": .int(50 + inputImageTokens),
                    "input_tokens_details": .object(["image_tokens": .int(inputImageTokens), "text_tokens": .int(50)]),
                    "output_tokens": .int(outputTokensPerImage * count),
                    "total_tokens": .int(50 + inputImageTokens + outputTokensPerImage * count),
                ]),
            ]))
    }

    func speech(_ request: TestServerRequest) -> TestServerResponse {
        guard case .object(let body)? = try? JSONDecoder().decode(JSONValue.self, from: request.body),
            let model = body["model"]?.string, let input = body["input"]?.string, let voice = body["voice"]?.string
        else {
            return Self.error(400, "'model', 'input' and 'voice' are required.", code: "missing_required_parameter")
        }
        received.append(input)
        if let refusal = refusal(model: model, text: input) { return refusal }
        let voices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse"]
        guard voices.contains(voice) || voice == "marin" || voice == "cedar" else {
            return Self.error(400, "Invalid value for 'voice': '\(voice)'.", code: "invalid_value")
        }
        guard input.count <= 4096 else {
            return Self.error(400, "'input' is too long.", code: "string_above_max_length")
        }
        record(
            PaidCall(route: .speech, model: model, text: input, fields: body, imageParts: [], headers: request.headers))
        // About 15 characters a second at speed 1.
        let speed = body["speed"]?.double ?? 1
        let seconds = max(0.3, Double(input.count) / 15 / speed)
        return TestServerResponse(
            status: 200, headers: [("Content-Type", "audio/wav")],
            body: Self.wav(seconds: seconds, streamed: streamedWAV))
    }

    /// A mono 16-bit 24 kHz WAV of a quiet tone, `seconds` long; `streamed` writes the RIFF and
    /// data sizes as 0xFFFFFFFF, as a file written while it streams does.
    public static func wav(seconds: Double, streamed: Bool = false) -> Data {
        let rate = 24_000
        let samples = Int(seconds * Double(rate))
        func le(_ value: Int, _ bytes: Int) -> [UInt8] {
            (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        let dataBytes = samples * 2
        var data = Data("RIFF".utf8) + le(streamed ? 0xFFFF_FFFF : 36 + dataBytes, 4) + Data("WAVEfmt ".utf8)
        data += le(16, 4) + le(1, 2) + le(1, 2) + le(rate, 4) + le(rate * 2, 4) + le(2, 2) + le(16, 2)
        data += Data("data".utf8) + le(streamed ? 0xFFFF_FFFF : dataBytes, 4)
        var pcm = [UInt8]()
        pcm.reserveCapacity(dataBytes)
        for index in 0..<samples {
            let value = Int(sin(Double(index) * 2 * .pi * 220 / Double(rate)) * 3000)
            pcm += le(value, 2)
        }
        return data + pcm
    }

    /// A tiny PNG whose colour tells calls and candidates apart.
    public static func png(width: Int, height: Int, seed: Int) -> Data {
        let image = RGBAImage(
            width: max(1, width), height: max(1, height),
            fill: (UInt8(truncatingIfNeeded: seed), UInt8(truncatingIfNeeded: seed >> 8), 77, 255))
        return (try? image.encoded(as: .png)) ?? Data()
    }
}
