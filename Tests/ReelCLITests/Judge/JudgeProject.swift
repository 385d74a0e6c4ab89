import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelSession
import ReelStore
import ReelTesting
import ReelTestingServers

/// A film whose one character, drawn by the sketch backend (no face dlib can find), is judged
/// by the fake Gemini: its reference is one of four real sketch drawings, and the shot's take
/// holds all four, so the judge's verdicts depend on which images Reel sent.
enum JudgeProject {
    static let key = "gemini-judge-secret-5e21c9"

    /// `judge` names the judge backend; its settings block points at `url` (the fake's `/v1beta`
    /// for Gemini, `/v1` for OpenAI).
    static func film(url: String, extra: String = "score: { scorer: judge }", judge: String = "gemini") -> String {
        let block = judge == "gemini" ? "gemini: { url: \"\(url)/v1beta\" }" : "\(judge): { url: \"\(url)/v1\" }"
        return """
            title: Judged
            aspect: "1:1"
            fps: 12
            resolution: 144
            seed: 5
            backends: { judge: \(judge) }
            \(block)
            \(extra)
            characters:
              oda: { description: "a lighthouse keeper in a yellow coat", references: [refs/oda.png] }
            shots:
              - { id: ridge, prompt: "@oda on a windy ridge", duration: 1 }
            """
    }

    /// Four sketch drawings, made by `reel gen` in a scratch project.
    static func drawings(reel: ReelProcess, in parent: URL) async throws -> [Data] {
        let scratch = try TestFilms.makeProject(
            """
            title: Drawings
            aspect: "1:1"
            fps: 12
            resolution: 144
            seed: 5
            shots:
              - { id: ridge, prompt: "a lighthouse keeper in a yellow coat on a windy ridge", duration: 1 }
            """, in: parent, name: "drawings")
        let gen = try await reel.run(["gen", "ridge"], in: scratch)
        guard gen.status == 0 else { throw ReelError(.invalidInput, "reel gen failed: \(gen.stderr)") }
        let store = try Store.open(projectDirectory: scratch)
        let take = try store.takes(shot: "ridge")[0]
        return try take.candidates.map { try store.blobs.data($0.blob) }
    }

    /// The project: `refs/oda.png` is `drawings[reference]`, and the shot has a take of all the
    /// drawings under its current prompt key (the take `make` looks for), with no pick.
    static func make(
        in parent: URL, url: String, drawings: [Data], reference: Int, extra: String = "score: { scorer: judge }",
        judge: String = "gemini"
    ) async throws -> URL {
        let directory = try TestFilms.makeProject(film(url: url, extra: extra, judge: judge), in: parent)
        let refs = directory.appending(path: "refs")
        try FileManager.default.createDirectory(at: refs, withIntermediateDirectories: true)
        try drawings[reference].write(to: refs.appending(path: "oda.png"))
        let promptKey = try await withProjectSession(Project.locate(directory.path)) { session in
            try session.studio.currentRequest(for: session.studio.shot("ridge")).promptKey.hex
        }
        let store = try Store.open(projectDirectory: directory)
        let candidates = try drawings.map { data in
            let image = try RGBAImage(decoding: data)
            return Candidate.Draft(blob: try store.blobs.put(data), seed: 1, width: image.width, height: image.height)
        }
        _ = try store.recordTake(
            Take.Draft(
                shotID: "ridge", kind: .generate, stepKey: "judge-ridge", promptKey: promptKey, backend: "sketch",
                requestJSON: "{}", seeds: candidates.map { _ in 1 }, durationSeconds: 0, candidates: candidates))
        return directory
    }

    /// `reel score --json`'s candidates: the judge's verdict on `oda` (or the failure) per candidate.
    static func verdicts(_ json: String) throws -> [String] {
        let shots = try JSONDecoder().decode([JSONValue].self, from: Data(json.utf8))
        return (shots.first?["candidates"]?.array ?? []).map { candidate in
            if let failure = candidate["judgeFailure"]?.string { return "failed: \(failure)" }
            let judged = candidate["judge"]?["characters"]?.array?.first
            return judged?["verdict"]?.string ?? "none"
        }
    }
}
