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
    /// Set on one piece of a long shot made by a backend that renders ``VideoCapabilities/continuousSegments``:
    /// render only these frames of the move over the whole `duration`. `nil` (the usual case) is the whole clip,
    /// and is left out of the request's encoding, so step keys of ordinary clips do not change.
    public var segment: ClipSegment?
    /// Set on a piece of a long shot made by a backend with a ``VideoCapabilities/nativeExtension``:
    /// the vendor's handle (journaled job id) of the generation this piece continues, which the
    /// backend extends instead of animating `image`. Left out of step keys: a piece is keyed by
    /// the piece it continues, not by the vendor's id.
    public var continuing: String?
    /// The still the clip should end on (a `.blob` once resolved), for backends whose
    /// ``VideoCapabilities/endFrame`` is true; others drop it. `nil` (the usual case) is left out
    /// of the request's encoding, so step keys of clips without one do not change.
    public var endImage: ImageSource? = nil

    public init(
        image: ImageSource, motion: String, camera: CameraMove, duration: Double, fps: Int, width: Int, height: Int,
        seed: UInt32, keyframeHints: [Int] = [], segment: ClipSegment? = nil
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
        self.segment = segment
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
    /// Whether the backend renders any frame range of one continuous move (``ClipRequest/segment``), so a
    /// long shot's pieces join invisibly by construction. Others chain each piece from the previous
    /// piece's last frame.
    public var continuousSegments: Bool
    /// The clip lengths the model makes, in seconds, shortest first (Kling: 5 and 10); empty when
    /// it makes any length up to `maxClipSeconds`.
    public var durations: [Double]
    /// What one second of made clip costs, in US dollars, as far as Reel can tell before asking
    /// (0 for embedded backends).
    public var pricePerSecondUSD: Double
    /// How the service continues its own generations, when it can: a long shot is then made as
    /// one generation and extensions of it, not as pieces chained from last frames.
    public var nativeExtension: NativeExtension?
    /// Whether the backend makes the clip end on ``ClipRequest/endImage`` (Luma's `end_frame`,
    /// Veo's `lastFrame`); others drop it, and the plan says so per shot.
    public var endFrame: Bool

    public init(
        maxClipSeconds: Double, cameraMoves: Bool, motionPrompt: Bool, continuousSegments: Bool = false,
        durations: [Double] = [], pricePerSecondUSD: Double = 0, endFrame: Bool = false
    ) {
        self.endFrame = endFrame
        self.maxClipSeconds = maxClipSeconds
        self.cameraMoves = cameraMoves
        self.motionPrompt = motionPrompt
        self.continuousSegments = continuousSegments
        self.durations = durations.sorted()
        self.pricePerSecondUSD = pricePerSecondUSD
    }

    /// The length the backend makes for a clip of `seconds`: the shortest of its `durations`
    /// that holds it (the longest when none does), or `seconds` itself when any length goes.
    public func snappedSeconds(_ seconds: Double) -> Double {
        guard let longest = durations.last else { return seconds }
        return durations.first { $0 >= seconds - 1e-9 } ?? longest
    }

    /// The expected cost of one clip of `seconds`, paid at the length the model makes.
    public func estimatedCostUSD(seconds: Double) -> Double {
        pricePerSecondUSD * snappedSeconds(seconds)
    }
}
