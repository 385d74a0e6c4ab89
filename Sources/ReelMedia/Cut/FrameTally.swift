import Foundation

/// Counts finished film frames across concurrent tasks and reports the fraction.
final class FrameTally: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: (@Sendable (Double) -> Void)?
    private var done = 0

    init(total: Int, report: (@Sendable (Double) -> Void)?) {
        self.total = max(1, total)
        self.report = report
    }

    func add(_ frames: Int) {
        guard let report else { return }
        lock.lock()
        done += frames
        let fraction = min(1, Double(done) / Double(total))
        lock.unlock()
        report(fraction)
    }
}
