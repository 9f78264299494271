import CaseloadCore
import CaseloadStore

/// How a referral reads in the terminal: everything submitted, the decision, its place on the list
/// with what its priority is made of, and (for `show`) its sessions and history.
struct ReferralView {
    let referral: Referral
    let store: StoreOptions
    let config: TrustConfig
    var withHistory = false

    var text: String {
        get throws {
            let r = referral
            let school = try store.open().roster.school(r.request.school).map { "\($0.name) (\($0.urn))" } ?? "school \(r.request.school)"
            var lines =
                submitted(r, school: school) + [
                    "  status \(r.status.rawValue); score \(r.score) at intake\(r.band.isEmpty ? "" : ", band \(r.band)")"
                ]
            if r.status == .declined {
                lines.append("  declined:")
                lines += r.declineReasons.map { "    - \($0)" }
            } else if let entry = try store.open().referrals.waitingList(config: config, today: store.today(), service: r.request.service)
                .first(where: { $0.referral.id == r.id })
            {
                lines += place(entry)
            }
            if withHistory { lines += try history(r) }
            return lines.joined(separator: "\n")
        }
    }

    func submitted(_ r: Referral, school: String) -> [String] {
        let q = r.request
        let days =
            q.preferredDays.isEmpty
            ? "any day"
            : q.preferredDays.map(\.displayName).joined(separator: ", ")
                + (q.daysOnly ? " only" : " preferred")
        return [
            "referral \(r.id): pupil \(q.pupilRef) (year \(q.yearGroup)) at \(school), \(q.service) \(r.pathway)",
            "  received \(q.receivedOn); area \(q.area.rawValue); severity \(q.severity); flags \(q.flags.names.isEmpty ? "none" : q.flags.names.joined(separator: ", "))",
            "  assess-plan-do-review cycles \(q.apdrCycles); consent \(q.consent ? "yes" : "no"); days \(days); skill \(q.skill ?? "any")",
            "  reason: \(q.reason.isEmpty ? "(none given)" : q.reason)",
        ]
    }

    func place(_ e: WaitingEntry) -> [String] {
        let b = e.breakdown
        let target = e.targetWeeks.map { "target \($0) weeks (set at intake)\(e.breached ? ", BREACHED" : "")" } ?? "no target"
        let first = e.estimatedFirstWeek.map { "first session likely the week of \($0)" } ?? "no capacity to estimate a first session"
        let deadline = e.statutoryDeadline.map { ", statutory advice due \($0)" } ?? ""
        func n(_ x: Double) -> String { x == x.rounded() ? "\(Int(x))" : String(format: "%.1f", x) }
        return [
            "  on the \(e.referral.request.service) waiting list at position \(e.position), band \(e.band) now; priority \(e.priority) = "
                + "score \(n(b.score)) + waiting \(n(b.waiting)) + statutory deadline \(n(b.deadline)) + fair share \(n(b.fairShare))",
            "  waited \(e.weeksWaited) weeks, \(target)\(deadline); \(first)",
        ]
    }

    func history(_ r: Referral) throws -> [String] {
        let db = try store.open()
        let sessions = try db.timetables.sessions(of: r.id)
        var lines =
            ["  sessions:"]
            + (sessions.isEmpty
                ? ["    none booked yet"]
                : sessions.map { s in
                    let b = s.booking
                    let outcome = s.outcome.map { "\($0.rawValue) (recorded by \(s.recordedBy ?? "?"))" } ?? "no outcome yet"
                    return "    \(s.date) \(b.start)-\(b.end) session \(b.sessionNumber) with \(b.specialist) at \(b.school): \(outcome)"
                })
        lines.append("  history:")
        lines += try db.referrals.history(r.id).map { "    \($0.at) \($0.actor): \($0.from?.rawValue ?? "new") → \($0.to.rawValue) \($0.note)" }
        return lines
    }
}
