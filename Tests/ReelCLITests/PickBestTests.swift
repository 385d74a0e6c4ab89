import Foundation
import ReelEngine
import ReelFaces
import ReelMedia
import ReelSession
import ReelStore
import ReelTesting
import Testing

/// `pick: best`: `reel make` auto-picks the candidate whose faces best hold the cast.
@Suite(.enabled(if: FacePhotos.isCI || (FacePhotos.present && (try? FaceModels.locate()) != nil)))
struct PickBestTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static let film = ScoreCommandTests.film.replacingOccurrences(
        of: "resolution: 144\n", with: "resolution: 144\npick: best\n")

    /// A project whose `duo` shot already has a take for its current prompt, as if generated:
    /// [biden|obama (swapped), no face, obama|biden (right), biden alone].
    static func makeProject(in parent: URL, film: String = film) async throws -> URL {
        let directory = try ScoreCommandTests.makeProject(in: parent, film: film, takes: false)
        // Opened as `reel` opens it (its backends' sizes), so the take is the one `make` looks for.
        let key = try await withProjectSession(Project.locate(directory.path)) { session in
            try session.studio.currentRequest(for: session.studio.shot("duo")).promptKey.hex
        }
        let studio = try TestStudio.open(directory)
        try ScoreCommandTests.record(
            [
                ScoreCommandTests.twoShot(left: "biden.jpg", right: "obama2.jpg"),
                RGBAImage(width: 760, height: 600, fill: (90, 140, 200, 255)),
                ScoreCommandTests.twoShot(left: "obama2.jpg", right: "biden.jpg"),
                ScoreCommandTests.scaled("biden.jpg", height: 600),
            ], shot: "duo", promptKey: key, in: studio.store)
        return directory
    }

    @Test func makePicksTheCandidateThatHoldsTheCast() async throws {
        try await withTemporaryDirectory { parent in
            let project = try await Self.makeProject(in: parent)
            let make = try await reel.run(["make"], in: project)
            #expect(make.status == 0, "\(make.stderr)")
            let pick = try TestStudio.open(project).store.pick(for: "duo")
            #expect(pick?.candidateIndex == 3)
            #expect(pick?.auto == true)
            #expect(make.stderr.contains("picked candidate 3"), "\(make.stderr)")
        }
    }

    /// Who stands where comes from the shot's `cast:`: with Biden placed on the left, the
    /// candidate with Biden on the left holds and the one the prompt's order would pick is swapped.
    @Test func theShotsPlacementDecidesWhichTwoShotHolds() async throws {
        try await withTemporaryDirectory { parent in
            let placed = Self.film.replacingOccurrences(
                of: "prompt: \"@obama and @biden talking\"\n",
                with: "prompt: \"@obama and @biden talking\"\n    cast: { biden: left, obama: right }\n")
            #expect(placed != Self.film)
            let project = try await Self.makeProject(in: parent, film: placed)
            let make = try await reel.run(["make"], in: project)
            #expect(make.status == 0, "\(make.stderr)")
            #expect(try TestStudio.open(project).store.pick(for: "duo")?.candidateIndex == 1)
            let score = try await reel.run(["score", "duo"], in: project)
            #expect(score.stdout.contains("swapped"), "\(score.stdout)")
        }
    }

    @Test func withoutTheModelsMakeWarnsAndPicksTheFirst() async throws {
        try await withTemporaryDirectory { parent in
            let project = try await Self.makeProject(in: parent)
            let nowhere = ["REEL_FACE_MODELS": parent.appending(path: "no-models").path]
            let make = try await reel.run(["make"], in: project, environment: nowhere)
            #expect(make.status == 0, "\(make.stderr)")
            #expect(try TestStudio.open(project).store.pick(for: "duo")?.candidateIndex == 1)
            #expect(make.stderr.contains("pip install face-recognition-models==0.3.0"))
        }
    }

    @Test func aMisspeltRuleIsALocatedError() async throws {
        try await withTemporaryDirectory { parent in
            let yaml = Self.film.replacingOccurrences(of: "pick: best", with: "pick: bets")
            let project = try TestFilms.makeProject(yaml, in: parent)
            let check = try await reel.run(["check"], in: project)
            #expect(check.status != 0)
            #expect(check.stderr.contains("film.yaml:5:7: error: 'pick' must be first or best"), "\(check.stderr)")
            #expect(check.stderr.contains("best"))
        }
    }
}
