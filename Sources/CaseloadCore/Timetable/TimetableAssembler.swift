/// Turns a week's plan back into bookings per referral, and gives every waiting referral
/// that is not booked a reason in the trust's words.
public struct TimetableAssembler: Sendable {
    public let scenario: WeekScenario
    public let leave: [Leave]

    /// An assembler for the week `scenario` describes.
    public init(scenario: WeekScenario, leave: [Leave]) {
        self.scenario = scenario
        self.leave = leave
    }

    /// Parses `r12-s3` into referral 12, session 3.
    public static func parse(sessionId: String) -> (referral: Int64, number: Int)? {
        let parts = sessionId.dropFirst().split(separator: "-s")
        guard sessionId.hasPrefix("r"), parts.count == 2, let r = Int64(parts[0]), let n = Int(parts[1]) else { return nil }
        return (r, n)
    }

    /// The plan's stops as bookings.
    public func bookings(_ plan: WeekPlan) -> [Booking] {
        let sessions = Dictionary(uniqueKeysWithValues: scenario.sessions.map { ($0.id, $0) })
        return plan.routes.flatMap { route in
            route.stops.compactMap { stop -> Booking? in
                guard let s = sessions[stop.session], let (referral, number) = TimetableAssembler.parse(sessionId: stop.session) else { return nil }
                return Booking(
                    referral: referral, sessionNumber: number, specialist: route.specialist, day: route.day,
                    start: stop.start, end: ClockTime(minutes: stop.start.minutes + s.durationMin), school: s.school)
            }
        }
    }

    /// Why each session the planner left out was not booked, by referral.
    public func unbooked(_ plan: WeekPlan) -> [(referral: Int64, code: String, reason: String)] {
        let sessions = Dictionary(uniqueKeysWithValues: scenario.sessions.map { ($0.id, $0) })
        return plan.unassigned.compactMap { u in
            guard let (referral, _) = TimetableAssembler.parse(sessionId: u.session) else { return nil }
            if u.code == .pinnedUnavailable || u.code == .capacity, let pin = sessions[u.session]?.specialist, onLeave(pin) {
                return (referral, "specialist_on_leave", "its specialist \(pin) is on leave this week; it is offered again next week")
            }
            return (referral, u.code.rawValue, u.reason)
        }
    }

    func onLeave(_ specialist: String) -> Bool {
        guard let monday = CalendarDate(scenario.weekStart) else { return false }
        return leave.contains { l in l.specialist == specialist && (0..<5).contains { l.covers(monday.adding(days: $0)) } }
    }
}
