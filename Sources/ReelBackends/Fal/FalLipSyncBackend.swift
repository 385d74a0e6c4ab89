import Foundation
import ReelKit

/// Lip-sync on fal (`fal-ai/sync-lipsync`, sync.so's model): the shot's clip goes as
/// `video_url`, its lines mixed into one track as long as the clip as `audio_url`, and fal
/// answers a clip whose speaker's lips follow the track. `sync_mode: cut_off` keeps the clip's
/// length, since the track is exactly as long. Both inputs go inline as `data:` URIs, which
/// fal's model APIs accept for file inputs (fal's docs note that large files are slower that
/// way than through its CDN; Reel's clips are a few MB).
///
/// ```swift
/// let sync = FalLipSyncBackend(client: client, model: FalPrices.model("fal-ai/sync-lipsync")!)
/// let id = try await sync.submit(request, context: context)
/// ```
public struct FalLipSyncBackend: LipSyncBackend, SetupChecked {
    public let name = "fal"
    public var model: FalModel
    let client: FalClient

    public init(client: FalClient, model: FalModel) {
        self.client = client
        self.model = model
    }

    public var capabilities: LipSyncCapabilities {
        LipSyncCapabilities(model: model.id, pricePerSecondUSD: model.pricePerSecond)
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func submit(_ request: LipSyncRequest, context: GenerationContext) async throws -> String {
        try await client.slotted { try await submitRequest(request, context: context) }
    }

    private func submitRequest(_ request: LipSyncRequest, context: GenerationContext) async throws -> String {
        var input: [String: JSONValue] = [
            "video_url": .string(DataURI.encode(try context.readBlob(request.video), type: "video/mp4")),
            "audio_url": .string(DataURI.encode(try context.readBlob(request.audio), type: "audio/mp4")),
            "sync_mode": .string("cut_off"),
        ]
        for (key, value) in model.fixedInput { input[key] = value }
        return FalHandle(requests: [try await client.submit(model: model.id, input: input)]).encoded
    }

    public func collect(
        jobID: String, request: LipSyncRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        try await client.finishing(jobID) {
            try await collectRequest(jobID: jobID, request: request, to: output, context: context)
        }
    }

    private func collectRequest(
        jobID: String, request: LipSyncRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        guard let handle = FalHandle(encoded: jobID), let submitted = handle.requests.first else {
            throw RemoteJobLost(jobID: jobID, backend: name)
        }
        let body = try await client.result(of: submitted, model: model.id) { note in context.progress(0.1, note) }
        let result = try HTTPAnswer(status: 200, headers: [], body: body).decoded(
            FalWire.VideoOutput.self, backend: name, what: "the result of \(model.id)")
        context.progress(0.9, "downloading the synced clip")
        try await client.download(result.video, jobID: jobID, to: output)
        try ClipCheck.verifyMP4(at: output, backend: name, model: model.id)
        context.progress(1, "done")
        return GeneratedClip(duration: request.duration, costUSD: model.pricePerSecond * request.duration)
    }

    public func cancel(jobID: String) async {
        await client.pace?.finish(jobID, succeeded: false)
        for submitted in FalHandle(encoded: jobID)?.requests ?? [] { await client.cancel(submitted) }
    }
}
