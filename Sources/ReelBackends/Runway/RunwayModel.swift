import Foundation
import ReelKit

/// One Runway model Reel knows how to drive: the ratios (output sizes) it allows, the lengths it
/// makes, what it takes, and its price in Runway credits from ``RunwayPrices``.
public struct RunwayModel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A prompt (and tagged reference images) to one image: `POST /v1/text_to_image`.
        case textToImage = "text-to-image"
        /// A first frame and a motion prompt to a clip: `POST /v1/image_to_video`.
        case imageToVideo = "image-to-video"
    }

    /// An output size Runway allows, written `W:H` on the wire, with what one image of it costs.
    public struct Ratio: Sendable, Hashable {
        public var width: Int
        public var height: Int
        /// Credits per image at this size (image models); 0 for video models.
        public var credits: Double

        public var wire: String { "\(width):\(height)" }
    }

    public var id: String
    public var kind: Kind
    public var ratios: [Ratio]
    /// Clip lengths a video model makes, in seconds, shortest first.
    public var durations: [Double]
    /// Credits per second of clip (video models).
    public var creditsPerSecond: Double
    /// Whether the model takes `seed` (Veo does not).
    public var takesSeed: Bool
    /// Whether a video model needs `promptText` (gen4.5 does).
    public var needsPrompt = false
    /// Whether a video model takes a last frame (`promptImage` with `position: last`; Veo 3.1).
    public var takesLastFrame = false
    /// Most reference images a text-to-image call takes, and how many it needs at least.
    public var maxReferences: Int
    public var minReferences: Int

    /// The allowed ratio closest in shape to `width`×`height`; among equal shapes, the one
    /// nearest in pixels.
    public func ratio(width: Int, height: Int) -> Ratio {
        let wanted = log(Double(max(1, width)) / Double(max(1, height)))
        let pixels = Double(width * height)
        func distance(_ ratio: Ratio) -> (shape: Double, size: Double) {
            let shape = abs(log(Double(ratio.width) / Double(ratio.height)) - wanted)
            return ((shape * 1000).rounded() / 1000, abs(Double(ratio.width * ratio.height) - pixels))
        }
        return ratios.min { distance($0) < distance($1) } ?? Ratio(width: width, height: height, credits: 0)
    }

    /// What one image at `ratio` costs, in US dollars.
    public func priceOfImage(_ ratio: Ratio) -> Double { ratio.credits * RunwayPrices.usdPerCredit }

    /// What one second of clip costs, in US dollars.
    public var pricePerSecond: Double { creditsPerSecond * RunwayPrices.usdPerCredit }

    /// The price as `reel backends` shows it.
    public var priceText: String {
        switch kind {
        case .textToImage:
            let credits = Set(ratios.map(\.credits)).sorted().map { String(format: "%g", $0) }
            return credits.joined(separator: "–") + " credits/image"
        case .imageToVideo: return String(format: "%g credits/s", creditsPerSecond)
        }
    }
}
