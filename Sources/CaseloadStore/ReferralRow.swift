import CaseloadCore
import Foundation
import GRDB

/// A row of `referral`. Flags and preferred days are kept as comma-separated words; every value
/// is read back typed, and one that cannot be read is an error naming the referral and the column.
/// Columns are read and written by hand: intake and the waiting list handle 100,000s of rows.
struct ReferralRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "referral"

    /// The table's columns, in the order `values` gives them.
    enum Columns: String, ColumnExpression, CaseIterable {
        case id
        case schoolUrn = "school_urn"
        case pupilRef = "pupil_ref"
        case yearGroup = "year_group"
        case service
        case pathway
        case area
        case severity
        case flags
        case apdrCycles = "apdr_cycles"
        case consent
        case preferredDays = "preferred_days"
        case reason
        case receivedOn = "received_on"
        case status
        case score
        case band
        case declineReasons = "decline_reasons"
        case daysOnly = "days_only"
        case skill
    }
    static let columns = Columns.allCases.map(\.rawValue)
    var id: Int64?
    var schoolUrn: String
    var pupilRef: String
    var yearGroup: Int
    var service: String
    var pathway: String
    var area: AreaOfNeed
    var severity: Int
    var flags: ReferralFlags
    var apdrCycles: Int
    var consent: Bool
    var preferredDays: StoredWeekdays
    var reason: String
    var receivedOn: CalendarDate
    var status: ReferralStatus
    var score: Int
    var band: String
    var declineReasons: String
    var daysOnly: Bool
    var skill: String?

    init(_ r: ReferralRequest, decision: IntakeDecision) {
        schoolUrn = r.school
        pupilRef = r.pupilRef
        yearGroup = r.yearGroup
        service = r.service
        area = r.area
        severity = r.severity
        flags = r.flags
        apdrCycles = r.apdrCycles
        consent = r.consent
        preferredDays = StoredWeekdays(days: r.preferredDays)
        reason = r.reason
        receivedOn = r.receivedOn
        score = decision.score
        daysOnly = r.daysOnly
        skill = r.skill
        switch decision {
        case .accepted(_, let band, let p):
            pathway = p.name
            status = .waiting
            self.band = band
            declineReasons = ""
        case .declined(_, let reasons):
            pathway = r.pathway ?? ""
            status = .declined
            band = ""
            declineReasons = reasons.joined(separator: "\n")
        }
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "referral")
        id = try r(Columns.id)
        schoolUrn = try r(Columns.schoolUrn)
        pupilRef = try r(Columns.pupilRef)
        yearGroup = try r(Columns.yearGroup)
        service = try r(Columns.service)
        pathway = try r(Columns.pathway)
        area = try r(Columns.area)
        severity = try r(Columns.severity)
        flags = try r(Columns.flags)
        apdrCycles = try r(Columns.apdrCycles)
        consent = try r(Columns.consent)
        preferredDays = try r(Columns.preferredDays)
        reason = try r(Columns.reason)
        receivedOn = try r(Columns.receivedOn)
        status = try r(Columns.status)
        score = try r(Columns.score)
        band = try r(Columns.band)
        declineReasons = try r(Columns.declineReasons)
        daysOnly = try r(Columns.daysOnly)
        skill = try r(Columns.skill)
    }

    static var databaseSelection: [any SQLSelectable] { Columns.allCases }

    /// Values in the order of `columns`.
    var values: [(any DatabaseValueConvertible)?] {
        [
            id, schoolUrn, pupilRef, yearGroup, service, pathway, area, severity, flags, apdrCycles, consent, preferredDays,
            reason, receivedOn, status, score, band, declineReasons, daysOnly, skill,
        ]
    }

    func encode(to container: inout PersistenceContainer) {
        for (name, value) in zip(ReferralRow.columns, values) { container[name] = value }
    }

    /// The referral this row holds.
    func referral() -> Referral {
        var request = ReferralRequest(
            school: schoolUrn, pupilRef: pupilRef, yearGroup: yearGroup, service: service, pathway: pathway,
            area: area, severity: severity, flags: flags, apdrCycles: apdrCycles, consent: consent,
            preferredDays: preferredDays.days, reason: reason, receivedOn: receivedOn)
        request.daysOnly = daysOnly
        request.skill = skill
        return Referral(
            id: id ?? 0, request: request, pathway: pathway, status: status,
            score: score, band: band, declineReasons: declineReasons.isEmpty ? [] : declineReasons.components(separatedBy: "\n"))
    }
}
