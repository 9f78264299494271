import CaseloadCore
import Foundation
import GRDB

/// The leaders hear once about each urgent or statutory referral that will miss its target.
extension OutboxStore {
    /// Tells the leaders (and the webhook, which gets no pupil reference: only referral numbers)
    /// about those of `late` not told before, in one message; returns how many were new.
    @discardableResult
    public func warnLate(_ late: [LateReferral], stamp: Stamp) throws -> Int {
        guard !late.isEmpty else { return 0 }
        return try write { db in
            var new: [LateReferral] = []
            for l in late {
                try db.execute(
                    sql:
                        "INSERT OR IGNORE INTO late_warning (referral_id, due, warned_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM referral WHERE id = ?)",
                    arguments: [l.referral, l.due.description, stamp.iso, l.referral])
                if db.changesCount == 1 { new.append(l) }
            }
            guard !new.isEmpty else { return 0 }
            let notice = Notice.willMissTarget(new)
            try OutboxStore.enqueue(db, kind: "will_miss_target", notice, to: try OutboxStore.holders(db, role: "leader"), stamp: stamp)
            try OutboxStore.announce(db, kind: "will_miss_target", notice, stamp: stamp)
            return new.count
        }
    }
}
