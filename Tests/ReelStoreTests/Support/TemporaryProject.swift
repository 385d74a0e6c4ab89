import Foundation
import ReelStore

/// A fresh directory under the system's temporary directory, removed when the test ends.
@discardableResult
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appending(path: "reel-store-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The same, for tests that await.
@discardableResult
func withAsyncTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appending(path: "reel-store-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// The date every store in the tests is opened with, so records can be compared whole.
/// Milliseconds only: the database keeps dates to the millisecond.
let fixedDate = Date(timeIntervalSince1970: 1_750_000_000.125)

/// Opens a store on a fresh project directory with the fixed clock.
@discardableResult
func withStore<T>(_ body: (Store) throws -> T) throws -> T {
    try withTemporaryDirectory { directory throws in
        try body(Store.open(projectDirectory: directory, now: { fixedDate }))
    }
}

/// Every regular file under `directory`, as paths relative to it, sorted.
func regularFiles(under directory: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.appending(path: relative).path, isDirectory: &isDirectory),
            !isDirectory.boolValue
        {
            files.append(relative)
        }
    }
    return files.sorted()
}
