import CaseloadCore
import CaseloadStore

/// A week's timetable as one caller may see it: a SENCO their school's visits, a specialist
/// their own week, a leader any of it (and drafts). Used by the API, the pages and the feeds.
public struct TimetableQuery: Sendable {
    public let db: AppDatabase

    /// The query over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// The week of `week` for `caller`, narrowed to `school` or `specialist` when asked (a
    /// SENCO and a specialist are confined to their own whatever they ask; another's is not found).
    public func view(week: CalendarDate, for caller: Identity, school: String? = nil, specialist: String? = nil, today: CalendarDate)
        throws -> TimetableView
    {
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
        return TimetableView(t, referrals: referrals, schools: try db.roster.schools(), specialist: specialist, school: school, today: today)
    }
}
