import ReelKit

/// The fal API key, read from the environment only: `FAL_KEY`, or `FAL_KEY_ID` with
/// `FAL_KEY_SECRET` (backend-apis.md §4). It is never written to settings, the store, logs or
/// messages; its description says only that a key is set.
public struct FalKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The variable a user sets.
    public static let variable = "FAL_KEY"
    private let secret: String
    /// Which variables the key came from, for `reel backends`.
    public let source: String

    init(secret: String, source: String) {
        self.secret = secret
        self.source = source
    }

    /// The key in `environment`, or `nil` when neither form is set (empty values count as unset).
    public static func read(from environment: [String: String]) -> FalKey? {
        if let key = environment["FAL_KEY"], !key.isEmpty { return FalKey(secret: key, source: "FAL_KEY") }
        if let id = environment["FAL_KEY_ID"], !id.isEmpty, let secret = environment["FAL_KEY_SECRET"],
            !secret.isEmpty
        {
            return FalKey(secret: "\(id):\(secret)", source: "FAL_KEY_ID + FAL_KEY_SECRET")
        }
        return nil
    }

    /// The `Authorization` header's value.
    var authorization: String { "Key \(secret)" }

    public var description: String { "fal key from \(source)" }
    public var debugDescription: String { description }

    /// The one error a run without a key gets, before anything is sent.
    public static var missing: ReelError {
        ReelError(
            .invalidInput,
            "fal needs an API key: set \(variable) in the environment (or FAL_KEY_ID and FAL_KEY_SECRET); "
                + "get one at https://fal.ai/dashboard/keys. Keys are read only from the environment, never from "
                + "film.yaml")
    }
}
