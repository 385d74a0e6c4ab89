/// How the embedded `camera` backend animates a still: the move a shot's `camera:` names.
///
/// Each move is a path of a crop window over the still, eased in and out, rendered with
/// sub-pixel accuracy so the picture never jitters. For remote video models the same words
/// become part of the motion prompt.
///
/// ```yaml
/// camera: push-in
/// ```
public enum CameraMove: String, CaseIterable, Sendable, Codable {
    /// Moves closer: the frame narrows toward the centre of the still.
    case pushIn = "push-in"
    /// Moves away: the frame widens from the centre to the whole still.
    case pullOut = "pull-out"
    /// Turns left: the frame slides toward the still's left edge.
    case panLeft = "pan-left"
    /// Turns right: the frame slides toward the still's right edge.
    case panRight = "pan-right"
    /// Tilts up: the frame slides toward the still's top edge.
    case tiltUp = "tilt-up"
    /// Tilts down: the frame slides toward the still's bottom edge.
    case tiltDown = "tilt-down"
    /// A slow, gentle diagonal float with a slight zoom.
    case drift
    /// A hand-held wobble: smooth, deterministic noise from the shot's seed.
    case shake
    /// No motion: the whole still, held.
    case `static` = "static"
}
