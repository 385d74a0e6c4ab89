import ReelKit

/// Where Replicate's API token is read from: `REPLICATE_API_TOKEN` (backend-apis.md §3),
/// environment only.
public enum ReplicateKey {
    /// The variable a user sets.
    public static let variable = "REPLICATE_API_TOKEN"

    /// The token in `environment`, or `nil` when it is not set (empty counts as unset).
    public static func read(from environment: [String: String]) -> ServiceKey? {
        ServiceKey.read([variable], from: environment)
    }

    /// The one error a run without a token gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(
            service: "Replicate", variable: variable, getOneAt: "https://replicate.com/account/api-tokens")
    }
}
