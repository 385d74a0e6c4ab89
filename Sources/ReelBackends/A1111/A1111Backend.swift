import Foundation
import ReelKit

/// Drives an AUTOMATIC1111 or Forge server (started with `--api`): txt2img, or img2img when the
/// request starts from an image. The POST blocks until the images are made; meanwhile
/// /sdapi/v1/progress is polled for the progress bar, and a cancelled task interrupts the job.
///
/// ```swift
/// let a1111 = A1111Backend(baseURL: "http://127.0.0.1:7860", transport: transport, steps: 30)
/// let images = try await a1111.generate(request, context: context)
/// ```
public struct A1111Backend: ImageBackend {
    public let name = "a1111"
    public var baseURL: String
    public var steps: Int?
    public var sampler: String?
    public var cfgScale: Double?
    /// The checkpoint jobs run on (sent as `override_settings`); nil for the one loaded.
    public var checkpoint: String?
    /// How often progress is asked for while an image is made.
    public var progressInterval: Duration
    let transport: HTTPTransport

    public init(
        baseURL: String = "http://127.0.0.1:7860", transport: HTTPTransport, steps: Int? = nil, sampler: String? = nil,
        cfgScale: Double? = nil, checkpoint: String? = nil, progressInterval: Duration = .seconds(1)
    ) {
        self.checkpoint = checkpoint
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
        self.steps = steps
        self.sampler = sampler
        self.cfgScale = cfgScale
        self.progressInterval = progressInterval
    }

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: true, seed: true, negativePrompt: true, promptWeights: true, characterReferences: true,
            characterReferenceLimit: A1111Regions.controlNetUnits, placesPeople: true, maxBatch: 8,
            sizes: SizeRule(multiple: 64, minSide: 256, maxSide: 2048, maxPixels: 1024 * 1024))
    }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        var body = A1111Wire.GenerateRequest(
            prompt: PromptEmphasis.text(of: request), negative_prompt: request.negative ?? "",
            seed: Int64(request.seed),
            width: request.width, height: request.height, batch_size: max(1, request.count), steps: steps,
            cfg_scale: cfgScale, sampler_name: sampler)
        if let checkpoint {
            body.override_settings = ["sd_model_checkpoint": checkpoint]
            body.override_settings_restore_afterwards = false
        }
        try await addRegionsAndReferences(to: &body, request: request, context: context)
        var path = "/sdapi/v1/txt2img"
        if let source = request.initImage {
            body.init_images = [try context.data(of: source).base64EncodedString()]
            body.denoising_strength = request.strength ?? 0.6
            path = "/sdapi/v1/img2img"
        }
        let call = try HTTPCall.post(baseURL + path, encoding: body)
        let answer: HTTPAnswer
        do {
            answer = try await withProgress(context: context) {
                try await transport.send(call).checked(backend: name, url: call.url)
            }
        } catch is CancellationError {
            await interrupt()
            throw CancellationError()
        }
        let response = try answer.decoded(A1111Wire.GenerateResponse.self, backend: name, what: path)
        return try images(of: response, request: request, scratch: context.scratchDirectory)
    }

    /// The candidates of an answer, each decoded from base64 into a file in `scratch` and let go,
    /// so the engine never holds their bytes (the answer's JSON is held while it is read).
    func images(of response: A1111Wire.GenerateResponse, request: Request, scratch: URL) throws -> [GeneratedImage] {
        let info = response.info.flatMap { try? JSONDecoder().decode(A1111Wire.Info.self, from: Data($0.utf8)) }
        let seeds = info?.all_seeds ?? info?.seed.map { [$0] } ?? []
        // A batch may add a grid image before the candidates; keep only as many as were asked for,
        // from the end, where the candidates are.
        let encoded = response.images ?? []
        guard !encoded.isEmpty else {
            throw BackendError(
                .badResponse, backend: name, "AUTOMATIC1111 answered without images; check the server's console")
        }
        let candidates = Array(encoded.suffix(max(1, request.count)))
        return try candidates.enumerated().map { index, text in
            let stripped = text.split(separator: ",", maxSplits: 1).last.map(String.init) ?? text
            guard let data = Data(base64Encoded: stripped, options: .ignoreUnknownCharacters) else {
                throw BackendError(
                    .notAnImage, backend: name, "AUTOMATIC1111 returned image \(index + 1) that is not base64 data")
            }
            try ImageCheck.verify(data, backend: name, what: "image \(index + 1)")
            let seed = index < seeds.count ? UInt32(truncatingIfNeeded: seeds[index]) : request.seed(ofCandidate: index)
            let local = scratch.appending(path: "a1111-\(UUID().uuidString)")
            try data.write(to: local)
            return GeneratedImage(file: local, seed: seed)
        }
    }

    /// Runs `body` while polling the server's progress; the poll stops when `body` returns.
    func withProgress<T: Sendable>(
        context: GenerationContext, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while !Task.isCancelled {
                    try? await transport.clock.sleep(for: progressInterval)
                    guard !Task.isCancelled else { break }
                    let call = HTTPCall.get(
                        baseURL + "/sdapi/v1/progress?skip_current_image=true", timeout: .seconds(5))
                    if let answer = try? await transport.send(call, retry: .once), answer.status == 200,
                        let progress = try? JSONDecoder().decode(A1111Wire.Progress.self, from: answer.body)
                    {
                        context.progress(min(max(progress.progress ?? 0, 0), 1), progress.textinfo ?? "generating")
                    }
                }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
            }
            throw CancellationError()
        }
    }

    /// Stops the job the server is running (A1111 has one at a time; the call is global).
    func interrupt() async {
        let transport = transport
        let call = HTTPCall(method: "POST", url: baseURL + "/sdapi/v1/interrupt")
        await Task { _ = try? await transport.send(call, retry: .once) }.value
    }
}

extension A1111Backend {
    /// Whether the server answers GET /internal/ping within `timeout` (a webui started without
    /// `--api` answers that but not /sdapi, so /sdapi/v1/options is asked too).
    public func ping(timeout: Duration = .seconds(2)) async -> Result<String, BackendError> {
        do {
            let call = HTTPCall.get(baseURL + "/sdapi/v1/options", timeout: timeout)
            let answer = try await transport.send(call, retry: .once)
            if answer.status == 404 {
                return .failure(
                    BackendError(
                        .rejected, backend: name, "the server at \(baseURL) has no API; start the webui with --api",
                        status: 404))
            }
            _ = try answer.checked(backend: name, url: call.url)
            return .success("AUTOMATIC1111 API")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: name, "\(error)"))
        }
    }
}
