import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// One step per line of dialog or narration not spoken yet (or spoken into a damaged file);
    /// a line said the same way in two shots is spoken once, by the first shot's step.
    func speechSteps(verifying: Bool, records: StoreSnapshot) throws -> [PlanStep] {
        var steps: [PlanStep] = []
        var seen = Set<StepKey>()
        let pricePerLine = (try? registry.speech(film.backends.speech))?.capabilities.pricePerLineUSD ?? 0
        for shot in film.shots {
            for (offset, line) in try spokenLines(of: shot).enumerated() where seen.insert(line.key).inserted {
                var step = PlanStep(
                    id: PlanStep.speechID(shot.id, line: offset + 1), kind: .speech, shotID: shot.id,
                    backend: film.backends.speech, key: line.key.hex, generations: 1,
                    detail: "\(line.line.speaker): \(Self.abbreviated(line.request.text))")
                step.reason = speechState(line.key, verifying: verifying, records: records)
                if step.reason == nil { step.generations = 0 }
                step.costUSD = step.reason == nil ? 0 : pricePerLine
                steps.append(step)
            }
        }
        return steps
    }

    /// Nil when the line's audio is stored and intact.
    private func speechState(_ key: StepKey, verifying: Bool, records: StoreSnapshot) -> PlanReason? {
        guard let (_, blob) = Self.speechRecord(records.meta(.speech(key))) else { return .neverMade }
        guard FileManager.default.fileExists(atPath: store.blobs.url(blob).path) else { return .damaged }
        if verifying, (try? store.blobs.verify(blob)) != true { return .damaged }
        return nil
    }

    /// The clip step of a shot: current when a clip for its pick, duration and move is stored.
    func clipStep(
        for shot: Shot, speech: [String], rerun: Set<String>, verifying: Bool, records: StoreSnapshot
    ) throws -> PlanStep {
        let name = shot.videoBackend ?? film.backends.video
        let take = PlanStep.takeID(shot.id)
        // A clip that ends on another shot's pick waits for that shot's take too.
        let endShot = endFrameShotID(of: shot).flatMap { $0 == shot.id ? nil : $0 }
        let endTake = endShot.map { [PlanStep.takeID($0)] } ?? []
        var step = PlanStep(
            id: PlanStep.clipID(shot.id), kind: .clip, shotID: shot.id, backend: name,
            dependsOn: [take] + endTake + speech, generations: 1)
        let camera = shot.camera ?? Self.defaultCamera(for: shot.framing)
        step.detail = "\(camera.rawValue), \(String(format: "%.1f", shot.duration))s"
        let video = try? registry.video(name)
        step.warnings = clipNotes(for: shot, on: video)
        step.costUSD = video.map { Self.clipCost(seconds: shot.duration, pieces: 1, on: $0.capabilities) } ?? 0
        if let capabilities = video?.capabilities, let seconds = try? effectiveDuration(of: shot) {
            // Before the pick, a shot's chain is known from its length alone.
            let chain = chainPlan(for: seconds, fps: film.fps, on: capabilities)
            if chain.nativeExtension != nil {
                Self.describe(chain, kept: 0, fps: film.fps, on: capabilities, in: &step)
            }
        }
        if let waiting = step.dependsOn.first(where: rerun.contains) {
            step.reason = .after(waiting)
            return step
        }
        guard let picked = records.pickedCandidate(for: shot.id) else {
            step.reason = .after(take)
            return step
        }
        if let endShot, records.pickedCandidate(for: endShot) == nil {
            step.reason = .after(PlanStep.takeID(endShot))
            return step
        }
        let request: ClipRequest
        let key: StepKey
        do {
            request = try clipRequest(for: shot, picked: picked)
            key = try clipKey(for: shot, picked: picked)
        } catch  where shot.endFrame != nil {
            // An end frame file gone missing since the film was checked.
            step.reason = .blocked(Self.message(of: error))
            return step
        }
        step.key = key.hex
        step.detail = "\(camera.rawValue), \(String(format: "%.1f", request.duration))s"
        if let backend = video {
            let chain = chainPlan(for: request, on: backend.capabilities)
            step.costUSD = Self.clipCost(seconds: request.duration, pieces: 1, on: backend.capabilities)
            if chain.nativeExtension != nil {
                Self.describe(
                    chain, kept: records.clipPieceCount(chainKey: key.hex), fps: request.fps,
                    on: backend.capabilities, in: &step)
            } else if chain.isChain {
                let kept = records.clipPieceCount(chainKey: key.hex)
                step.generations = chain.pieces.count - kept
                step.detail += ", \(chain.pieces.count) pieces" + (kept > 0 ? " (\(kept) kept)" : "")
                let piece = request.duration / Double(chain.pieces.count)
                step.costUSD = Self.clipCost(seconds: piece, pieces: step.generations, on: backend.capabilities)
            }
        }
        if let clip = records.clip(stepKey: key.hex) {
            if verifying, try !store.blobs.verify(clip.blob) {
                step.reason = .damaged
            } else {
                step.generations = 0
                step.costUSD = 0
            }
            return step
        }
        if let previous = records.latestClip(shot: shot.id) {
            let old = try? JSONDecoder().decode(ClipRequest.self, from: Data(previous.requestJSON.utf8))
            step.reason = .changed(old.map { ChangedInputs.between($0, request) } ?? ["inputs"])
        } else {
            step.reason = .neverMade
        }
        return step
    }

    /// A natively extended shot's generations, detail (`extend ×2`) and cost: the first piece at
    /// the length the model makes, each extension at its own length; kept pieces cost nothing.
    static func describe(
        _ chain: ClipChainPlan, kept: Int, fps: Int, on capabilities: VideoCapabilities, in step: inout PlanStep
    ) {
        guard let native = chain.nativeExtension else { return }
        let remaining = max(0, chain.pieces.count - kept)
        step.generations = remaining
        step.detail += ", extend ×\(chain.extensionCount)" + (kept > 0 ? " (\(kept) kept)" : "")
        let first =
            kept > 0
            ? 0 : capabilities.estimatedCostUSD(seconds: Double(chain.pieces[0].frameCount) / Double(max(1, fps)))
        let extensions = Double(min(remaining, chain.extensionCount))
        step.costUSD = first + extensions * capabilities.pricePerSecondUSD * native.seconds
    }

    /// What `pieces` clips of `seconds` each are expected to cost on a backend (a model that makes
    /// only 5 and 10 s clips is paid for the length it makes).
    static func clipCost(seconds: Double, pieces: Int, on capabilities: VideoCapabilities) -> Double {
        Double(max(0, pieces)) * capabilities.estimatedCostUSD(seconds: seconds)
    }

    /// The first words of a line, for a plan's detail column.
    static func abbreviated(_ text: String, words: Int = 6) -> String {
        let all = text.split(separator: " ")
        return all.prefix(words).joined(separator: " ") + (all.count > words ? "…" : "")
    }
}

extension Studio {
    /// The lip-sync step of a shot: after every clip and the shot's lines (where its lines fall
    /// in the clip depends on the whole timeline), current when a synced clip is stored for its
    /// raw clip and lines.
    func lipSyncStep(
        for shot: Shot, after waits: [String], rerun: Set<String>, verifying: Bool, records: StoreSnapshot,
        timeline: () throws -> EditTimeline
    ) throws -> PlanStep {
        let name = film.backends.lipsync ?? "none"
        let lines = shot.dialog.filter { $0.speaker != "narrator" }.count
        var step = PlanStep(
            id: PlanStep.lipSyncID(shot.id), kind: .lipsync, shotID: shot.id, backend: name, dependsOn: waits,
            generations: 1, detail: "lips to \(lines) line\(lines == 1 ? "" : "s")")
        let backend = try? registry.lipSync(name)
        step.costUSD = try backend?.capabilities.estimatedCostUSD(seconds: effectiveDuration(of: shot)) ?? 0
        if let waiting = waits.first(where: rerun.contains) {
            step.reason = .after(waiting)
            return step
        }
        guard let picked = records.pickedCandidate(for: shot.id),
            let raw = records.clip(stepKey: try clipKey(for: shot, picked: picked).hex)
        else {
            step.reason = .after(PlanStep.clipID(shot.id))
            return step
        }
        let work: LipSyncWork
        do {
            work = try lipSyncWork(for: shot, raw: raw, timeline: try timeline())
        } catch {
            step.reason = .blocked(Self.message(of: error))
            return step
        }
        step.key = work.key.hex
        step.costUSD = backend?.capabilities.estimatedCostUSD(seconds: raw.durationSeconds) ?? 0
        if let synced = records.clip(stepKey: work.key.hex) {
            if verifying, try !store.blobs.verify(synced.blob) {
                step.reason = .damaged
            } else {
                step.generations = 0
                step.costUSD = 0
            }
            return step
        }
        step.reason = .neverMade
        return step
    }
}
