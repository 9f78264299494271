import CaseloadCore
import CaseloadStore

/// A week's timetable as one caller may see it: a SENCO their school's visits, a specialist
/// their own week, a leader any of it (and drafts). Used by the API, the pages and the feeds.
public struct TimetableQuery: Sendable {
    public let db: AppDatabase
    /// The trust's services, for service and pathway names in words.
    public let services: [ServiceRules]

    /// The query over `db`, naming services and pathways as `services` do.
    public init(db: AppDatabase, services: [ServiceRules] = []) { (self.db, self.services) = (db, services) }

    /// The week of `week` for `caller`, narrowed to `school` or `specialist` when asked (a
    /// SENCO and a specialist are confined to their own whatever they ask; another's is not found).
    public func view(week: CalendarDate, for caller: Identity, school: String? = nil, specialist: String? = nil, today: CalendarDate)
        throws -> TimetableView
    {
        try view(week: week, for: caller, school: school, specialist: specialist, today: today, roster: try roster())
    }

    /// The views of `weeks` for `caller` (each stored and visible to them), reading the roster once.
    public func views(weeks: [CalendarDate], for caller: Identity, today: CalendarDate) throws -> [TimetableView] {
        let roster = try roster()
        return try weeks.map { try view(week: $0, for: caller, school: nil, specialist: nil, today: today, roster: roster) }
    }

    /// What every view takes from the roster: the schools' addresses and the words for names.
    func roster() throws -> (schools: [SchoolRecord], words: TimetableWords) {
        (try db.roster.schools(), TimetableWords(services: services, specialists: try db.roster.contacts()))
    }

    func view(
        week: CalendarDate, for caller: Identity, school: String?, specialist: String?, today: CalendarDate,
        roster: (schools: [SchoolRecord], words: TimetableWords)
    ) throws -> TimetableView {
        var school = school
        var specialist = specialist
        switch try AccessPolicy.scope(caller, .readTimetable, school: school, specialist: specialist) {
        case .school(let urn): school = urn
        case .specialist(let id): specialist = id
        case .trust: break
        }
        guard let t = try db.timetables.timetable(week: week), t.published || AccessPolicy.allows(caller, .readDraftTimetable, .trust) else {
            throw StoreError.notFound("no published timetable for the week of \(week) yet")
        }
        let ids = Set(t.bookings.map(\.referral) + t.cancelled.map(\.booking.referral))
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all(ids: ids).map { ($0.id, $0) })
        return TimetableView(
            t, referrals: referrals, schools: roster.schools, specialist: specialist, school: school, today: today, words: roster.words)
    }

    /// The first week, from the one `now` falls in, with a visit the caller may see still to come
    /// (up to `weeksAhead` weeks on), so that a visits page opens on what matters next: on a
    /// Friday afternoon, next week. `nil` when none is planned that far.
    public func nextWeekWithVisits(for caller: Identity, school: String? = nil, specialist: String? = nil, now: Moment, weeksAhead: Int = 8)
        throws -> CalendarDate?
    {
        let roster = try roster()
        for k in 0..<weeksAhead {
            let monday = now.monday.adding(days: 7 * k)
            let seen: TimetableView
            do {
                seen = try view(week: monday, for: caller, school: school, specialist: specialist, today: now.date, roster: roster)
            } catch StoreError.notFound {
                continue
            }
            if seen.rows.contains(where: { $0.date > now.date || ($0.date == now.date && $0.booking.end.minutes > now.minutes) }) {
                return monday
            }
        }
        return nil
    }
}
