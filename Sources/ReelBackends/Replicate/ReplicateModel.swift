import Foundation
import ReelKit

/// One Replicate model Reel knows how to drive: what it makes, the names of its inputs, and its
/// price from ``ReplicatePrices``. Ids are Replicate's `owner/name`.
public struct ReplicateModel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A prompt to images.
        case textToImage = "text-to-image"
        /// An image and a prompt to images (image-to-image at a strength, or an instruction edit).
        case imageToImage = "image-to-image"
        /// A still and a motion prompt to a clip.
        case imageToVideo = "image-to-video"
    }

    /// How Replicate charges for a prediction.
    public enum Price: Sendable, Hashable {
        /// Official models: per output image.
        case perImage(Double)
        /// Official video models: per second of clip made.
        case perSecondOfVideo(Double)
        /// Community models: per second the model ran (`metrics.predict_time`) on hardware of
        /// this rate; `typicalSeconds` is what one image is assumed to take before the answer says.
        case perRunSecond(rate: Double, typicalSeconds: Double)
    }

    public var id: String
    /// A version to pin (`POST /predictions` with `version: "owner/name:<id>"`); `nil` runs the
    /// official model's current version through `POST /models/{owner}/{name}/predictions`.
    public var version: String?
    public var kind: Kind
    public var price: Price
    /// Most images one prediction makes through `num_outputs`; 1 for models that make one per
    /// prediction, whose grid is then that many predictions with consecutive seeds.
    public var maxOutputsPerCall: Int
    /// The input that takes the start image (`image`, `input_image`, `start_image`).
    public var imageInput: String?
    /// The input that says how far to move from the image (`prompt_strength`), if any.
    public var strengthInput: String?
    /// The `aspect_ratio` values the model takes (`16:9`…); empty when it takes none.
    public var aspectRatios: [String]
    /// The `aspect_ratio` to send with an input image (`match_input_image`), if the model has one.
    public var aspectWithImage: String?
    /// The image-to-image model a text-to-image model uses for `from:` and variations.
    public var imageToImage: String?
    /// Clip lengths a video model makes, in seconds, sent as integers.
    public var durations: [Double]
    /// Inputs always sent with this model.
    public var fixedInput: [String: JSONValue]

    init(
        _ id: String, _ kind: Kind, _ price: Price, version: String? = nil, maxOutputsPerCall: Int = 1,
        imageInput: String? = nil, strengthInput: String? = nil, aspectRatios: [String] = [],
        aspectWithImage: String? = nil, imageToImage: String? = nil, durations: [Double] = [],
        fixedInput: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.version = version
        self.kind = kind
        self.price = price
        self.maxOutputsPerCall = maxOutputsPerCall
        self.imageInput = imageInput
        self.strengthInput = strengthInput
        self.aspectRatios = aspectRatios
        self.aspectWithImage = aspectWithImage
        self.imageToImage = imageToImage
        self.durations = durations
        self.fixedInput = fixedInput
    }

    /// What one image is expected to cost, in US dollars (the estimate and `--budget`).
    public var pricePerImage: Double {
        switch price {
        case .perImage(let amount): amount
        case .perRunSecond(let rate, let typical): rate * typical
        case .perSecondOfVideo: 0
        }
    }

    /// What one second of clip costs, in US dollars.
    public var pricePerSecond: Double {
        if case .perSecondOfVideo(let rate) = price { return rate }
        return 0
    }

    /// What a prediction that made `outputs` images cost: by the time Replicate says the model
    /// ran, for time-billed models, else per image.
    public func cost(ofImages outputs: Int, predictTime: Double?) -> Double {
        if case .perRunSecond(let rate, let typical) = price {
            return rate * (predictTime ?? typical * Double(outputs))
        }
        return pricePerImage * Double(outputs)
    }

    /// The price as `reel backends` shows it.
    public var priceText: String {
        switch price {
        case .perImage(let amount): "$\(amount)/image"
        case .perSecondOfVideo(let rate): "$\(rate)/s"
        case .perRunSecond(let rate, _): "$\(rate)/s of run time"
        }
    }

    /// The model's `aspect_ratio` closest to `width`×`height` (by the log of the ratio), or nil
    /// when the model takes none.
    public func aspectRatio(width: Int, height: Int) -> String? {
        let wanted = log(Double(max(1, width)) / Double(max(1, height)))
        return aspectRatios.min { lhs, rhs in
            abs(Self.logRatio(lhs) - wanted) < abs(Self.logRatio(rhs) - wanted)
        }
    }

    private static func logRatio(_ text: String) -> Double {
        guard let ratio = AspectRatio(parsing: text) else { return .infinity }
        return log(ratio.ratio)
    }
}
