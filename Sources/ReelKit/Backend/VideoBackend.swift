import Foundation

/// Something that animates a still into a clip: the embedded `camera`, or a video model.
public protocol VideoBackend: Sendable {
    var name: String { get }
    var capabilities: VideoCapabilities { get }
    /// Writes the clip (an MP4) to `output`.
    func animate(_ request: ClipRequest, to output: URL, context: GenerationContext) async throws -> GeneratedClip
}

/// A backend-neutral image-to-video request.
public struct ClipRequest: Sendable, Hashable, Codable {
    /// The still to animate (a `.blob` once resolved).
    public var image: ImageSource
    /// A motion prompt for video models.
    public var motion: String
    public var camera: CameraMove
    public var duration: Double
    public var fps: Int
    public var width: Int
    public var height: Int
    public var seed: UInt32
    /// Frames at which an embedded encoder should start a closed GOP, so the cut can copy the
    /// clip between its transitions instead of re-encoding it. Remote backends ignore them.
    public var keyframeHints: [Int]

    public init(
        image: ImageSource, motion: String, camera: CameraMove, duration: Double, fps: Int, width: Int, height: Int,
        seed: UInt32, keyframeHints: [Int] = []
    ) {
        self.image = image
        self.motion = motion
        self.camera = camera
        self.duration = duration
        self.fps = fps
        self.width = width
        self.height = height
        self.seed = seed
        self.keyframeHints = keyframeHints
    }
}

public struct GeneratedClip: Sendable {
    public var duration: Double
    public var costUSD: Double

    public init(duration: Double, costUSD: Double = 0) {
        self.duration = duration
        self.costUSD = costUSD
    }
}

public struct VideoCapabilities: Sendable, Hashable, Codable {
    /// The longest clip one generation makes; longer shots are built as a chain.
    public var maxClipSeconds: Double
    public var cameraMoves: Bool
    public var motionPrompt: Bool

    public init(maxClipSeconds: Double, cameraMoves: Bool, motionPrompt: Bool) {
        self.maxClipSeconds = maxClipSeconds
        self.cameraMoves = cameraMoves
        self.motionPrompt = motionPrompt
    }
}
