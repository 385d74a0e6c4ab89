import ReelKit

/// Where the Gemini API key is read from: `GOOGLE_API_KEY` or `GEMINI_API_KEY`, the former
/// winning when both are set, as Google's SDK does (backend-apis.md §8); environment only.
public enum GeminiKey {
    /// The variable a user is told to set.
    public static let variable = "GEMINI_API_KEY"
    static let variables = ["GOOGLE_API_KEY", "GEMINI_API_KEY"]

    /// The key in `environment`, or `nil` when neither is set (empty values count as unset).
    public static func read(from environment: [String: String]) -> ServiceKey? {
        ServiceKey.read(variables, from: environment)
    }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(
            service: "gemini", variable: variable, alternatives: "or GOOGLE_API_KEY",
            getOneAt: "https://aistudio.google.com/apikey")
    }
}
