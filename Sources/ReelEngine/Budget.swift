import ReelKit
import Synchronization

/// A spending cap for one run (`reel make --budget 5`): a generation that would take the run's
/// spending past the cap is refused before it starts, so nothing is paid for that cannot be used.
public final class Budget: Sendable {
    public let limitUSD: Double
    private let spent = Mutex<Double>(0)

    public init(limitUSD: Double) {
        self.limitUSD = limitUSD
    }

    public var spentUSD: Double { spent.withLock { $0 } }

    /// Reserves `amount` for a generation about to start, or throws without reserving.
    func reserve(_ amount: Double, backend: String) throws {
        try spent.withLock { spent in
            guard spent + amount <= limitUSD + 1e-9 else {
                throw ReelError(
                    .invalidInput,
                    String(
                        format:
                            "a generation on %@ (about $%.2f) would take this run to $%.2f, past its --budget of $%.2f; raise --budget or generate fewer shots",
                        backend, amount, spent + amount, limitUSD))
            }
            spent += amount
        }
    }
}

extension Studio {
    func checkBudget(adding amount: Double, backend: String) throws {
        guard amount > 0, let budget else { return }
        try budget.reserve(amount, backend: backend)
    }
}
