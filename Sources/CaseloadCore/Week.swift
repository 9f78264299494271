import Foundation

/// A day as a trust names it, written `YYYY-MM-DD`: parsed here once for the command line, the
/// API, the pages and the files, with one wording when it is not a date.
public enum Day {
    /// The date `text` names; an error for `field` saying what to write.
    public static func date(_ text: String, field: String, what: String = "a date") throws(InputError) -> CalendarDate {
        guard let date = CalendarDate(text.trimmingCharacters(in: .whitespaces)) else {
            throw InputError(field: field, problem: problem(text, what: what))
        }
        return date
    }

    /// The one wording for text that is not a date: `"31/12" is not a date; give a date as YYYY-MM-DD, e.g. 2026-11-30`.
    public static func problem(_ text: String, what: String = "a date") -> String {
        "\"\(text.prefix(20))\" is not a date; give \(what) as YYYY-MM-DD, e.g. 2026-11-30"
    }
}

/// A week as a trust names it: by its Monday, written `YYYY-MM-DD`. Parsed here once for the
/// command line, the API and the files, with one message when it is not a Monday.
public enum Week {
    /// The Monday `text` names; an error for `field` saying what to write (and, for another day
    /// of the week, which Monday was probably meant).
    public static func monday(_ text: String, field: String) throws(InputError) -> CalendarDate {
        let date = try Day.date(text, field: field, what: "the week's Monday")
        guard date.weekday == .mon else {
            throw InputError(field: field, problem: "\(date) is a \(date.weekday.displayName); give the week's Monday, \(date.monday)")
        }
        return date
    }
}
