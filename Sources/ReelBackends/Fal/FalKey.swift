import ReelKit

/// Where fal's API key is read from: `FAL_KEY`, or `FAL_KEY_ID` with `FAL_KEY_SECRET`
/// (backend-apis.md §4); environment only.
public enum FalKey {
    /// The variable a user sets.
    public static let variable = "FAL_KEY"

    /// The key in `environment`, or `nil` when neither form is set (empty values count as unset).
    public static func read(from environment: [String: String]) -> ServiceKey? {
        if let key = ServiceKey.read([variable], from: environment) { return key }
        if let id = environment["FAL_KEY_ID"], !id.isEmpty, let secret = environment["FAL_KEY_SECRET"],
            !secret.isEmpty
        {
            return ServiceKey(secret: "\(id):\(secret)", source: "FAL_KEY_ID + FAL_KEY_SECRET")
        }
        return nil
    }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(
            service: "fal", variable: variable, alternatives: "or FAL_KEY_ID and FAL_KEY_SECRET",
            getOneAt: "https://fal.ai/dashboard/keys")
    }
}
