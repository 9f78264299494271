/// A week as a trust names it: by its Monday, written `YYYY-MM-DD`. Parsed here once for the
/// command line, the API and the files, with one message when it is not a Monday.
public enum Week {
    /// The Monday `text` names; an error for `field` saying what to write (and, for another day
    /// of the week, which Monday was probably meant).
    public static func monday(_ text: String, field: String) throws(InputError) -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw InputError(field: field, problem: "\"\(text.prefix(20))\" is not a date; give the week's Monday as YYYY-MM-DD, e.g. 2026-11-30")
        }
        guard date.weekday == .mon else {
            throw InputError(field: field, problem: "\(date) is a \(date.weekday.displayName); give the week's Monday, \(date.monday)")
        }
        return date
    }
}
