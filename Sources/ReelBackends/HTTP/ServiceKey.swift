import ReelKit

/// A hosted service's API key, read from the environment only (the variables backend-apis.md
/// names for it). It is never written to settings, the store, logs or messages: its
/// descriptions say only which variable it came from, and the secret leaves only as a header.
///
/// ```swift
/// let key = ServiceKey.read(["REPLICATE_API_TOKEN"], from: environment)
/// call.headers.append(("Authorization", key.header(scheme: "Bearer")))
/// ```
public struct ServiceKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let secret: String
    /// Which variable (or variables) the key came from, for `reel backends`.
    public let source: String

    public init(secret: String, source: String) {
        self.secret = secret
        self.source = source
    }

    /// The first of `variables` set in `environment`, or `nil` when none is (empty counts as unset).
    public static func read(_ variables: [String], from environment: [String: String]) -> ServiceKey? {
        for variable in variables {
            if let value = environment[variable], !value.isEmpty { return ServiceKey(secret: value, source: variable) }
        }
        return nil
    }

    /// The secret behind `scheme` (`Bearer`, `Key`) for an `Authorization` header, or bare
    /// when `scheme` is nil (for headers like `x-goog-api-key`).
    public func header(scheme: String?) -> String { scheme.map { "\($0) \(secret)" } ?? secret }

    public var description: String { "key from \(source)" }
    public var debugDescription: String { description }

    /// The one error a run without a key gets, before anything is sent: which variable to set
    /// and where a key is had.
    public static func missing(
        service: String, variable: String, alternatives: String? = nil, getOneAt: String
    )
        -> ReelError
    {
        ReelError(
            .invalidInput,
            "\(service) needs an API key: set \(variable) in the environment\(alternatives.map { " (\($0))" } ?? ""); "
                + "get one at \(getOneAt). Keys are read only from the environment, never from film.yaml")
    }
}
