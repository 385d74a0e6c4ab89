import Foundation
import ReelFaces
import ReelKit
import ReelMedia

extension Studio {
    /// Writes `out/coherence.png`: each character's distance to its references in each shot's
    /// scored pick (`shots`, from ``IdentityReview/scorePick(shotID:placement:)``, in film order),
    /// against `threshold`. Returns the file.
    @discardableResult
    public func writeCoherenceChart(_ shots: [ShotIdentity], threshold: Double) throws -> URL {
        let url = project.outputDirectory.appending(path: "coherence.png")
        let chart = Self.coherenceChart(shots, characters: film.characters.map(\.id), threshold: threshold)
        try FileManager.default.createDirectory(at: project.outputDirectory, withIntermediateDirectories: true)
        var titled = chart
        titled.title = film.title
        try titled.render().encoded(as: .png).write(to: url, options: .atomic)
        return url
    }

    /// The chart's data: one series per character some shot names (in the film's cast order).
    public static func coherenceChart(
        _ shots: [ShotIdentity], characters: [String], threshold: Double
    ) -> CoherenceChart {
        let named = characters.filter { name in shots.contains { $0.characters.contains(name) } }
        let series = named.map { name in
            CoherenceChart.Series(
                character: name,
                points: shots.map { shot -> CoherenceChart.Point? in
                    guard shot.characters.contains(name), let score = shot.candidates.first?.score, !score.noFace,
                        let entry = score.characters.first(where: { $0.character == name })
                    else { return nil }
                    return CoherenceChart.Point(distance: entry.distance, offModel: !entry.verdict.holds)
                })
        }
        return CoherenceChart(shots: shots.map(\.shotID), series: series, threshold: threshold)
    }
}
