import CaseloadCore
import Foundation
import GRDB

/// Shared column naming: Swift camelCase properties, snake_case columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A row of `school`.
struct SchoolRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "school"
    var urn: String, name: String, phase: String, postcode: String?, la: String?
    var lat: Double, lon: Double, pupils: Int, senSupport: Int, ehcPlans: Int
    var address: String?
    /// The school's own day (`SchoolHours` text), if the school file gave one.
    var hours: String?

    init(_ s: SchoolRecord) {
        urn = s.urn
        name = s.name
        phase = s.phase
        postcode = s.postcode
        la = s.la
        address = s.address
        hours = s.hours?.description
        lat = s.location.lat
        lon = s.location.lon
        pupils = s.pupils
        senSupport = s.senSupport
        ehcPlans = s.ehcPlans
    }

    var record: SchoolRecord {
        var s = SchoolRecord(
            urn: urn, name: name, phase: phase, location: GeoPoint(lat: lat, lon: lon), pupils: pupils,
            ehcPlans: ehcPlans, senSupport: senSupport, postcode: postcode, address: address, la: la)
        s.hours = hours.flatMap(SchoolHours.init)
        return s
    }
}

/// A row of `specialist`; the working pattern is kept as text like `mon 08:30-16:30; tue 08:30-12:30`.
struct SpecialistRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "specialist"
    var id: String, service: String, skills: String, baseLat: Double, baseLon: Double, baseSchool: String?
    var maxTravelMin: Int?, maxSchools: Int?, pattern: String

    init(_ entry: RosterEntry) {
        let s = entry.specialist
        id = s.id
        service = s.service
        skills = s.skills.joined(separator: ",")
        baseLat = s.base.lat
        baseLon = s.base.lon
        baseSchool = entry.baseSchool
        maxTravelMin = s.maxTravelMinPerDay
        maxSchools = s.maxSchoolsPerDay
        pattern = s.days.map { d in
            "\(d.day.rawValue) \(d.start)-\(d.end)" + (d.rest.map { " \($0.minutes)@\($0.earliest)-\($0.latestEnd)" } ?? "")
        }.joined(separator: "; ")
    }

    /// The working pattern: `mon 08:30-16:30` per day, with ` 30@11:30-14:00` for a break.
    var specialist: Specialist {
        let days: [WorkingDay] = pattern.split(separator: ";").compactMap { part in
            let bits = part.split(separator: " ")
            let times = bits.count >= 2 ? bits[1].split(separator: "-") : []
            guard times.count == 2, let d = Weekday(rawValue: String(bits[0])), let a = ClockTime(String(times[0])),
                let b = ClockTime(String(times[1]))
            else { return nil }
            var day = WorkingDay(day: d, start: a, end: b)
            if bits.count == 3 { day.rest = SpecialistRow.rest(bits[2]) }
            return day
        }
        return Specialist(
            id: id, service: service, skills: skills.split(separator: ",").map(String.init),
            base: GeoPoint(lat: baseLat, lon: baseLon), maxTravelMinPerDay: maxTravelMin,
            maxSchoolsPerDay: maxSchools, days: days)
    }
}

extension SpecialistRow {
    /// `30@11:30-14:00`.
    static func rest(_ text: Substring) -> DayBreak? {
        let parts = text.split(separator: "@")
        let window = parts.count == 2 ? parts[1].split(separator: "-") : []
        guard window.count == 2, let m = Int(parts[0]), let a = ClockTime(String(window[0])), let b = ClockTime(String(window[1])) else { return nil }
        return DayBreak(minutes: m, earliest: a, latestEnd: b)
    }
}

/// A row of `specialist_leave`: whole days away, first to last inclusive.
struct LeaveRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "specialist_leave"
    var id: Int64?
    var specialistId: String, firstDay: String, lastDay: String, reason: String
}

/// A row of `referral_status`: one change of status.
struct StatusRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "referral_status"
    var id: Int64?
    var referralId: Int64, fromStatus: String?, toStatus: String, at: String, actor: String, note: String
}

/// A row of the append-only `audit_log`.
public struct AuditEntry: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "audit_log"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public var id: Int64?
    /// ISO 8601 time of the change.
    public var at: String
    /// Who made it: a user, a token's identity, or `cli`.
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: String
    /// What changed, as JSON.
    public var detail: String
}
