import Foundation
import ReelKit

/// The example film's score, `score.opus`: a resource of `reel` (a copy of
/// Examples/first-light/score.opus that scripts/embed-example keeps in step), found in the
/// `Reel_reel.resources` bundle SwiftPM places beside the executable.
enum ExampleScore {
    /// The file name the example film's `music:` names.
    static let fileName = "score.opus"

    /// Where the score is in this build of Reel.
    static func url() throws -> URL {
        guard let url = Bundle.module.url(forResource: "score", withExtension: "opus") else {
            throw ReelError(
                .internal, "the example score is missing from this build of Reel; copy the whole build directory")
        }
        return url
    }
}
