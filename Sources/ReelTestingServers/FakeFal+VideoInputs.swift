import Foundation
import ReelBackends
import ReelKit

/// The fake fal's checks of an image-to-video model's input, as each model's schema has them:
/// the still as `image_url`, a `duration` the model makes, and a last frame only in the field the
/// model takes one in (an unknown field is refused, as fal's schemas forbid extra inputs).
extension FakeFal {
    /// The field fal would refuse in an image-to-video input, and why; `nil` when it is acceptable
    /// (or the model is not a video model Reel knows).
    public static func videoInputProblem(
        model id: String, _ input: [String: JSONValue]
    ) -> (field: String, message: String)? {
        guard let model = FalPrices.model(id), model.kind == .imageToVideo else { return nil }
        guard input["image_url"]?.string?.hasPrefix("data:image/") == true else {
            return ("image_url", "Field required")
        }
        let durations = model.durations.map { String(Int($0)) + model.durationUnit }
        guard let duration = input["duration"]?.string, durations.contains(duration) else {
            return ("duration", "Input should be \(durations.joined(separator: ", "))")
        }
        for field in ["end_image_url", "tail_image_url", "last_frame_url"] where input[field] != nil {
            guard field == model.endImageField else { return (field, "Extra inputs are not permitted") }
            guard input[field]?.string?.hasPrefix("data:image/") == true else { return (field, "Invalid image") }
        }
        if let resolution = input["resolution"]?.string, !["480p", "720p", "1080p"].contains(resolution) {
            return ("resolution", "Input should be '480p', '720p' or '1080p'")
        }
        return nil
    }
}
