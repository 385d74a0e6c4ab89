import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams one blob into the store: bytes go to a temporary file and into a SHA-256 as they
/// arrive, so a video of any size is hashed while it is copied, in constant memory.
///
/// You get a writer only inside ``BlobStore/put(writingWith:)`` or ``BlobStore/putStream(_:)``;
/// the blob appears under its hash when that closure returns, and not at all if it throws or
/// the process dies.
public final class BlobWriter {
    private let file: PosixFile
    private var hasher = SHA256()
    /// How many bytes were written so far.
    public private(set) var byteCount: Int64 = 0

    /// Where the bytes go until the blob is complete.
    var temporaryPath: String { file.path }

    /// Creates a uniquely named temporary file in `temporaryDirectory` and holds an exclusive
    /// lock on it for as long as this writer lives.
    init(temporaryDirectory: String) throws {
        // A store being opened elsewhere deletes unlocked temporary files. If it catches ours
        // between creation and locking, the name no longer leads to our file: start over.
        for _ in 0..<8 {
            let path = temporaryDirectory + "/" + UUID().uuidString.lowercased() + ".partial"
            let candidate = try PosixFile(path: path, flags: O_RDWR | O_CREAT | O_EXCL, mode: 0o644)
            _ = try candidate.lockExclusively(wait: true)
            if try PosixFile.identity(at: path) == candidate.identity() {
                file = candidate
                return
            }
        }
        throw StoreError(
            .io,
            "cannot create a temporary file in \(temporaryDirectory): it keeps disappearing; is another program emptying it?",
            path: temporaryDirectory)
    }

    /// Appends `data` to the blob.
    public func write(_ data: some DataProtocol) throws {
        for region in data.regions {
            try region.withUnsafeBytes { try write($0) }
        }
    }

    /// Appends `bytes` to the blob.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try file.writeAll(bytes)
        hasher.update(bufferPointer: bytes)
        byteCount += Int64(bytes.count)
    }

    /// Makes the temporary file durable and read-only, and returns the content's id.
    /// The caller then moves it under its final name.
    func finish() throws -> BlobID {
        try file.sync()
        // Blobs are immutable; read-only files keep tools that write in place (an ffmpeg run
        // with the wrong output path) from changing content behind its hash.
        try file.setMode(0o444)
        return BlobID(digest: hasher.finalize())
    }
}
