import ReelKit

/// One Luma model Reel knows how to drive, with its price from ``LumaPrices``.
public struct LumaModel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A prompt (and reference images, or an image to edit) to one image.
        case image
        /// A start frame and a motion prompt to a clip.
        case video
    }

    public var id: String
    public var kind: Kind
    /// An image made from the prompt alone, in US dollars.
    public var textToImageUSD: Double
    /// An edit, or an image from one reference; each further reference adds `perExtraReferenceUSD`.
    public var withOneReferenceUSD: Double
    public var perExtraReferenceUSD: Double
    /// Most reference images one image generation takes (the edited image apart).
    public var maxReferences: Int
    /// A clip's price by resolution (`720p`), for the one length image-to-video makes.
    public var clipUSD: [String: Double]
    /// Clip lengths a video model makes from a start frame, in seconds.
    public var durations: [Double]
    /// How long one native extension of a clip is (`start_frame: {generation_id}`); nil for none.
    public var extensionSeconds: Double? = nil

    /// What one image with `references` reference images (and an image to edit, or not) costs.
    public func priceOfImage(references: Int, editing: Bool) -> Double {
        let inputs = references + (editing ? 1 : 0)
        guard inputs > 0 else { return textToImageUSD }
        return withOneReferenceUSD + perExtraReferenceUSD * Double(inputs - 1)
    }

    /// What one second of clip at `resolution` costs.
    public func pricePerSecond(resolution: String) -> Double {
        (clipUSD[resolution] ?? 0) / (durations.last ?? 5)
    }

    /// The price as `reel backends` shows it.
    public func priceText(resolution: String) -> String {
        switch kind {
        case .image: "$\(textToImageUSD)/image"
        case .video: "$\(clipUSD[resolution] ?? 0) per \(Int(durations.last ?? 5)) s at \(resolution)"
        }
    }
}
