import Foundation
import ReelEngine
import ReelKit
import ReelStore

extension StudioAPI {
    func filmSummary(_ studio: Studio) throws -> API.FilmSummary {
        let film = studio.film
        var outputs: [String: String] = [:]
        for file in OutputFile.allCases {
            let url = project.outputDirectory.appending(path: file.rawValue)
            if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                let date = attributes[.modificationDate] as? Date
            {
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                outputs[file.rawValue] = "\(Int(date.timeIntervalSince1970 * 1000))-\(size)"
            }
        }
        return API.FilmSummary(
            title: film.title, aspect: film.aspect.description, fps: film.fps, shots: film.shots.count,
            picked: try studio.store.picks().count, durationSeconds: try studio.plannedDuration(),
            costUSD: try studio.store.totalCost(), costByShot: try studio.store.costByShot(), outputs: outputs)
    }

    func shotSummaries(_ studio: Studio) throws -> [API.ShotSummary] {
        let running = jobs.activeShots
        return try studio.status().enumerated().map { offset, status in
            try summary(status, number: offset + 1, studio: studio, running: running)
        }
    }

    func summary(_ status: ShotStatus, number: Int, studio: Studio, running: Set<String>) throws -> API.ShotSummary {
        let shot = try studio.shot(status.id)
        return API.ShotSummary(
            number: number, id: status.id, framing: status.framing, camera: shot.camera?.rawValue,
            duration: status.duration, prompt: shot.promptText,
            state: running.contains(status.id) ? "generating" : status.state.rawValue, failure: status.failure,
            takes: status.takes,
            pick: status.pick, autoPicked: status.autoPicked,
            pickBlob: try studio.store.pickedCandidate(for: status.id)?.blob.hex, pieces: status.pieces,
            costUSD: status.costUSD)
    }

    func shotDetail(_ studio: Studio, id: String) async throws -> API.ShotDetail {
        let shot = try studio.shot(id)
        var statuses = try studio.status()
        if CastSheet.name(ofSheet: id) != nil {
            // A reference sheet is paged among the other sheets, not the film's shots.
            statuses = try studio.sheetStatuses()
        }
        guard let position = statuses.firstIndex(where: { $0.id == id }) else {
            throw ServerError(.notFound, "film has no shot '\(id)'")
        }
        let current: CurrentRequest?
        var problem: String?
        do {
            current = try studio.currentRequest(for: shot)
        } catch {
            current = nil
            problem = ServerError(error).message
        }
        let pick = try studio.store.pick(for: id)
        let stored = try studio.store.takes(shot: id).sorted { $0.id > $1.id }
        let (badges, identityProblem) = await identityBadges(studio, shotID: id, takes: stored)
        let takes = stored.map { take in
            API.Take(
                id: take.id, kind: take.kind.rawValue, parent: take.parentTakeID,
                parentCandidate: take.parentCandidateIndex, createdAt: take.createdAt, backend: take.backend,
                costUSD: take.costUSD, seconds: take.durationSeconds, grid: take.gridBlob?.hex,
                current: take.promptKey == current?.promptKey.hex,
                picked: pick?.takeID == take.id ? pick?.candidateIndex : nil,
                prompt: (try? take.decodedRequest())?.prompt,
                candidates: take.candidates.map {
                    API.Candidate(
                        index: $0.index, blob: $0.blob.hex, seed: $0.seed, width: $0.width, height: $0.height,
                        identity: badges[take.id]?.badges[$0.index])
                })
        }
        func node(_ tree: TakeNode) -> API.TreeNode {
            API.TreeNode(
                take: tree.take.id, kind: tree.take.kind.rawValue, parentCandidate: tree.take.parentCandidateIndex,
                picked: tree.pickedCandidate, children: tree.children.map(node))
        }
        return API.ShotDetail(
            shot: try summary(statuses[position], number: position + 1, studio: studio, running: jobs.activeShots),
            previous: position > 0 ? statuses[position - 1].id : nil,
            next: position + 1 < statuses.count ? statuses[position + 1].id : nil,
            backend: current?.backend, request: current?.request, requestProblem: problem,
            notes: current?.notes ?? [], takes: takes, tree: try studio.takeTree(shotID: id).map(node),
            identityProblem: identityProblem)
    }

    /// Each take's identity badges from the scores already stored; candidates not scored yet are
    /// scored in the background (``BackgroundIdentityScoring``), and the page is told to refresh
    /// when new badges are ready. The page never waits for dlib.
    func identityBadges(
        _ studio: Studio, shotID: String, takes: [Take]
    ) async -> (badges: [Int64: TakeBadges], problem: String?) {
        let review = IdentityReview(studio: studio, describer: SharedFaceDescriber.get)
        var badges: [Int64: TakeBadges] = [:]
        var unscored: [Take] = []
        for take in takes {
            badges[take.id] = await review.badges(shotID: shotID, take: take, compute: false)
            let scored = take.candidates.allSatisfy { candidate in
                (try? review.storedScore(shotID: shotID, blob: candidate.blob)) != nil
            }
            if !scored { unscored.append(take) }
        }
        let named = (try? studio.shot(shotID)).map { !review.namedCharacters(in: $0).isEmpty } ?? false
        if named && !unscored.isEmpty {
            BackgroundIdentityScoring.start(review: review, shotID: shotID, takes: unscored, hub: hub)
        }
        return (badges, BackgroundIdentityScoring.problem)
    }
}
