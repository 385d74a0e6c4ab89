import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor with the few POSIX calls the blob store needs that Foundation does
/// not offer: `fsync` of files and directories, `flock`, and writes that report `errno`.
///
/// A class so exactly one owner closes the descriptor, in `deinit`, on every path.
final class PosixFile {
    let descriptor: Int32
    let path: String

    /// Opens `path` with `flags` (`O_…`), creating it with `mode` when `O_CREAT` is given.
    init(path: String, flags: Int32, mode: mode_t = 0o644) throws {
        let descriptor = open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw PosixFile.error("cannot open", path) }
        self.descriptor = descriptor
        self.path = path
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Opens `path`, or returns nil if nothing is there.
    static func openExisting(path: String, flags: Int32) throws -> PosixFile? {
        let descriptor = open(path, flags | O_CLOEXEC)
        if descriptor >= 0 { return PosixFile(descriptor: descriptor, path: path) }
        if errno == ENOENT { return nil }
        throw error("cannot open", path)
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw PosixFile.error("cannot write", path)
            }
            next += written
            remaining -= written
        }
    }

    /// Reads up to `buffer.count` bytes; 0 means end of file.
    func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw PosixFile.error("cannot read", path) }
        }
    }

    /// Flushes the file's content and metadata to the disk.
    func sync() throws {
        guard fsync(descriptor) == 0 else { throw PosixFile.error("cannot flush", path) }
    }

    /// Sets the file's permission bits.
    func setMode(_ mode: mode_t) throws {
        guard fchmod(descriptor, mode) == 0 else { throw PosixFile.error("cannot change permissions of", path) }
    }

    /// Takes an exclusive `flock`. With `wait: false`, returns false at once if another open
    /// file holds it. The lock goes away when the descriptor closes, also when the process is
    /// killed, which is what tells a live writer's temporary file from an abandoned one.
    func lockExclusively(wait: Bool) throws -> Bool {
        while true {
            if flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw PosixFile.error("cannot lock", path)
        }
    }

    /// The device and inode of the open file, to check it is still the one at `path`.
    func identity() throws -> FileIdentity {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw PosixFile.error("cannot inspect", path) }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The device and inode of whatever is at `path` now, or nil if nothing is.
    static func identity(at path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Flushes a directory's entries (a rename or a new file in it) to the disk.
    static func syncDirectory(at path: String) throws {
        let directory = try PosixFile(path: path, flags: O_RDONLY | O_DIRECTORY)
        try directory.sync()
    }

    /// Renames atomically, replacing whatever is at `destination`.
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else { throw error("cannot move \(source) to", destination) }
    }

    /// Creates a directory; an existing one is fine. Returns true if it was created.
    static func makeDirectory(at path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw error("cannot create directory", path)
    }

    /// Removes a file; a missing one is fine.
    static func remove(at path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw error("cannot remove", path) }
    }

    static func error(_ action: String, _ path: String, errorNumber: Int32 = errno) -> StoreError {
        let reason = String(cString: strerror(errorNumber))
        return StoreError(
            .io, "\(action) \(path): \(reason)", path: path,
            underlying: POSIXErrorCode(rawValue: errorNumber).map { POSIXError($0) })
    }
}

/// Which file an open descriptor or a path refers to.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
}
