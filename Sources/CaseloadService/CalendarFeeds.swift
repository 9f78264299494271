import CaseloadCore
import CaseloadStore

/// A specialist's private calendar subscription: an address with a secret in it that Outlook or
/// Google Calendar fetches every hour, showing that specialist's published weeks (from last week
/// to `weeksAhead` ahead) and nothing else. Making a new address stops the old one; so does
/// stopping it. The specialist and trust leaders manage it; the address itself needs no sign-in.
public struct CalendarFeeds: Sendable {
    public let db: AppDatabase
    /// How many weeks after this one a feed shows.
    public var weeksAhead = 6

    /// The trust's services, so that events name services and pathways in words.
    public var services: [ServiceRules]

    /// The feeds of `db`, naming services as `services` do.
    public init(db: AppDatabase, services: [ServiceRules] = []) { (self.db, self.services) = (db, services) }

    /// A new secret for `specialist`'s feed (shown once; the old address stops working).
    public func renew(_ specialist: String, by caller: Identity, stamp: Stamp) throws -> String {
        try AccessPolicy.check(caller, .manageCalendarFeed, .specialist(specialist))
        let key = caller.person == nil && caller.tokenId > 0 ? caller.tokenId : nil
        return try db.access.newCalendarFeed(specialist: specialist, tokenId: key, stamp: stamp)
    }

    /// Stops `specialist`'s feed address; returns whether one was working.
    public func stop(_ specialist: String, by caller: Identity, stamp: Stamp) throws -> Bool {
        try AccessPolicy.check(caller, .manageCalendarFeed, .specialist(specialist))
        return try db.access.revokeCalendarFeeds(specialist: specialist, stamp: stamp) > 0
    }

    /// `specialist`'s working feed address, if any (when it was made, not its secret).
    public func current(_ specialist: String, by caller: Identity) throws -> CalendarFeedInfo? {
        try AccessPolicy.check(caller, .manageCalendarFeed, .specialist(specialist))
        return try db.access.calendarFeed(specialist: specialist)
    }

    /// The calendar behind `secret` as of `today`: its specialist's published weeks. An unknown
    /// or stopped secret is not found, and says nothing about whether it ever worked.
    public func calendar(secret: String, today: CalendarDate) throws -> String {
        guard let feed = try db.access.calendarFeed(secret: secret) else {
            throw StoreError.notFound("no calendar at this address; ask for a new one on your week's page")
        }
        let monday = today.adding(days: -today.weekday.index)
        let weeks = try db.timetables.publishedWeeks(from: monday.adding(days: -7), to: monday.adding(days: 7 * weeksAhead))
        let query = TimetableQuery(db: db, services: services)
        let caller = Identity(tokenId: 0, role: .specialist(id: feed.specialist))
        let writers = try query.views(weeks: weeks, for: caller, today: today).map { view in
            ICalendarWriter(week: view.timetable, rows: view.rows, cancelled: view.cancelled, today: today)
        }
        let name = try db.roster.contacts()[feed.specialist]?.said(id: feed.specialist) ?? feed.specialist
        return ICalendarWriter.calendar(writers, name: "Caseload: \(name)", refresh: "PT1H")
    }
}
