import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BlobStore {
    /// The blob's content, checked against its hash.
    /// - Throws: ``StoreError`` `.missingBlob` if it is not stored, `.corruptBlob` if its content
    ///   no longer matches `id`.
    public func data(_ id: BlobID) throws -> Data {
        var content = Data()
        let intact = try read(id) { content.append(contentsOf: $0) }
        guard let intact else { throw missing(id) }
        guard intact else { throw corrupt(id) }
        return content
    }

    /// The blob's location after checking its content against its hash, for consumers that
    /// read files themselves (ffmpeg, an HTTP response).
    /// - Throws: ``StoreError`` `.missingBlob` or `.corruptBlob`.
    public func verifiedURL(_ id: BlobID) throws -> URL {
        guard let intact = try check(id) else { throw missing(id) }
        guard intact else { throw corrupt(id) }
        return url(id)
    }

    /// Whether the blob is stored and its content still matches its hash.
    ///
    /// In a project's store, a file whose size, modification time and inode are those it had when
    /// last found intact is trusted without being read again; any other is read and hashed.
    /// - Throws: only when the file exists but cannot be read.
    public func verify(_ id: BlobID) throws -> Bool {
        try check(id) ?? false
    }

    /// Nil if there is no such blob, else whether its content matches `id`, hashing the file
    /// only when it changed since it was last found intact.
    private func check(_ id: BlobID) throws -> Bool? {
        guard let checks else { return try read(id, { _ in }) }
        guard let stamp = BlobStamp(path: url(id).path) else { return nil }
        // A check that cannot be read or written costs a hash, never a wrong answer.
        if (try? checks.matches(id, stamp)) == true { return true }
        guard let intact = try read(id, { _ in }) else { return nil }
        // The stamp taken before reading: a file rewritten meanwhile no longer matches it.
        if intact { try? checks.record(id, stamp) }
        return intact
    }

    /// Streams the blob through `consume` while hashing it. Returns nil if there is no such
    /// blob, else whether the content matched `id`.
    private func read(_ id: BlobID, _ consume: (UnsafeRawBufferPointer) -> Void) throws -> Bool? {
        let path = url(id).path
        guard let file = try PosixFile.openExisting(path: path, flags: O_RDONLY) else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: BlobStore.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let count = try file.readSome(into: buffer)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            hasher.update(bufferPointer: chunk)
            consume(chunk)
        }
        return BlobID(digest: hasher.finalize()) == id
    }

    private func missing(_ id: BlobID) -> StoreError {
        StoreError(
            .missingBlob, "blob \(id.short) is not in the project's blob store; run the step that makes it again",
            path: url(id).path)
    }

    private func corrupt(_ id: BlobID) -> StoreError {
        StoreError(
            .corruptBlob,
            "blob \(id.short) is corrupt: its content no longer matches its hash; run the step that makes it again (the file is replaced when it is regenerated)",
            path: url(id).path)
    }
}
