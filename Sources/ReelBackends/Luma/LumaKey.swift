import ReelKit

/// Where Luma's key is read from: `LUMA_AGENTS_API_KEY`, the Agents API's variable
/// (backend-apis.md §6b); the environment only. Dream Machine's `LUMAAI_API_KEY` is not read:
/// its keys belong to the legacy API.
public enum LumaKey {
    /// The variable a user sets.
    public static let variable = "LUMA_AGENTS_API_KEY"

    /// The key in `environment`, or `nil` when it is unset or empty.
    public static func read(from environment: [String: String]) -> ServiceKey? {
        ServiceKey.read([variable], from: environment)
    }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(service: "luma", variable: variable, getOneAt: "https://lumalabs.ai/api")
    }
}
