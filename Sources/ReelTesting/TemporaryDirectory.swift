import Foundation

/// A fresh directory under the system's temporary directory, removed after `body` on every
/// path (throwing and cancellation included).
public func withTemporaryDirectory<T>(
    _ prefix: String = "reel-test", _ body: (URL) async throws -> T
) async rethrows -> T {
    let url = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
