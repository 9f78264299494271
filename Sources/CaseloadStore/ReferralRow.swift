import CaseloadCore
import Foundation
import GRDB

/// A row of `referral`. Flags and preferred days are kept as comma-separated words.
/// Columns are read and written by hand: intake and the waiting list handle 100,000s of rows.
struct ReferralRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "referral"
    static let columns = [
        "id", "school_urn", "pupil_ref", "year_group", "service", "pathway", "area", "severity", "flags",
        "apdr_cycles", "consent", "preferred_days", "reason", "received_on", "status", "score", "band",
        "decline_reasons", "days_only", "skill",
    ]
    var id: Int64?
    var schoolUrn: String, pupilRef: String, yearGroup: Int, service: String, pathway: String, area: String
    var severity: Int, flags: String, apdrCycles: Int, consent: Bool, preferredDays: String, reason: String
    var receivedOn: String, status: String, score: Int, band: String, declineReasons: String
    var daysOnly: Bool, skill: String?

    init(_ r: ReferralRequest, decision: IntakeDecision) {
        schoolUrn = r.school
        pupilRef = r.pupilRef
        yearGroup = r.yearGroup
        service = r.service
        area = r.area.rawValue
        severity = r.severity
        flags = ReferralRow.words(r.flags)
        apdrCycles = r.apdrCycles
        consent = r.consent
        preferredDays = r.preferredDays.map(\.rawValue).joined(separator: ",")
        reason = r.reason
        receivedOn = r.receivedOn.description
        score = decision.score
        daysOnly = r.daysOnly
        skill = r.skill
        switch decision {
        case .accepted(_, let band, let p):
            pathway = p.name
            status = ReferralStatus.waiting.rawValue
            self.band = band
            declineReasons = ""
        case .declined(_, let reasons):
            pathway = r.pathway ?? ""
            status = ReferralStatus.declined.rawValue
            band = ""
            declineReasons = reasons.joined(separator: "\n")
        }
    }

    init(row: Row) {
        id = row[0]
        schoolUrn = row[1]
        pupilRef = row[2]
        yearGroup = row[3]
        service = row[4]
        pathway = row[5]
        area = row[6]
        severity = row[7]
        flags = row[8]
        apdrCycles = row[9]
        consent = row[10]
        preferredDays = row[11]
        reason = row[12]
        receivedOn = row[13]
        status = row[14]
        score = row[15]
        band = row[16]
        declineReasons = row[17]
        daysOnly = row[18]
        skill = row[19]
    }

    static var databaseSelection: [any SQLSelectable] { columns.map { Column($0) } }

    /// Values in the order of `columns`.
    var values: [(any DatabaseValueConvertible)?] {
        [
            id, schoolUrn, pupilRef, yearGroup, service, pathway, area, severity, flags, apdrCycles, consent, preferredDays,
            reason, receivedOn, status, score, band, declineReasons, daysOnly, skill,
        ]
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
        [
            (f.ehcPlan, "ehc_plan"), (f.ehcNeedsAssessment, "ehc_needs_assessment"), (f.exclusionRisk, "exclusion_risk"),
            (f.lookedAfter, "looked_after"), (f.safeguarding, "safeguarding"),
        ].filter(\.0).map(\.1).joined(separator: ",")
    }

    /// The referral this row holds; a value that cannot be read is an error naming the referral
    /// and the column, never a default.
    func referral() throws -> Referral {
        let f = Set(flags.split(separator: ",").map(String.init))
        guard let area = AreaOfNeed(rawValue: area) else { throw unreadable("area", self.area) }
        guard let received = CalendarDate(receivedOn) else { throw unreadable("received_on", receivedOn) }
        let days = try preferredDays.split(separator: ",").map { text in
            guard let day = Weekday(rawValue: String(text)) else { throw unreadable("preferred_days", preferredDays) }
            return day
        }
        var request = ReferralRequest(
            school: schoolUrn, pupilRef: pupilRef, yearGroup: yearGroup, service: service, pathway: pathway,
            area: area, severity: severity,
            flags: ReferralFlags(
                ehcPlan: f.contains("ehc_plan"), ehcNeedsAssessment: f.contains("ehc_needs_assessment"),
                exclusionRisk: f.contains("exclusion_risk"), lookedAfter: f.contains("looked_after"),
                safeguarding: f.contains("safeguarding")),
            apdrCycles: apdrCycles, consent: consent, preferredDays: days, reason: reason, receivedOn: received)
        request.daysOnly = daysOnly
        request.skill = skill
        return Referral(
            id: id ?? 0, request: request, pathway: pathway, status: try currentStatus(),
            score: score, band: band, declineReasons: declineReasons.isEmpty ? [] : declineReasons.components(separatedBy: "\n"))
    }

    func unreadable(_ column: String, _ value: String) -> StoreError {
        StoreError.unavailable(
            "referral \(id ?? 0) has an unreadable \(column) \"\(value.prefix(40))\" in the database; restore it from a backup or correct the row")
    }
}
