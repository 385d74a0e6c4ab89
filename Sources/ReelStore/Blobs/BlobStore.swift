import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Content-addressed files: every blob is stored once, under the SHA-256 of its content, as
/// `blobs/ab/cdef…` (the first two hex digits name a directory).
///
/// Writes are atomic and durable: content goes to `blobs/tmp/`, is flushed, then renamed under
/// its hash and the directory flushed, so a blob's final name never holds partial content even
/// if the writer is killed. Reads check the hash and report a mismatch as
/// ``StoreError/Code-swift.struct/corruptBlob`` so the engine regenerates instead of using it.
///
/// ```swift
/// let blobs = try BlobStore(directory: project.appending(path: ".reel/blobs"))
/// let id = try blobs.put(pngData)
/// let same = try blobs.data(id)   // verified
/// ```
public struct BlobStore: Sendable {
    /// The `blobs` directory.
    public let directory: URL

    var temporaryDirectory: String { directory.path + "/tmp" }
    /// The stat of each blob last found intact; without it (a store opened on its own) every
    /// check reads and hashes the file.
    let checks: BlobChecks?

    /// Opens (creating if needed) the blob store in `directory` and deletes temporary files
    /// left behind by writers that were killed.
    public init(directory: URL) throws {
        try self.init(directory: directory, checks: nil)
    }

    /// Opens the blob store of a project whose database remembers which files were found intact.
    init(directory: URL, checks: BlobChecks?) throws {
        self.directory = directory.standardizedFileURL
        self.checks = checks
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                .io, "cannot create the blob directory \(directory.path): \(error.localizedDescription)",
                path: directory.path, underlying: error)
        }
        _ = try PosixFile.makeDirectory(at: temporaryDirectory)
        try removeAbandonedTemporaryFiles()
    }

    /// Where the blob `id` lives. Says nothing about whether it exists or is intact: hand a
    /// consumer ``verifiedURL(_:)`` instead.
    public func url(_ id: BlobID) -> URL {
        directory.appending(path: id.shard, directoryHint: .isDirectory).appending(
            path: id.fileName, directoryHint: .notDirectory)
    }

    /// Whether a file exists under the blob's name (without reading it).
    public func contains(_ id: BlobID) -> Bool {
        FileManager.default.fileExists(atPath: url(id).path)
    }

    /// Stores `data` and returns its id. Content already stored intact is not written again.
    @discardableResult
    public func put(_ data: Data) throws -> BlobID {
        let id = BlobID.of(data)
        if (try? verify(id)) == true { return id }
        return try put(writingWith: { try $0.write(data) })
    }

    /// Stores a copy of the file at `source`, hashing while copying, in constant memory.
    @discardableResult
    public func put(fileAt source: URL) throws -> BlobID {
        let input = try PosixFile(path: source.path, flags: O_RDONLY)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: BlobStore.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        return try put { writer in
            while true {
                let count = try input.readSome(into: buffer)
                if count == 0 { break }
                try writer.write(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// Stores the bytes `body` writes, e.g. a download streamed chunk by chunk. Nothing is
    /// stored if `body` throws.
    @discardableResult
    public func put(writingWith body: (BlobWriter) throws -> Void) throws -> BlobID {
        let writer = try BlobWriter(temporaryDirectory: temporaryDirectory)
        do {
            try body(writer)
            return try commit(writer)
        } catch {
            try? PosixFile.remove(at: writer.temporaryPath)
            throw error
        }
    }

    /// Stores the bytes `body` writes asynchronously (a download, an encoder's output). Nothing
    /// is stored if `body` throws or the task is cancelled.
    @discardableResult
    public func putStream(_ body: (BlobWriter) async throws -> Void) async throws -> BlobID {
        let writer = try BlobWriter(temporaryDirectory: temporaryDirectory)
        do {
            try await body(writer)
            try Task.checkCancellation()
            return try commit(writer)
        } catch {
            try? PosixFile.remove(at: writer.temporaryPath)
            throw error
        }
    }

    /// Moves a finished temporary file under its hash, unless an intact copy is already there.
    private func commit(_ writer: BlobWriter) throws -> BlobID {
        let id = try writer.finish()
        if (try? verify(id)) == true {
            try PosixFile.remove(at: writer.temporaryPath)
            return id
        }
        // A missing or corrupt copy is replaced: rename is atomic, readers see old or new.
        let shardPath = directory.path + "/" + id.shard
        if try PosixFile.makeDirectory(at: shardPath) {
            try PosixFile.syncDirectory(at: directory.path)
        }
        try PosixFile.move(writer.temporaryPath, to: url(id).path)
        try PosixFile.syncDirectory(at: shardPath)
        // Hashed while written: the file as it is now needs no reading to be trusted later.
        if let checks, let stamp = BlobStamp(path: url(id).path) { try? checks.record(id, stamp) }
        return id
    }

    /// Deletes temporary files no live writer holds (their writer was killed or crashed).
    /// Runs on open; returns how many files it removed. Best effort: a file it cannot remove
    /// stays, ignored like every other file in `tmp/`.
    @discardableResult
    public func removeAbandonedTemporaryFiles() throws -> Int {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: temporaryDirectory)
        } catch {
            throw StoreError(
                .io, "cannot list \(temporaryDirectory): \(error.localizedDescription)", path: temporaryDirectory,
                underlying: error)
        }
        var removed = 0
        for name in names {
            let path = temporaryDirectory + "/" + name
            // A writer that vanished between listing and opening needs no cleaning.
            guard let file = try? PosixFile(path: path, flags: O_RDONLY | O_NOFOLLOW) else { continue }
            // Held locks belong to writers still at work, possibly in another process. Ours is
            // kept until the file is gone, so no writer can take the file over in between.
            let didRemove = try withExtendedLifetime(file) {
                guard try file.lockExclusively(wait: false) else { return false }
                return (try? PosixFile.remove(at: path)) != nil
            }
            if didRemove { removed += 1 }
        }
        return removed
    }

    static let chunkSize = 1 << 20
}
