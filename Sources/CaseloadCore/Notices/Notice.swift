/// One visit as a message lists it: when, where, who, and for a SENCO or the specialist whose
/// session it is, the school's own pupil reference (never a name).
public struct VisitLine: Sendable, Equatable {
    /// What a re-plan did to the visit.
    public enum Change: String, Sendable {
        case added, cancelled
    }

    public var date: CalendarDate
    public var start: ClockTime, end: ClockTime
    public var school: String
    public var specialist: String
    public var service: String
    public var pupilRef: String
    public var change: Change?
    /// The specialist's name as the roster gives it, if it does.
    public var specialistName: String?

    /// A visit with every field.
    public init(
        date: CalendarDate, start: ClockTime, end: ClockTime, school: String, specialist: String, service: String, pupilRef: String,
        change: Change? = nil
    ) {
        (self.date, self.start, self.end, self.school) = (date, start, end, school)
        (self.specialist, self.service, self.pupilRef, self.change) = (specialist, service, pupilRef, change)
    }

    /// "Tue 8 Dec 09:00-09:45, SALT with salt-3, pupil S2020-0421" (for a school) or "…, at Havant
    /// Academy, pupil …" (for a specialist).
    func said(forSchool: Bool) -> String {
        let whom = forSchool ? "\(service) with \(specialistName ?? specialist)" : "\(service) at \(school)"
        let mark = change.map { $0 == .added ? "new: " : "cancelled: " } ?? ""
        return "- \(mark)\(Notice.day(date)) \(start)-\(end), \(whom), pupil \(pupilRef)"
    }
}

/// A message someone must hear about: a subject that says what changed in a sentence, the lines
/// that show it, and the page that has the rest.
public struct Notice: Sendable, Equatable {
    public var subject: String
    public var body: String
    /// The page's path (`/visits?week=…`), joined to the trust's address when sent.
    public var link: String

    /// A notice with every field.
    public init(subject: String, body: String, link: String) {
        self.subject = subject
        self.body = body
        self.link = link
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Tue 8 Dec".
    public static func day(_ d: CalendarDate) -> String { "\(d.weekday.displayName.prefix(3)) \(d.day) \(months[d.month - 1])" }

    /// A school's visits in a week just published.
    public static func weekPublished(school: String, week: CalendarDate, visits: [VisitLine]) -> Notice {
        let lines = visits.sorted(by: VisitLine.inOrder).map { $0.said(forSchool: true) }
        return Notice(
            subject: "\(school): \(count(visits.count, "visit")) in the week of \(day(week))",
            body: "The week of \(day(week)) is published. \(school)'s visits:\n\n" + lines.joined(separator: "\n"),
            link: "/visits?week=\(week)")
    }

    /// A specialist's week just published.
    public static func weekPublished(specialist: String, week: CalendarDate, visits: [VisitLine]) -> Notice {
        let lines = visits.sorted(by: VisitLine.inOrder).map { $0.said(forSchool: false) }
        return Notice(
            subject: "Your week of \(day(week)): \(count(visits.count, "session"))",
            body: "Your week of \(day(week)) is published:\n\n" + lines.joined(separator: "\n"),
            link: "/my-week?week=\(week)")
    }

    /// Visits a re-plan of a published week added or cancelled, for a school or a specialist.
    public static func visitsChanged(to whom: String, forSchool: Bool, week: CalendarDate, changes: [VisitLine]) -> Notice {
        let lines = changes.sorted(by: VisitLine.inOrder).map { $0.said(forSchool: forSchool) }
        let added = changes.filter { $0.change == .added }.count
        let cancelled = changes.count - added
        let what = [added > 0 ? "\(added) new" : nil, cancelled > 0 ? "\(cancelled) cancelled" : nil].compactMap { $0 }.joined(separator: ", ")
        return Notice(
            subject: "\(whom): visits changed in the week of \(day(week)) (\(what))",
            body: "The week of \(day(week)) was re-planned. What changed for \(whom):\n\n" + lines.joined(separator: "\n"),
            link: forSchool ? "/visits?week=\(week)" : "/my-week?week=\(week)")
    }

    static func count(_ n: Int, _ thing: String) -> String { "\(n) \(thing)\(n == 1 ? "" : "s")" }
}

extension VisitLine {
    static func inOrder(_ a: VisitLine, _ b: VisitLine) -> Bool {
        (a.date.dayNumber, a.start.minutes, a.pupilRef) < (b.date.dayNumber, b.start.minutes, b.pupilRef)
    }
}
