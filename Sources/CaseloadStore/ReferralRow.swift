import CaseloadCore
import Foundation
import GRDB

/// A row of `referral`. Flags and preferred days are kept as comma-separated words.
/// Columns are read and written by hand: intake and the waiting list handle 100,000s of rows.
struct ReferralRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "referral"
    static let columns = ["id", "school_urn", "pupil_ref", "year_group", "service", "pathway", "area", "severity", "flags",
                          "apdr_cycles", "consent", "preferred_days", "reason", "received_on", "status", "score", "band",
                          "decline_reasons", "days_only", "skill"]
    var id: Int64?
    var schoolUrn: String, pupilRef: String, yearGroup: Int, service: String, pathway: String, area: String
    var severity: Int, flags: String, apdrCycles: Int, consent: Bool, preferredDays: String, reason: String
    var receivedOn: String, status: String, score: Int, band: String, declineReasons: String
    var daysOnly: Bool, skill: String?

    init(_ r: ReferralRequest, decision: IntakeDecision) {
        schoolUrn = r.school; pupilRef = r.pupilRef; yearGroup = r.yearGroup; service = r.service
        area = r.area.rawValue; severity = r.severity; flags = ReferralRow.words(r.flags)
        apdrCycles = r.apdrCycles; consent = r.consent; preferredDays = r.preferredDays.map(\.rawValue).joined(separator: ",")
        reason = r.reason; receivedOn = r.receivedOn.description; score = decision.score
        daysOnly = r.daysOnly; skill = r.skill
        switch decision {
        case .accepted(_, let band, let p):
            pathway = p.name; status = ReferralStatus.waiting.rawValue; self.band = band; declineReasons = ""
        case .declined(_, let reasons):
            pathway = r.pathway ?? ""; status = ReferralStatus.declined.rawValue; band = ""
            declineReasons = reasons.joined(separator: "\n")
        }
    }

    init(row: Row) {
        id = row[0]; schoolUrn = row[1]; pupilRef = row[2]; yearGroup = row[3]; service = row[4]; pathway = row[5]
        area = row[6]; severity = row[7]; flags = row[8]; apdrCycles = row[9]; consent = row[10]; preferredDays = row[11]
        reason = row[12]; receivedOn = row[13]; status = row[14]; score = row[15]; band = row[16]; declineReasons = row[17]
        daysOnly = row[18]; skill = row[19]
    }

    static var databaseSelection: [any SQLSelectable] { columns.map { Column($0) } }

    /// Values in the order of `columns`.
    var values: [(any DatabaseValueConvertible)?] {
        [id, schoolUrn, pupilRef, yearGroup, service, pathway, area, severity, flags, apdrCycles, consent, preferredDays,
         reason, receivedOn, status, score, band, declineReasons, daysOnly, skill]
    }

    /// The status, or an error naming the row when it cannot be read.
    func currentStatus() throws -> ReferralStatus {
        guard let s = ReferralStatus(rawValue: status) else {
            throw StoreError.unavailable("referral \(id ?? 0) has an unreadable status \"\(status)\" in the database")
        }
        return s
    }

    func encode(to container: inout PersistenceContainer) {
        for (name, value) in zip(ReferralRow.columns, values) { container[name] = value }
    }

    static func words(_ f: ReferralFlags) -> String {
        [(f.ehcPlan, "ehc_plan"), (f.ehcNeedsAssessment, "ehc_needs_assessment"), (f.exclusionRisk, "exclusion_risk"),
         (f.lookedAfter, "looked_after"), (f.safeguarding, "safeguarding")].filter(\.0).map(\.1).joined(separator: ",")
    }

    var referral: Referral {
        let f = Set(flags.split(separator: ",").map(String.init))
        var request = ReferralRequest(
            school: schoolUrn, pupilRef: pupilRef, yearGroup: yearGroup, service: service, pathway: pathway,
            area: AreaOfNeed(rawValue: area) ?? .cognitionAndLearning, severity: severity,
            flags: ReferralFlags(ehcPlan: f.contains("ehc_plan"), ehcNeedsAssessment: f.contains("ehc_needs_assessment"),
                                 exclusionRisk: f.contains("exclusion_risk"), lookedAfter: f.contains("looked_after"),
                                 safeguarding: f.contains("safeguarding")),
            apdrCycles: apdrCycles, consent: consent,
            preferredDays: preferredDays.split(separator: ",").compactMap { Weekday(rawValue: String($0)) },
            reason: reason, receivedOn: CalendarDate(receivedOn) ?? CalendarDate(dayNumber: 0))
        request.daysOnly = daysOnly
        request.skill = skill
        return Referral(id: id ?? 0, request: request, pathway: pathway, status: ReferralStatus(rawValue: status) ?? .waiting,
                        score: score, band: band, declineReasons: declineReasons.isEmpty ? [] : declineReasons.components(separatedBy: "\n"))
    }
}
