import CaseloadCore
import CaseloadStore
import Synchronization

/// Each service's waiting list kept in memory for a few seconds, so that answering a
/// submission (its position and estimated first week) does not recompute the whole list.
/// Rebuilt from the database when older than `maxAge` or after any other change.
final class WaitingCache: Sendable {
    struct Snapshot { var entries: [WaitingEntry]; var list: WaitingList; var minutes: Int; var built: ContinuousClock.Instant }
    let maxAge: Duration = .seconds(10)
    private let snapshots = Mutex<[String: Snapshot]>([:])

    /// Forgets every list (after a change other than a plain submission).
    func invalidate() { snapshots.withLock { $0.removeAll() } }

    /// The new referral's place, added to the cached list of its service.
    func place(_ r: Referral, state: ServerState) throws -> WaitingEntry {
        let service = r.request.service, today = state.today()
        if let placed = snapshots.withLock({ all -> WaitingEntry? in
            guard var s = all[service], ContinuousClock.now - s.built < maxAge else { return nil }
            let (index, entry) = s.list.place(s.list.entry(r, today: today), in: s.entries, today: today, minutesPerWeek: s.minutes)
            s.entries.insert(entry, at: index)
            all[service] = s
            return entry
        }) { return placed }
        let (entries, list, capacity) = try state.db.waitingSnapshot(config: state.config, today: today, service: service)
        let minutes = capacity.first { $0.service == service }?.minutesPerWeek ?? 0
        snapshots.withLock { $0[service] = Snapshot(entries: entries, list: list, minutes: minutes, built: .now) }
        return entries.first { $0.referral.id == r.id } ?? list.entry(r, today: today)
    }
}
