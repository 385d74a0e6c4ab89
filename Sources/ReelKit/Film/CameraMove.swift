/// The embedded `camera` animator's move for a shot; for video models it also seeds the motion
/// prompt ("slow push-in").
public enum CameraMove: String, CaseIterable, Sendable, Codable {
    case pushIn = "push-in"
    case pullOut = "pull-out"
    case panLeft = "pan-left"
    case panRight = "pan-right"
    case tiltUp = "tilt-up"
    case tiltDown = "tilt-down"
    case drift
    case shake
    case `static` = "static"
}
