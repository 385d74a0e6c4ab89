import Foundation

/// The last lines a child process wrote to stderr, kept in a ring so a chatty ffmpeg never grows memory.
///
/// Fed from the thread that drains the pipe; read once the process has exited. ffmpeg ends
/// progress lines with `\r`, so both `\r` and `\n` end a line.
final class StderrTail: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var ring: [String] = []
    private var next = 0
    private var partial: [UInt8] = []

    init(capacity: Int = 20) {
        self.capacity = max(1, capacity)
    }

    /// Appends raw bytes as read from the pipe; complete lines enter the ring.
    func append(_ bytes: UnsafeRawBufferPointer) {
        lock.lock()
        defer { lock.unlock() }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                flushPartial()
            } else if partial.count < 4096 {
                partial.append(byte)
            }
        }
    }

    /// Ends the stream: a last line without a newline still counts.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        flushPartial()
    }

    /// The kept lines, oldest first.
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        guard ring.count == capacity else { return ring }
        return Array(ring[next...] + ring[..<next])
    }

    private func flushPartial() {
        defer { partial.removeAll(keepingCapacity: true) }
        let line = String(decoding: partial, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return }
        if ring.count < capacity {
            ring.append(line)
        } else {
            ring[next] = line
            next = (next + 1) % capacity
        }
    }
}
