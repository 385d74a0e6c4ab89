import Foundation
import ReelKit

/// One fal model Reel knows how to drive: what it makes, how its input is shaped, and its price
/// from ``FalPrices``. Model ids are fal's (`fal-ai/flux/dev`).
public struct FalModel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A prompt to images.
        case textToImage = "text-to-image"
        /// An image and a prompt to images (image-to-image at a strength, or an instruction edit).
        case imageToImage = "image-to-image"
        /// A still and a motion prompt to a clip.
        case imageToVideo = "image-to-video"
        /// A clip and a speech track to the clip with the speaker's lips following the track.
        case lipSync = "lip-sync"
    }

    /// How fal charges for one output.
    public enum Price: Sendable, Hashable {
        /// Per megapixel of output, rounded up to the next whole megapixel.
        case perMegapixel(Double)
        case perImage(Double)
        /// Per second of clip made.
        case perSecond(Double)
    }

    public var id: String
    public var kind: Kind
    public var price: Price
    /// Most images one call returns through `num_images`; 1 for models that make one image per
    /// call, whose grid is then that many calls with consecutive seeds.
    public var maxImagesPerCall: Int
    /// Whether the model takes `image_size: {width, height}` (FLUX does; edit models follow
    /// their input image).
    public var takesImageSize: Bool
    /// Whether an image-to-image model takes `strength` (how far from the input to move).
    public var takesStrength: Bool
    /// The image-to-image model a text-to-image model uses for `from:` and variations.
    public var imageToImage: String?
    /// Clip lengths a video model makes, in seconds, sent as strings (`"5"`, or `"8s"` with
    /// `durationUnit`).
    public var durations: [Double]
    /// What follows the number in `duration` (Veo on fal takes `"8s"`; Kling takes `"5"`).
    public var durationUnit: String
    /// Inputs always sent with this model (audio off where it is priced separately).
    public var fixedInput: [String: JSONValue]
    /// Most input images an editing model takes as `image_urls` (FLUX.2's multi-reference
    /// editing: the `from:` image, then character references, image prompts, style references);
    /// 0 for models that take one `image_url` or none.
    public var referenceLimit: Int
    /// Whether input images are billed per megapixel too, as outputs are (FLUX.2 [flex]).
    public var billsInputs: Bool
    /// The input a video model takes the clip's last frame as (`end_image_url` on Kling O3);
    /// `nil` when it takes none, and a shot's end frame is dropped.
    public var endImageField: String? = nil

    init(
        _ id: String, _ kind: Kind, _ price: Price, maxImagesPerCall: Int = 1, takesImageSize: Bool = false,
        takesStrength: Bool = false, imageToImage: String? = nil, durations: [Double] = [], durationUnit: String = "",
        fixedInput: [String: JSONValue] = [:], referenceLimit: Int = 0, billsInputs: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.price = price
        self.maxImagesPerCall = maxImagesPerCall
        self.takesImageSize = takesImageSize
        self.takesStrength = takesStrength
        self.imageToImage = imageToImage
        self.durations = durations
        self.durationUnit = durationUnit
        self.fixedInput = fixedInput
        self.referenceLimit = referenceLimit
        self.billsInputs = billsInputs
    }

    /// What one image of `width`×`height` costs, in US dollars.
    public func priceOfImage(width: Int, height: Int) -> Double {
        switch price {
        case .perMegapixel(let rate):
            let megapixels = (Double(width * height) / Double(1024 * 1024)).rounded(.up)
            return rate * max(1, megapixels)
        case .perImage(let amount): return amount
        case .perSecond: return 0
        }
    }

    /// What one second of clip costs, in US dollars.
    public var pricePerSecond: Double {
        if case .perSecond(let rate) = price { return rate }
        return 0
    }

    /// The price as `reel backends` shows it.
    public var priceText: String {
        switch price {
        case .perMegapixel(let rate): "$\(Self.dollars(rate))/MP"
        case .perImage(let amount): "$\(Self.dollars(amount))/image"
        case .perSecond(let rate): "$\(Self.dollars(rate))/s"
        }
    }

    /// An amount to four significant digits, without trailing zeros (`0.025`, `0.01167`).
    static func dollars(_ amount: Double) -> String { String(format: "%.4g", amount) }
}
