import ReelKit

/// Where OpenAI's API key is read from: `OPENAI_API_KEY`, with the optional organization and
/// project ids (`OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`) sent as `OpenAI-Organization` and
/// `OpenAI-Project` (backend-apis.md §2); environment only.
public enum OpenAIKey {
    /// The variable a user sets.
    public static let variable = "OPENAI_API_KEY"

    /// The key in `environment`, or `nil` when it is unset or empty.
    public static func read(from environment: [String: String]) -> ServiceKey? {
        ServiceKey.read([variable], from: environment)
    }

    /// The optional account headers, from the environment.
    public static func accountHeaders(from environment: [String: String]) -> [(String, String)] {
        var headers: [(String, String)] = []
        if let org = environment["OPENAI_ORG_ID"], !org.isEmpty { headers.append(("OpenAI-Organization", org)) }
        if let project = environment["OPENAI_PROJECT_ID"], !project.isEmpty {
            headers.append(("OpenAI-Project", project))
        }
        return headers
    }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ServiceKey.missing(
            service: "OpenAI", variable: variable, getOneAt: "https://platform.openai.com/api-keys")
    }
}
