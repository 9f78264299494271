import CaseloadCore
import CaseloadStore
import Foundation
import Synchronization

/// Each service's waiting list kept in memory for a few seconds, so that answering a
/// submission (its position and estimated first week) or a read does not recompute the
/// whole list. Rebuilt from the database when older than `maxAge` or after any other change.
/// Lists are read and changed only inside the lock, so inserting never copies them.
final class WaitingCache: Sendable {
    struct Snapshot {
        var entries: [WaitingEntry]
        var list: WaitingList
        var capacity: ServiceCapacity?
        var built: ContinuousClock.Instant
        /// Each entry by referral, for finding one place without a scan.
        var byId: [Int64: WaitingEntry] = [:]
        /// Each entry's fill item, in list order (placing a new referral fills up to its place).
        var items: [WaitingList.FillItem] = []
        /// The open weeks from the day the list was built.
        var weeks: [(monday: CalendarDate, share: Double)] = []
        /// Referrals placed while a new list was being built, to place again in it.
        var pending: [Referral] = []
        /// The cache's generation when it was built.
        var generation = 0
        /// One school's places, kept until the list changes.
        var bySchool: [String: [WaitingEntry]] = [:]
        /// A caller is rebuilding this stale list.
        var rebuilding = false
    }
    let maxAge: Duration

    /// A cache whose lists are rebuilt once older than `maxAge`.
    init(maxAge: Duration = .seconds(10)) { self.maxAge = maxAge }

    /// Whether any list is being rebuilt in the background.
    var rebuilding: Bool { snapshots.withLock { $0.values.contains { $0.rebuilding } } }
    private let snapshots = Mutex<[String: Snapshot]>([:])

    /// Forgets every list (after a change other than a plain submission).
    func invalidate() {
        generation.withLock { $0 += 1 }
        snapshots.withLock { $0.removeAll() }
    }

    /// Counts invalidations: a list built from before one is not put in place.
    private let generation = Mutex(0)

    /// The service's current list, optionally only one school's places.
    func list(service: String, school: String?, state: ServerState) throws -> [WaitingEntry] {
        try ensure(service, state)
        return snapshots.withLock { all in
            guard let entries = all[service]?.entries else { return [] }
            guard let urn = school else { return entries }
            if let view = all[service]!.bySchool[urn] { return view }
            let view = entries.filter { $0.referral.request.school == urn }
            all[service]!.bySchool[urn] = view
            return view
        }
    }

    /// One page of the places of `services` (in that order), optionally one school's, and how many
    /// there are in all: only the page is copied out of the cache.
    func page(services: [String], school: String?, offset: Int, limit: Int, state: ServerState) throws -> (entries: [WaitingEntry], total: Int) {
        for service in services { try ensure(service, state) }
        return snapshots.withLock { all in
            var out: [WaitingEntry] = []
            var skip = offset
            var total = 0
            for service in services where all[service] != nil {
                if let urn = school, all[service]!.bySchool[urn] == nil {  // built under the lock, so a write cannot clear it meanwhile
                    all[service]!.bySchool[urn] = all[service]!.entries.filter { $0.referral.request.school == urn }
                }
                let view = school.map { all[service]!.bySchool[$0]! } ?? all[service]!.entries
                total += view.count
                guard out.count < limit, skip < view.count else {
                    skip = max(0, skip - view.count)
                    continue
                }
                out += view[skip..<min(view.count, skip + limit - out.count)]
                skip = 0
            }
            return (out, total)
        }
    }

    /// The places of the referrals `ids` (those on the lists of `services`), looked up by id.
    func places(_ ids: Set<Int64>, services: [String], state: ServerState) throws -> [Int64: WaitingEntry] {
        guard !ids.isEmpty else { return [:] }
        for service in services { try ensure(service, state) }
        return snapshots.withLock { all in
            var out: [Int64: WaitingEntry] = [:]
            for service in services {
                guard let byId = all[service]?.byId else { continue }
                for id in ids where out[id] == nil { out[id] = byId[id] }
            }
            return out
        }
    }

    /// The new referral's place, inserted into the cached list of its service.
    func place(_ r: Referral, state: ServerState) throws -> WaitingEntry {
        try ensure(r.request.service, state)
        let today = state.today()
        let service = r.request.service
        return snapshots.withLock { all in
            guard all[service] != nil else { return WaitingEntry.unplaced(r) }
            if let existing = all[service]!.byId[r.id] { return existing }
            if all[service]!.rebuilding { all[service]!.pending.append(r) }
            return WaitingCache.insert(r, into: &all[service]!, today: today)
        }
    }

    /// Builds the service's list from the database when none is cached (the caller waits). A
    /// stale list is rebuilt in the background while callers go on with it (a rebuild of a large
    /// list takes a good part of a second, which no request should wait for); referrals placed
    /// meanwhile are placed again in the new list.
    private func ensure(_ service: String, _ state: ServerState) throws {
        let stale = snapshots.withLock { all -> Bool? in
            guard let s = all[service] else { return nil }
            guard ContinuousClock.now - s.built >= maxAge, !s.rebuilding else { return false }
            all[service]!.rebuilding = true
            return true
        }
        switch stale {
        case nil: try install(service, build(service, state), state, whatever: true)  // a caller waits for it
        case true?:
            refresher.async { [self] in
                do { try install(service, build(service, state), state) } catch {
                    snapshots.withLock { $0[service]?.rebuilding = false }  // the next caller tries again
                }
            }
        case false?: return
        }
    }

    /// Where stale lists are rebuilt, one at a time, off the request path.
    private let refresher = DispatchQueue(label: "caseload.waiting-cache", qos: .utility)

    private func build(_ service: String, _ state: ServerState) throws -> Snapshot {
        let started = generation.withLock { $0 }
        let (entries, list, capacity) = try state.db.referrals.waitingSnapshot(config: state.config, today: state.today(), service: service)
        var s = Snapshot(entries: entries, list: list, capacity: capacity.first { $0.service == service }, built: .now)
        s.byId = Dictionary(entries.map { ($0.referral.id, $0) }, uniquingKeysWith: { a, _ in a })
        s.items = entries.map { list.fillItem($0.referral) }
        s.weeks = list.openWeeks(after: state.today())
        s.generation = started
        return s
    }

    /// Puts `fresh` in place, with the referrals placed in the old list while it was built; a
    /// background rebuild overtaken by a change is dropped (`whatever`: put it in place anyway).
    private func install(_ service: String, _ fresh: Snapshot, _ state: ServerState, whatever: Bool = false) {
        let today = state.today()
        guard whatever || generation.withLock({ $0 }) == fresh.generation else {  // changed meanwhile: build again on the next call
            snapshots.withLock { $0[service]?.rebuilding = false }
            return
        }
        snapshots.withLock { all in
            var s = fresh
            for r in all[service]?.pending ?? [] where s.byId[r.id] == nil { _ = WaitingCache.insert(r, into: &s, today: today) }
            all[service] = s
        }
    }

    /// Places `r` in the snapshot `s`: numbered and estimated among the others.
    static func insert(_ r: Referral, into s: inout Snapshot, today: CalendarDate) -> WaitingEntry {
        let (index, entry) = s.list.place(
            s.list.entry(r, today: today), in: s.entries, today: today, capacity: s.capacity,
            items: s.items, weeks: s.weeks)
        s.entries.insert(entry, at: index)
        s.items.insert(s.list.fillItem(r), at: index)
        s.byId[r.id] = entry
        s.bySchool.removeAll()
        return entry
    }
}

extension WaitingEntry {
    /// An entry with no place (when no list could be built).
    static func unplaced(_ r: Referral) -> WaitingEntry {
        WaitingEntry(
            referral: r, position: 0, priority: r.score, weeksWaited: 0, targetWeeks: nil, breached: false,
            statutoryDeadline: nil, estimatedFirstWeek: nil)
    }
}
