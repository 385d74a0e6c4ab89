#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Blocking pipe I/O for ``ChildProcess``, on raw descriptors: EINTR retried, errors returned, not thrown.
enum PipeIO {
    /// Writes the whole buffer; 0 on success, else the errno that stopped it.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = write(fd, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            next += written
            left -= written
        }
        return 0
    }

    /// Fills the buffer unless the pipe ends first; returns how many bytes arrived.
    static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = read(fd, base + filled, buffer.count - filled)
            if count > 0 {
                filled += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return filled
    }

    /// One read of at most `buffer.count` bytes: > 0 bytes read, 0 at the end, < 0 on an error other than EINTR.
    static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let count = read(fd, base, buffer.count)
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Ends a process at once.
    static func kill(_ pid: Int32) {
        _ = sendSignal(pid, SIGKILL)
    }
}

/// `kill(2)`, under a name that does not clash with ``PipeIO/kill(_:)``.
private func sendSignal(_ pid: Int32, _ signal: Int32) -> Int32 {
    kill(pid, signal)
}
