import ReelKit

/// Where Runway's API secret is read from: `RUNWAYML_API_SECRET` (backend-apis.md §5), the
/// environment only.
public enum RunwayKey {
    /// The variable a user sets.
    public static let variable = "RUNWAYML_API_SECRET"

    /// The key in `environment`, or `nil` when it is unset or empty.
    public static func read(from environment: [String: String]) -> ServiceKey? {
        ServiceKey.read([variable], from: environment)
    }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(service: "runway", variable: variable, getOneAt: "https://dev.runwayml.com")
    }
}
