import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// The takes loop — gen, pick, vary, reroll — on the `sketch` backend and a real store.
@Suite struct StudioTakesTests {
    @Test func genMakesAGridOfFourAndAgainShowsTheSameTake() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let first = try await studio.generate(shotID: "wide")
            #expect(!first.reused)
            #expect(first.take.candidates.map(\.index) == [1, 2, 3, 4])
            #expect(Set(first.take.candidates.map(\.seed)).count == 4)
            let grid = try RGBAImage(decoding: try studio.store.blobs.data(try #require(first.take.gridBlob)))
            #expect(grid.width > first.take.candidates[0].width)
            let again = try await studio.generate(shotID: "wide")
            #expect(again.reused && again.take.id == first.take.id)
        }
    }

    @Test func picksNameTheCandidateAndRejectMissingOnes() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let take = try await studio.generate(shotID: "wide").take
            let pick = try studio.pick(shotID: "wide", candidate: CandidateReference(parsing: "\(take.id):2"))
            #expect(pick.candidateIndex == 2 && pick.takeID == take.id)
            #expect(throws: (any Error).self) {
                try studio.pick(shotID: "wide", candidate: CandidateReference(index: 5))
            }
            #expect(throws: ReelError.self) { try CandidateReference(parsing: "two") }
            let unknown = #expect(throws: ReelError.self) {
                try studio.pick(shotID: "wdie", candidate: CandidateReference(index: 1))
            }
            #expect(unknown?.message.contains("did you mean 'wide'") == true)
        }
    }

    /// Midjourney's promise, measured: subtle variations stay close to their parent, rerolls
    /// wander, strong variations fall between.
    @Test func variationsStayCloserToTheirParentThanRerolls() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let take = try await studio.generate(shotID: "wide").take
            let parentImage = try image(take.candidates[0], in: studio)
            func meanDistance(_ outcome: TakeOutcome) throws -> Double {
                let distances = try outcome.take.candidates.map {
                    TestImages.meanDistance(parentImage, try image($0, in: studio))
                }
                return distances.reduce(0, +) / Double(distances.count)
            }
            let subtle = try meanDistance(
                try await studio.vary(shotID: "wide", candidate: CandidateReference(index: 1), strong: false))
            let strong = try meanDistance(
                try await studio.vary(
                    shotID: "wide", candidate: CandidateReference(take: take.id, index: 1), strong: true))
            let reroll = try meanDistance(try await studio.reroll(shotID: "wide"))
            #expect(subtle <= reroll / 2, "subtle \(subtle) vs reroll \(reroll)")
            #expect(subtle < strong && strong < reroll, "subtle \(subtle), strong \(strong), reroll \(reroll)")

            let tree = try studio.takeTree(shotID: "wide")
            #expect(tree.count == 2)  // the generated take and the reroll
            #expect(tree.first { $0.take.id == take.id }?.children.map(\.take.kind) == [.varySubtle, .varyStrong])
        }
    }

    @Test func rerollsGetNewSeedsEachTime() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(in: parent))
            let first = try await studio.reroll(shotID: "face")
            let second = try await studio.reroll(shotID: "face")
            #expect(first.take.id != second.take.id)
            #expect(Set(first.take.seeds).isDisjoint(with: second.take.seeds))
        }
    }

    private func image(_ candidate: Candidate, in studio: Studio) throws -> RGBAImage {
        try RGBAImage(decoding: try studio.store.blobs.data(candidate.blob))
    }
}
