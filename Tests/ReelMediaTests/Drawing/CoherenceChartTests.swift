import Testing

@testable import ReelMedia

/// `out/coherence.png`: lines and dots in the characters' colours, the threshold dashed, and
/// off-model points ringed in red, read back from the pixels.
@Suite struct CoherenceChartTests {
    static let chart = CoherenceChart(
        shots: ["ridge", "face", "duo", "end"],
        series: [
            .init(
                character: "obama",
                points: [
                    .init(distance: 0.35, offModel: false), .init(distance: 0.42, offModel: false),
                    .init(distance: 0.78, offModel: true), nil,
                ]),
            .init(
                character: "biden",
                points: [nil, nil, .init(distance: 0.3, offModel: false), .init(distance: nil, offModel: true)]),
        ],
        threshold: 0.6)

    static func near(_ p: (r: UInt8, g: UInt8, b: UInt8, a: UInt8), _ color: Color, tolerance: Int = 10) -> Bool {
        abs(Int(p.r) - Int(color.red * 255)) < tolerance && abs(Int(p.g) - Int(color.green * 255)) < tolerance
            && abs(Int(p.b) - Int(color.blue * 255)) < tolerance
    }

    @Test func pointsAreDrawnInEachCharactersColourWhereTheirDistancesAre() throws {
        let image = try Self.chart.render()
        #expect(image.width == 1200 && image.height == 640)
        let obama = CoherenceChart.color(ofSeries: 0)
        let biden = CoherenceChart.color(ofSeries: 1)
        for (shot, distance) in [(0, 0.35), (1, 0.42), (2, 0.78)] {
            let at = Self.chart.position(shot: shot, distance: distance)
            #expect(Self.near(image[Int(at.x), Int(at.y)], obama), "obama in shot \(shot)")
        }
        let duo = Self.chart.position(shot: 2, distance: 0.3)
        #expect(Self.near(image[Int(duo.x), Int(duo.y)], biden))
        // Points lower on the chart are nearer: 0.3 is drawn below 0.78.
        #expect(duo.y > Self.chart.position(shot: 2, distance: 0.78).y)
    }

    @Test func offModelPointsAreRingedInRedAndOthersAreNot() throws {
        let image = try Self.chart.render()
        let red = CoherenceChart.offModelColor
        let drifted = Self.chart.position(shot: 2, distance: 0.78)
        #expect(Self.near(image[Int(drifted.x) + 9, Int(drifted.y)], red), "the ring outside the dot")
        let missing = Self.chart.position(shot: 3, distance: nil)
        #expect(Self.near(image[Int(missing.x) - 9, Int(missing.y)], red), "a missing face at the top, ringed")
        let held = Self.chart.position(shot: 0, distance: 0.35)
        #expect(!Self.near(image[Int(held.x) + 9, Int(held.y)], red))
    }

    @Test func theThresholdIsADashedLine() throws {
        let image = try Self.chart.render()
        let y = Int(Self.chart.position(shot: 0, distance: 0.6).y.rounded(.down))
        let plot = Self.chart.plot
        var grey = 0
        var gaps = 0
        for x in Int(plot.minX)..<Int(plot.minX + 400) {
            if Self.near(image[x, y], CoherenceChart.thresholdColor, tolerance: 30) { grey += 1 } else { gaps += 1 }
        }
        // 10 pixels drawn in every 16.
        #expect(grey > 200 && grey < 300, "\(grey) of 400 on the line")
        #expect(gaps > 100)
    }
}
