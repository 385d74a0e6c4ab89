/// Settings of the embedded `camera` backend, from the top-level `camera:` block.
public struct CameraSettings: Sendable, Hashable, Codable {
    /// The longest clip the camera renders in one generation when the film sets none.
    public static let defaultMaxClipSeconds: Double = 60

    /// The longest clip one generation renders; longer shots are rendered as a chain of pieces
    /// along one continuous move.
    public var maxClipSeconds: Double

    public init(maxClipSeconds: Double = CameraSettings.defaultMaxClipSeconds) {
        self.maxClipSeconds = maxClipSeconds
    }
}
