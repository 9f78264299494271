import CaseloadCore
import CaseloadStore

/// How a referral reads in the terminal: the decision, its place on the list, its history.
struct ReferralView {
    let referral: Referral
    let store: StoreOptions
    let config: TrustConfig
    var withHistory = false

    var text: String {
        get throws {
            let r = referral, q = r.request
            var lines = ["referral \(r.id): pupil \(q.pupilRef) (year \(q.yearGroup)) at school \(q.school), \(q.service) \(r.pathway)",
                         "  received \(q.receivedOn), score \(r.score), status \(r.status.rawValue)"]
            if r.status == .declined {
                lines.append("  declined:")
                lines += r.declineReasons.map { "    - \($0)" }
            } else if let entry = try store.open().waitingList(config: config, today: store.today(), service: q.service)
                .first(where: { $0.referral.id == r.id }) {
                lines.append(place(entry))
            }
            if withHistory {
                lines.append("  history:")
                lines += try store.open().history(r.id).map { "    \($0.at) \($0.actor): \($0.from?.rawValue ?? "new") → \($0.to.rawValue) \($0.note)" }
            }
            return lines.joined(separator: "\n")
        }
    }

    func place(_ e: WaitingEntry) -> String {
        let target = e.targetWeeks.map { "target \($0) weeks\(e.breached ? ", BREACHED" : "")" } ?? "no target"
        let first = e.estimatedFirstWeek.map { "first session likely the week of \($0)" } ?? "no capacity to estimate a first session"
        let deadline = e.statutoryDeadline.map { ", statutory advice due \($0)" } ?? ""
        return "  on the \(e.referral.request.service) waiting list at position \(e.position), band \(e.referral.band), priority \(e.priority); "
            + "waited \(e.weeksWaited) weeks, \(target)\(deadline); \(first)"
    }
}
