import CaseloadCore
import Foundation

/// A referral as the API shows it (snake_case JSON).
struct ReferralDTO: Codable, Sendable {
    var id: Int64, school: String, pupilRef: String, yearGroup: Int, service: String, pathway: String, area: String
    var severity: Int, flags: [String], apdrCycles: Int, consent: Bool, preferredDays: [String], reason: String
    var receivedOn: String, status: String, score: Int, band: String, decision: String, declineReasons: [String]
    var waiting: WaitingDTO?

    init(_ r: Referral, waiting entry: WaitingEntry?) {
        let q = r.request, f = q.flags
        id = r.id; school = q.school; pupilRef = q.pupilRef; yearGroup = q.yearGroup; service = q.service; pathway = r.pathway
        area = q.area.rawValue; severity = q.severity; apdrCycles = q.apdrCycles; consent = q.consent
        flags = [(f.ehcPlan, "ehc_plan"), (f.ehcNeedsAssessment, "ehc_needs_assessment"), (f.exclusionRisk, "exclusion_risk"),
                 (f.lookedAfter, "looked_after"), (f.safeguarding, "safeguarding")].filter(\.0).map(\.1)
        preferredDays = q.preferredDays.map(\.rawValue); reason = q.reason; receivedOn = q.receivedOn.description
        status = r.status.rawValue; score = r.score; band = r.band
        decision = r.status == .declined ? "declined" : "accepted"; declineReasons = r.declineReasons
        waiting = entry.map(WaitingDTO.init)
    }
}

/// A place on the waiting list.
struct WaitingDTO: Codable, Sendable {
    var referral: Int64, school: String, pupilRef: String, service: String, band: String
    var position: Int, priority: Int, weeksWaited: Int, targetWeeks: Int?, breached: Bool
    var statutoryDeadline: String?, estimatedFirstWeek: String?

    init(_ e: WaitingEntry) {
        referral = e.referral.id; school = e.referral.request.school; pupilRef = e.referral.request.pupilRef
        service = e.referral.request.service; band = e.referral.band; position = e.position; priority = e.priority
        weeksWaited = e.weeksWaited; targetWeeks = e.targetWeeks; breached = e.breached
        statutoryDeadline = e.statutoryDeadline?.description; estimatedFirstWeek = e.estimatedFirstWeek?.description
    }
}

/// A list wrapper so that every collection answer is an object.
struct ListDTO<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
}
