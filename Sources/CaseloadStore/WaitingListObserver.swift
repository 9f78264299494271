import GRDB

/// Watches every committed transaction of this process for changes to what the waiting list is
/// built from (referrals, series, schools, specialists, closures, the projection), so that a cache
/// of the list is told once, whoever made the change: a re-plan, a status change, an import, an
/// outcome. A single new referral (its row and its first status) is left to the caller that
/// placed it in the list. Other processes' writes are not seen here (a cache also ages).
final class WaitingListObserver: TransactionObserver, @unchecked Sendable {
    /// The tables the waiting list reads.
    static let tables: Set<String> = [
        "referral", "referral_status", "series", "school", "specialist", "closure", "projection", "projection_run",
    ]

    private let onChange: @Sendable () -> Void
    // Touched only on the database's writer queue, one transaction at a time.
    private var changed = false
    private var submitted = Set<Int64>()

    init(onChange: @escaping @Sendable () -> Void) { self.onChange = onChange }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { Self.tables.contains(eventKind.tableName) }

    func databaseDidChange(with event: DatabaseEvent) {
        switch (event.kind, event.tableName) {
        case (.insert, "referral"): submitted.insert(event.rowID)
        case (.insert, "referral_status"): break  // a new referral's first status, or one of a change seen in `referral`
        default: changed = true
        }
    }

    func databaseDidCommit(_ db: Database) {
        let tell = changed || submitted.count > 1
        reset()
        if tell { onChange() }
    }

    func databaseDidRollback(_ db: Database) { reset() }

    private func reset() {
        changed = false
        submitted.removeAll()
    }
}

extension AppDatabase {
    /// Calls `onChange` after every transaction of this process that changes what the waiting
    /// list is built from, other than a single new referral (which its caller places itself).
    public func observeWaitingList(_ onChange: @escaping @Sendable () -> Void) {
        add(observer: WaitingListObserver(onChange: onChange))
    }
}
