import CaseloadCore
import CaseloadStore

/// One booked session with everything a timetable shows about it.
public struct TimetableRow: Sendable {
    public var booking: Booking
    public var date: CalendarDate
    public var schoolName: String
    public var pupilRef: String
    public var service: String
    public var pathway: String
    public var outcome: SessionOutcome?
}

/// A week's bookings as rows, in the order a specialist works through them.
public enum TimetableRows {
    /// Rows of `timetable`, optionally for one specialist or one school.
    public static func rows(_ t: WeekTimetable, referrals: [Int64: Referral], specialist: String? = nil, school: String? = nil) -> [TimetableRow] {
        let names = Dictionary(uniqueKeysWithValues: t.scenario.schools.map { ($0.id, $0.name) })
        return t.bookings
            .filter { specialist == nil || $0.specialist == specialist }
            .filter { school == nil || $0.school == school }
            .sorted { ($0.specialist, $0.day, $0.start) < ($1.specialist, $1.day, $1.start) }
            .map { b in
                let r = referrals[b.referral]
                return TimetableRow(booking: b, date: t.weekStart.adding(days: b.day.index), schoolName: names[b.school] ?? b.school,
                                    pupilRef: r?.request.pupilRef ?? "?", service: r?.request.service ?? "?",
                                    pathway: r?.pathway ?? "?", outcome: t.outcomes[b.referral])
            }
    }
}

private func < (a: (String, Weekday, ClockTime), b: (String, Weekday, ClockTime)) -> Bool {
    (a.0, a.1.index, a.2.minutes) < (b.0, b.1.index, b.2.minutes)
}
