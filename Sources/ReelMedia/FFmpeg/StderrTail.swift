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

/// A value that arrives once and can be awaited by any number of tasks.
final class Latch<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private var waiters: [CheckedContinuation<Value, Never>] = []

    func fulfill(_ newValue: Value) {
        lock.lock()
        guard value == nil else {
            lock.unlock()
            return
        }
        value = newValue
        let pending = waiters
        waiters = []
        lock.unlock()
        for waiter in pending { waiter.resume(returning: newValue) }
    }

    var current: Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func wait() async -> Value {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let value {
                lock.unlock()
                continuation.resume(returning: value)
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }
}
