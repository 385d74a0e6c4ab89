import ReelMedia
import Synchronization

/// A studio's memory of its film's shot lengths, cut timeline and clip keys, which planning asks
/// for once per clip or more: working each out again for every shot would cost the square of the
/// number of shots.
///
/// Shot lengths change only while lines are still to be spoken (a line may lengthen its shot).
/// Once every shot that may grow has all its lines stored they are settled for the studio's life,
/// and so are the clip keys computed from them; until then only the last timeline is kept.
final class TimelineMemo: Sendable {
    private struct State {
        var settled: [Double]?
        var last: (durations: [Double], timeline: CutTimeline?)?
        var clipKeys: [String: StepKey] = [:]
    }

    private let state = Mutex(State())

    /// The shot lengths, worked out by `compute` until they are settled.
    func durations(_ compute: () throws -> (durations: [Double], settled: Bool)) rethrows -> [Double] {
        if let settled = state.withLock({ $0.settled }) { return settled }
        let (durations, settled) = try compute()
        if settled { state.withLock { $0.settled = durations } }
        return durations
    }

    /// The timeline laid out for `durations`, made by `layout` unless it is the last one asked for.
    func timeline(for durations: [Double], layout: () -> CutTimeline?) -> CutTimeline? {
        if let known = state.withLock({ $0.last }), known.durations == durations { return known.timeline }
        let timeline = layout()
        state.withLock { $0.last = (durations, timeline) }
        return timeline
    }

    /// The clip key named `name` (a shot and its picked candidate), made by `make`; remembered
    /// only once the shot lengths it depends on are settled.
    func clipKey(_ name: String, _ make: () throws -> StepKey) rethrows -> StepKey {
        let (known, settled) = state.withLock { ($0.clipKeys[name], $0.settled != nil) }
        if let known { return known }
        let key = try make()
        if settled { state.withLock { $0.clipKeys[name] = key } }
        return key
    }
}
