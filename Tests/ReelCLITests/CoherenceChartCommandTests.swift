import Foundation
import ReelEngine
import ReelFaces
import ReelMedia
import ReelTesting
import Testing

/// `reel score --film` writes `out/coherence.png`: each character's distance in each shot's pick,
/// read back from the file's pixels at the places the film's scores put them.
@Suite(.enabled(if: FacePhotos.isCI || (FacePhotos.present && (try? FaceModels.locate()) != nil)))
struct CoherenceChartCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func near(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8), _ color: Color) -> Bool {
        abs(Int(p.r) - Int(color.red * 255)) < 10 && abs(Int(p.g) - Int(color.green * 255)) < 10
            && abs(Int(p.b) - Int(color.blue * 255)) < 10
    }

    @Test func theFilmsChartShowsEachCharacterShotByShotAndRingsTheSwap() async throws {
        try await withTemporaryDirectory { parent in
            let project = try ScoreCommandTests.makeProject(in: parent)
            let result = try await reel.run(["score", "--film", "--json"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
            let shots = try JSONDecoder().decode([ShotIdentity].self, from: Data(result.stdout.utf8))
            let file = project.appending(path: "out/coherence.png")
            let image = try RGBAImage(decoding: try Data(contentsOf: file))
            #expect(image.width == 1200 && image.height == 640)

            let chart = Studio.coherenceChart(
                shots, characters: ["obama", "biden"], threshold: IdentityScorer.defaultThreshold)
            #expect(chart.series.map(\.character) == ["obama", "biden"])
            var drawn = 0
            for (index, series) in chart.series.enumerated() {
                for (shot, point) in series.points.enumerated() {
                    guard let point else { continue }
                    let at = chart.position(shot: shot, distance: point.distance)
                    #expect(Self.near(image[Int(at.x), Int(at.y)], CoherenceChart.color(ofSeries: index)))
                    // duo's pick is the swapped candidate: both its points are off-model, ringed in red.
                    let ring = image[Int(at.x), Int(at.y) + 9]
                    #expect(
                        Self.near(ring, CoherenceChart.offModelColor) == point.offModel, "\(series.character) \(shot)")
                    drawn += 1
                }
            }
            #expect(drawn == 3, "obama in duo and solo, biden in duo")

            let table = try await reel.run(["score", "--film"], in: project)
            #expect(table.stdout.contains("chart: out/coherence.png"))
        }
    }
}
