import CaseloadCore
import Foundation
import GRDB

/// Shared column naming: Swift camelCase properties, snake_case columns. Rows are written through
/// `Encodable` (each typed value as its `databaseValue`) and read by each record's own
/// `init(row:)` through `StoredRow`, so that a value that cannot be read names its row.
protocol SnakeCaseRecord: Encodable, FetchableRecord, PersistableRecord {}

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
    /// The school's own day, if the school file gave one (kept as `SchoolHours` text).
    var hours: SchoolHours?

    init(_ s: SchoolRecord) {
        urn = s.urn
        name = s.name
        phase = s.phase
        postcode = s.postcode
        la = s.la
        address = s.address
        hours = s.hours
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
        s.hours = hours
        return s
    }

    enum Columns: String, ColumnExpression {
        case urn, name, phase, postcode, la, lat, lon, pupils, address, hours
        case senSupport = "sen_support"
        case ehcPlans = "ehc_plans"
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "school", key: "urn")
        urn = try r(Columns.urn)
        name = try r(Columns.name)
        phase = try r(Columns.phase)
        postcode = try r(Columns.postcode)
        la = try r(Columns.la)
        lat = try r(Columns.lat)
        lon = try r(Columns.lon)
        pupils = try r(Columns.pupils)
        senSupport = try r(Columns.senSupport)
        ehcPlans = try r(Columns.ehcPlans)
        address = try r(Columns.address)
        hours = try r(Columns.hours)
    }
}

extension SchoolHours: DatabaseValueConvertible {
    /// The hours as their text (`08:45-15:15; fri 08:45-13:00`).
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The hours, or `nil` for text that is not a school day.
    public static func fromDatabaseValue(_ value: DatabaseValue) -> SchoolHours? {
        String.fromDatabaseValue(value).flatMap(SchoolHours.init)
    }
}

/// A row of `specialist`; the working pattern is kept as text like `mon 08:30-16:30; tue 08:30-12:30`.
struct SpecialistRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "specialist"
    var id: String
    var service: String
    var skills: String
    var baseLat: Double
    var baseLon: Double
    var baseSchool: String?
    var maxTravelMin: Int?
    var maxSchools: Int?
    var pattern: WorkingPattern
    var name: String?
    var phone: String?
    var email: String?

    enum Columns: String, ColumnExpression {
        case id, service, skills, pattern, name, phone, email
        case baseLat = "base_lat"
        case baseLon = "base_lon"
        case baseSchool = "base_school"
        case maxTravelMin = "max_travel_min"
        case maxSchools = "max_schools"
    }

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
        pattern = WorkingPattern(days: s.days)
        (name, phone, email) = (entry.contact.name, entry.contact.phone, entry.contact.email)
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "specialist")
        id = try r(Columns.id)
        service = try r(Columns.service)
        skills = try r(Columns.skills)
        baseLat = try r(Columns.baseLat)
        baseLon = try r(Columns.baseLon)
        baseSchool = try r(Columns.baseSchool)
        maxTravelMin = try r(Columns.maxTravelMin)
        maxSchools = try r(Columns.maxSchools)
        pattern = try r(Columns.pattern)
        (name, phone, email) = (try r(Columns.name), try r(Columns.phone), try r(Columns.email))
    }

    var contact: SpecialistContact { SpecialistContact(name: name, phone: phone, email: email) }

    var specialist: Specialist {
        Specialist(
            id: id, service: service, skills: skills.split(separator: ",").map(String.init),
            base: GeoPoint(lat: baseLat, lon: baseLon), maxTravelMinPerDay: maxTravelMin,
            maxSchoolsPerDay: maxSchools, days: pattern.days)
    }
}

/// A specialist's working days as stored: `mon 08:30-16:30` per day, `; ` between days, with
/// ` 30@11:30-14:00` after a day that has a break. Text with any day that cannot be read is not a
/// pattern (`nil`), so the row is an error rather than a specialist with a day missing.
struct WorkingPattern: StoredAsText, Sendable, Equatable {
    var days: [WorkingDay]

    var databaseValue: DatabaseValue { text.databaseValue }

    /// The pattern as stored.
    var text: String {
        days.map { d in
            "\(d.day.rawValue) \(d.start)-\(d.end)" + (d.rest.map { " \($0.minutes)@\($0.earliest)-\($0.latestEnd)" } ?? "")
        }.joined(separator: "; ")
    }

    static func fromDatabaseValue(_ value: DatabaseValue) -> WorkingPattern? {
        guard let text = String.fromDatabaseValue(value) else { return nil }
        var days: [WorkingDay] = []
        for part in text.split(separator: ";") {
            guard let day = workingDay(part) else { return nil }
            days.append(day)
        }
        return WorkingPattern(days: days)
    }

    private static func workingDay(_ part: Substring) -> WorkingDay? {
        let bits = part.split(separator: " ")
        let times = bits.count >= 2 ? bits[1].split(separator: "-") : []
        guard bits.count <= 3, times.count == 2, let d = Weekday(rawValue: String(bits[0])), let a = ClockTime(String(times[0])),
            let b = ClockTime(String(times[1]))
        else { return nil }
        var day = WorkingDay(day: d, start: a, end: b)
        if bits.count == 3 {
            guard let rest = rest(bits[2]) else { return nil }
            day.rest = rest
        }
        return day
    }

    /// `30@11:30-14:00`.
    private static func rest(_ text: Substring) -> DayBreak? {
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
    var specialistId: String
    var firstDay: CalendarDate
    var lastDay: CalendarDate
    var reason: String
    var part: DayPart

    enum Columns: String, ColumnExpression {
        case id, reason, part
        case specialistId = "specialist_id"
        case firstDay = "first_day"
        case lastDay = "last_day"
    }

    var leave: Leave { Leave(specialist: specialistId, first: firstDay, last: lastDay, part: part) }
}

extension LeaveRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "specialist_leave")
        id = try r(Columns.id)
        specialistId = try r(Columns.specialistId)
        firstDay = try r(Columns.firstDay)
        lastDay = try r(Columns.lastDay)
        reason = try r(Columns.reason)
        part = try r(Columns.part)
    }
}

/// A row of `referral_status`: one change of status.
struct StatusRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "referral_status"
    var id: Int64?
    var referralId: Int64
    var fromStatus: ReferralStatus?
    var toStatus: ReferralStatus
    var at: String
    var actor: String
    var note: String

    enum Columns: String, ColumnExpression {
        case id, at, actor, note
        case referralId = "referral_id"
        case fromStatus = "from_status"
        case toStatus = "to_status"
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "referral_status")
        id = try r(Columns.id)
        referralId = try r(Columns.referralId)
        fromStatus = try r(Columns.fromStatus)
        toStatus = try r(Columns.toStatus)
        at = try r(Columns.at)
        actor = try r(Columns.actor)
        note = try r(Columns.note)
    }
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

    /// The table's columns.
    public enum Columns: String, ColumnExpression {
        case id, at, actor, action, entity, detail
        case entityId = "entity_id"
    }

    /// An entry with every field.
    public init(id: Int64?, at: String, actor: String, action: String, entity: String, entityId: String, detail: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }

    /// Reads an entry; a value that cannot be read is an error naming the entry and the column.
    public init(row: Row) throws {
        let r = StoredRow(row, table: "audit_log")
        id = try r(Columns.id)
        at = try r(Columns.at)
        actor = try r(Columns.actor)
        action = try r(Columns.action)
        entity = try r(Columns.entity)
        entityId = try r(Columns.entityId)
        detail = try r(Columns.detail)
    }
}
