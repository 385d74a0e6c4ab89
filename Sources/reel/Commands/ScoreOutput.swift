import Foundation
import ReelEngine
import ReelFaces
import ReelKit

/// `reel score --against`: each image against one reference photograph.
struct ImageScore: Codable {
    let image: String
    let faces: Int
    /// The distance of the face assigned to the reference's person; nil when no face.
    let distance: Double?
    /// `match`, `drift`, or `no face` (not scored).
    let verdict: String
}

enum ImageScoring {
    static func score(
        images: [String], against reference: String, describer: FaceDescriber, scorer: IdentityScorer
    )
        throws -> [ImageScore]
    {
        let referenceFaces = try describer.faces(inImageData: read(reference))
        guard let face = referenceFaces.first else {
            throw ReelError(.invalidInput, "no face found in the reference \(reference); give a photograph with a face")
        }
        let person = CharacterReference(character: "reference", descriptors: [face.descriptor])
        return try images.map { image in
            let score = scorer.score(faces: try describer.faces(inImageData: read(image)), cast: [person])
            let character = score.characters.first
            return ImageScore(
                image: image, faces: score.faces.count, distance: character?.distance,
                verdict: score.noFace ? "no face" : character?.verdict.rawValue ?? "no face")
        }
    }

    private static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReelError(.notFound, "\(path) was not found")
        }
        return data
    }
}

enum ScoreOutput {
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Output.line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func printImages(_ results: [ImageScore], reference: String) {
        let rows = results.map { result in
            [
                result.image, "\(result.faces)", distance(result.distance),
                result.verdict == "no face" ? "no face, not scored" : result.verdict,
            ]
        }
        Output.line("against \(reference)")
        Output.line(TextTable.render(header: ["IMAGE", "FACES", "DISTANCE", "VERDICT"], rows: rows))
    }

    static func printShot(_ shot: ShotIdentity) {
        guard let take = shot.takeID else {
            Output.line("\(shot.shotID): no takes yet; make one with `reel gen \(shot.shotID)`")
            return
        }
        let cast = shot.characters.isEmpty ? "names no character" : shot.characters.joined(separator: ", ")
        Output.line("\(shot.shotID)  take \(take)  \(cast)")
        let judged = shot.candidates.contains { $0.judge != nil || $0.judgeFailure != nil }
        for name in shot.unreferenced where !judged {
            Output.line("  \(name) has no reference face: pick its sheet (`reel cast \(name)`) or add references:")
        }
        var rows: [[String]] = []
        for candidate in shot.candidates {
            let mark = candidate.index == shot.pickedIndex ? "\(candidate.index) ←" : "\(candidate.index)"
            let score = candidate.score
            if let judge = candidate.judge {
                rows.append([mark, "judge", judge.characters.map(judgeText).joined(separator: "; ")])
                continue
            }
            if let failure = candidate.judgeFailure {
                rows.append([mark, score.noFace ? "0" : "\(score.faces.count)", "judge: \(failure)"])
                continue
            }
            if score.noFace {
                rows.append([mark, "0", "no face, not scored"])
                continue
            }
            var cells = score.characters.map { "\($0.character) \(distance($0.distance)) \(verdictText($0))" }
            if !score.extraFaces.isEmpty {
                cells.append("\(score.extraFaces.count) extra face\(score.extraFaces.count == 1 ? "" : "s")")
            }
            rows.append([mark, "\(score.faces.count)", cells.isEmpty ? "-" : cells.joined(separator: "; ")])
        }
        Output.line(TextTable.render(header: ["CANDIDATE", "FACES", "VERDICTS"], rows: rows))
        if let best = shot.best { Output.line("best for identity: candidate \(best.index)") }
    }

    static func printFilm(_ shots: [ShotIdentity], characters: [String]) {
        let named = characters.filter { name in shots.contains { $0.characters.contains(name) } }
        let rows = shots.map { shot -> [String] in
            let candidate = shot.candidates.first
            let cells = named.map { name -> String in
                guard shot.characters.contains(name) else { return "" }
                guard let candidate else { return "no take" }
                if let entry = candidate.judge?.characters.first(where: { $0.character == name }) {
                    return judgeText(entry)
                }
                if candidate.score.noFace { return "no face" }
                guard let entry = candidate.score.characters.first(where: { $0.character == name }) else {
                    return "no reference"
                }
                return "\(distance(entry.distance)) \(verdictText(entry))"
            }
            return [shot.shotID, candidate.map { "\($0.index)" } ?? "-"] + cells
        }
        Output.line(TextTable.render(header: ["SHOT", "CANDIDATE"] + named.map { $0.uppercased() }, rows: rows))
    }

    static func verdictText(_ score: CharacterScore) -> String {
        switch score.verdict {
        case .swapped: "swapped (in \(score.other ?? "another")'s place)"
        case .merged: "merged (with \(score.other ?? "another"))"
        default: score.verdict.rawValue
        }
    }

    /// A judge's verdict, marked as the judge's: `oda match [judge 0.90]`.
    static func judgeText(_ score: JudgeCharacterScore) -> String {
        let verdict: String
        switch score.verdict {
        case .swapped: verdict = "swapped (in \(score.other ?? "another")'s place)"
        case .merged: verdict = "merged (with \(score.other ?? "another"))"
        default: verdict = score.verdict.rawValue
        }
        return "\(score.character) \(verdict) [judge \(String(format: "%.2f", score.confidence))]"
    }

    static func distance(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
}
