import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// A take the engine made or found already made.
public struct TakeOutcome: Sendable {
    public var take: Take
    /// True when an identical request had already been made and nothing was generated.
    public var reused: Bool
}

extension Studio {
    /// Midjourney's /imagine: a grid of candidates for the shot's current prompt. Asking again
    /// with nothing changed shows the same take; `reroll` asks for new seeds.
    public func generate(shotID: String) async throws -> TakeOutcome {
        try await downloadReferenceURLs()
        try await makeMissingSheets(for: try shot(shotID))
        let current = try currentRequest(for: try shot(shotID))
        current.notes.forEach(progress.warning)
        return try await runTake(current: current, kind: .generate, request: current.request, parent: nil)
    }

    /// The same prompt with new seeds.
    public func reroll(shotID: String) async throws -> TakeOutcome {
        try await downloadReferenceURLs()
        try await makeMissingSheets(for: try shot(shotID))
        let current = try currentRequest(for: try shot(shotID))
        let previous = try store.takes(shot: shotID).filter {
            $0.promptKey == current.promptKey.hex && $0.kind == .reroll
        }
        var request = current.request
        request.seed = Seeds.derived(from: current.request.seed, purpose: "reroll", index: previous.count + 1)
        return try await runTake(current: current, kind: .reroll, request: request, parent: nil)
    }

    /// Four variations of a candidate: the candidate as init image, a little (`strong: false`)
    /// or a lot of freedom, new seeds.
    public func vary(shotID: String, candidate reference: CandidateReference, strong: Bool) async throws -> TakeOutcome
    {
        let shot = try shot(shotID)
        let (parent, candidate) = try resolveCandidate(reference, shotID: shotID)
        let backend = try registry.image(parent.backend)
        guard backend.capabilities.initImage else {
            throw ReelError(
                .invalidInput, "backend '\(backend.name)' cannot start from an image, so it cannot make variations")
        }
        var request = try parent.decodedRequest()
        let kind: Take.Kind = strong ? .varyStrong : .varySubtle
        let siblings = try store.takes(shot: shotID).filter {
            $0.parentTakeID == parent.id && $0.parentCandidateIndex == candidate.index && $0.kind == kind
        }
        request.initImage = .blob(candidate.blob.hex)
        request.strength = strong ? Self.strongVariation : Self.subtleVariation
        request.seed = Seeds.derived(
            from: UInt32(truncatingIfNeeded: candidate.seed), purpose: kind.rawValue, index: siblings.count + 1)
        let current = CurrentRequest(
            shot: shot, backend: parent.backend, request: request, promptKey: StepKey(hex: parent.promptKey), notes: [])
        return try await runTake(current: current, kind: kind, request: request, parent: (parent, candidate.index))
    }

    public static let subtleVariation = 0.25
    public static let strongVariation = 0.6

    /// The candidate a reference names, checked against the store.
    func resolveCandidate(_ reference: CandidateReference, shotID: String) throws -> (Take, Candidate) {
        let take: Take
        if let id = reference.take {
            guard let found = try store.take(id: id), found.shotID == shotID else {
                throw ReelError(
                    .notFound, "shot '\(shotID)' has no take \(id)", suggesting: [.listTakes(shot: shotID)])
            }
            take = found
        } else {
            guard let latest = try store.latestTake(shot: shotID) else {
                throw ReelError(
                    .notFound, "shot '\(shotID)' has no takes yet", suggesting: [.generate(shot: shotID)])
            }
            take = latest
        }
        guard let candidate = take.candidates.first(where: { $0.index == reference.index }) else {
            throw ReelError(
                .invalidInput,
                "take \(take.id) of shot '\(shotID)' has no candidate \(reference.index) (it has 1–\(take.candidates.count))"
            )
        }
        return (take, candidate)
    }

    /// Runs one take unless an identical one is stored, and records it with its grid.
    func runTake(
        current: CurrentRequest, kind: Take.Kind, request: Request, parent: (take: Take, index: Int)?,
        force: Bool = false
    ) async throws -> TakeOutcome {
        let backend = try registry.image(current.backend)
        let key = try StepKey(kind: "take", backend: backend.name, inputs: request)
        if !force, let existing = try store.take(stepKey: key.hex), existing.shotID == current.shot.id {
            return TakeOutcome(take: existing, reused: true)
        }
        let step = "\(current.shot.id): \(kind.verb)"
        progress.emit(.started(step: step, detail: "\(request.count) candidates on \(backend.name)", total: 100))
        let started = Date()
        // Results may be files in the scratch directory: they are drawn and stored before it goes.
        let (images, candidates, gridBlob) = try await withScratchDirectory { scratch in
            let images = try await journaledGeneration(
                key: key, shotID: current.shot.id, backend: backend, request: request,
                context: context(scratch: scratch, step: step))
            guard !images.isEmpty else {
                throw ReelError(.backend, "backend '\(backend.name)' returned no images for shot '\(current.shot.id)'")
            }
            let (candidates, gridBlob) = try storeCandidates(
                images, request: request, backend: backend.name, scratch: scratch)
            return (images, candidates, gridBlob)
        }
        let take = try store.recordTake(
            Take.Draft(
                shotID: current.shot.id, kind: kind, parentTakeID: parent?.take.id, parentCandidateIndex: parent?.index,
                stepKey: key.hex, promptKey: current.promptKey.hex, backend: backend.name,
                requestJSON: try CanonicalEncoding.string(request), seeds: candidates.map(\.seed),
                costUSD: images.reduce(0) { $0 + $1.costUSD },
                durationSeconds: Date().timeIntervalSince(started), gridBlob: gridBlob, candidates: candidates))
        try finishJob(key: key, takeID: take.id)
        let gridFile = try? publishGrid(of: take)
        progress.emit(
            .finished(
                step: step, detail: "take \(take.id), grid \(gridFile.map(project.displayPath) ?? gridBlob.short)"))
        return TakeOutcome(take: take, reused: false)
    }

    /// Stores each candidate and draws the take's grid, one candidate at a time and each decoded
    /// straight into its cell: a take of 2048² results never holds a whole one in memory.
    private func storeCandidates(
        _ images: [GeneratedImage], request: Request, backend: String, scratch: URL
    ) throws -> ([Candidate.Draft], BlobID) {
        var grid: CandidateGrid?
        var candidates: [Candidate.Draft] = []
        for (offset, image) in images.enumerated() {
            let decoder: DownsamplingDecoder
            do {
                decoder = try image.decoder()
                if grid == nil { grid = CandidateGrid(count: images.count, first: (decoder.width, decoder.height)) }
                try grid?.place(decoding: decoder, at: offset)
            } catch {
                throw ReelError(
                    .backend,
                    "backend '\(backend)' returned candidate \(offset + 1) that is not a usable image: \(error)")
            }
            let blob: BlobID
            switch image.content {
            case .data(let data): blob = try store.blobs.put(data)
            case .file(let url): blob = try store.blobs.put(fileAt: url)
            }
            candidates.append(
                Candidate.Draft(
                    blob: blob, seed: UInt64(image.seed ?? request.seed(ofCandidate: offset)), width: decoder.width,
                    height: decoder.height))
        }
        guard let grid else { throw ReelError(.internal, "a take from '\(backend)' has no candidates") }
        // Encoded into a file and copied into the store: the encoded grid is never in memory.
        let gridFile = scratch.appending(path: "grid.png")
        try grid.image.writePNG(to: gridFile, fast: true)
        return (candidates, try store.blobs.put(fileAt: gridFile))
    }

    /// Where a take's grid is shown to the user: `out/takes/SHOT-take-N.png`, a link to the
    /// blob (the store keeps blobs under their hashes, which no image viewer opens by name).
    public func gridFile(of take: Take) -> URL {
        project.outputDirectory.appending(path: "takes").appending(path: "\(take.shotID)-take-\(take.id).png")
    }

    @discardableResult
    func publishGrid(of take: Take) throws -> URL? {
        guard let grid = take.gridBlob else { return nil }
        let target = gridFile(of: take)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.path) { return target }
        try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try fileManager.linkItem(at: store.blobs.url(grid), to: target)
        } catch {
            try fileManager.copyItem(at: store.blobs.url(grid), to: target)
        }
        return target
    }

    /// Makes `candidate` of a take the shot's pick.
    @discardableResult
    public func pick(shotID: String, candidate reference: CandidateReference, auto: Bool = false) throws -> Pick {
        _ = try shot(shotID)
        let (take, candidate) = try resolveCandidate(reference, shotID: shotID)
        return try store.pick(shot: shotID, take: take.id, candidate: candidate.index, auto: auto)
    }
}

extension GeneratedImage {
    /// A decoder over the image's file or bytes (its header read, nothing decoded yet).
    func decoder() throws -> DownsamplingDecoder {
        switch content {
        case .data(let data): return try DownsamplingDecoder(data: data)
        case .file(let url): return try DownsamplingDecoder(fileAt: url)
        }
    }
}

extension Take.Kind {
    var verb: String {
        switch self {
        case .generate: "generate"
        case .reroll: "reroll"
        case .varySubtle: "vary (subtle)"
        case .varyStrong: "vary (strong)"
        case .fromImage: "from image"
        }
    }
}

extension Take {
    /// The backend-neutral request this take sent.
    public func decodedRequest() throws -> Request {
        do {
            return try JSONDecoder().decode(Request.self, from: Data(requestJSON.utf8))
        } catch {
            throw ReelError(.internal, "take \(id) holds a request this Reel cannot read: \(error)")
        }
    }
}
