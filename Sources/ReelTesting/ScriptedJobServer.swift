import Foundation
import ReelEngine
import ReelKit
import ReelMedia

/// A stand-in for a remote generation service that keeps jobs across client "crashes": it
/// counts submissions and charges per image, so tests can check that nothing was paid twice.
public actor ScriptedJobServer {
    public private(set) var submissions = 0
    public private(set) var chargedUSD = 0.0
    private var jobs: [String: Request] = [:]
    private var dieOnNextCollect = 0
    private var failNextJobs = 0
    private var failedJobs: Set<String> = []

    public init() {}

    /// The next `count` collects fail as if Reel was killed while waiting for them.
    public func killClientDuringNextCollects(_ count: Int) { dieOnNextCollect = count }

    /// The next `count` jobs submitted fail on the server, for good: every collect of them
    /// throws, as a hosted run that ended in an error does.
    public func failNextJobs(_ count: Int) { failNextJobs = count }

    /// The server restarts and forgets its queue.
    public func restartForgettingJobs() {
        jobs = [:]
    }

    func submit(_ request: Request) -> String {
        submissions += 1
        let id = "job-\(submissions)"
        jobs[id] = request
        if failNextJobs > 0 {
            failNextJobs -= 1
            failedJobs.insert(id)
        }
        return id
    }

    func collect(_ id: String, price: Double) throws -> Request {
        guard let request = jobs[id] else { throw RemoteJobLost(jobID: id, backend: "scripted") }
        if failedJobs.contains(id) { throw ReelError(.backend, "job \(id) failed on the server") }
        if dieOnNextCollect > 0 {
            dieOnNextCollect -= 1
            throw ClientKilled()
        }
        jobs[id] = nil
        chargedUSD += price * Double(request.count)
        return request
    }

    func cancel(_ id: String) { jobs[id] = nil }
}

/// Thrown by `ScriptedJobServer` to stand for a Reel process that died mid-job.
public struct ClientKilled: ReelFailure {
    public init() {}
    public var code: ReelError.Code { ReelError.Code(rawValue: "client-killed") }
    public var kind: FailureKind { .interrupted }
    public var message: String { "the Reel process was killed mid-job" }
    public var description: String { message }
}

/// A resumable image backend on a `ScriptedJobServer`, drawing plain gradients.
public struct ScriptedResumableBackend: ResumableImageBackend {
    public let name = "scripted"
    public let server: ScriptedJobServer
    public let price: Double

    public init(server: ScriptedJobServer, pricePerImageUSD: Double = 0.04) {
        self.server = server
        self.price = pricePerImageUSD
    }

    public var capabilities: ImageCapabilities {
        ImageCapabilities(
            initImage: false, seed: true, negativePrompt: false, sizes: TestStudio.tinySizes, pricePerImageUSD: price)
    }

    public func submit(_ request: Request, as reserved: String?, context: GenerationContext) async throws -> String {
        await server.submit(request)
    }

    public func collect(jobID: String, request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let request = try await server.collect(jobID, price: price)
        return try (0..<request.count).map { index in
            let seed = request.seed(ofCandidate: index)
            let image = TestImages.gradient(width: request.width, height: request.height, seed: seed)
            return GeneratedImage(data: try image.encoded(as: .png), seed: seed, costUSD: price)
        }
    }

    public func cancel(jobID: String) async { await server.cancel(jobID) }
}

/// A killed process takes every job with it, not just its shot.
extension ClientKilled: StopsTheRun {}
