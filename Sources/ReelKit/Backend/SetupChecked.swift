/// A backend that cannot run until the user sets something up, such as an API key in the
/// environment. The engine asks every backend a run will use before it starts anything, so a
/// missing key is one clear error before any money is spent, not one failure per shot.
public protocol SetupChecked: Sendable {
    /// Throws an error that says what to set up (naming the variable), or returns when ready.
    func checkSetup() throws
}
