/// A trust leader's override for one referral's next session: book it in a given week, or give
/// it first claim on every week until it is booked. Its session is offered at `priority`, above
/// every running block and first session (only a statutory deadline falling due comes first), and
/// whatever the service's shortlist or reserve would say. The reason is kept in the audit log.
public struct Override: Hashable, Sendable {
    public var referral: Int64
    /// The session it is for (1: the first session; later: the block's next one).
    public var session: Int
    /// The Monday of the week it must be booked in; `nil`: first claim from now on.
    public var week: CalendarDate?
    public var reason: String

    /// An override with every field.
    public init(referral: Int64, session: Int, week: CalendarDate?, reason: String) {
        self.referral = referral
        self.session = session
        self.week = week
        self.reason = reason
    }

    /// The priority of the session it covers in the week's scenario.
    public static let priority = 95

    /// Whether it covers session `number` in the week of `monday`.
    public func covers(session number: Int, week monday: CalendarDate) -> Bool {
        number == session && (week == nil || week == monday)
    }

    /// What it does, in a sentence.
    public var words: String {
        week.map { "to be booked in the week of \($0)" } ?? "first claim on every week until it is booked"
    }
}
