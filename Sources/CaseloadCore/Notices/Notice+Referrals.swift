extension Notice {
    /// A referral decided at intake, for its school's SENCOs.
    public static func referralDecided(id: Int64, school: String, pupilRef: String, service: String, decision: IntakeDecision) -> Notice {
        switch decision {
        case .accepted(_, let band, _):
            return Notice(
                subject: "\(school): referral \(id) accepted (\(service), pupil \(pupilRef))",
                body: "Referral \(id) for pupil \(pupilRef) (\(service)) is on the waiting list, in the \(band) band. "
                    + "Its page shows its place and the likely first visit.",
                link: "/referrals/\(id)")
        case .declined(_, let reasons):
            return Notice(
                subject: "\(school): referral \(id) declined (\(service), pupil \(pupilRef))",
                body: "Referral \(id) for pupil \(pupilRef) (\(service)) did not meet the trust's threshold:\n\n"
                    + reasons.map { "- \($0)" }.joined(separator: "\n"),
                link: "/referrals/\(id)")
        }
    }

    /// A week planned and waiting for a leader's review.
    public static func weekPlanned(week: CalendarDate, sessions: Int, unbooked: Int) -> Notice {
        Notice(
            subject: "The week of \(day(week)) is planned and waiting for your review",
            body: "A draft of the week of \(day(week)) books \(count(sessions, "session")); \(unbooked) waiting referrals are not booked "
                + "that week, each with its reason. Review it, then publish it.",
            link: "/weeks?week=\(week)")
    }
}

/// An urgent or statutory referral that, as things stand, will be seen after its target.
public struct LateReferral: Sendable, Equatable {
    public var referral: Int64
    /// The school's name.
    public var school: String
    public var service: String
    /// Its target date, or its statutory deadline if that is sooner.
    public var due: CalendarDate
    /// The Monday of its likely first visit; `nil` when no capacity is in sight.
    public var likely: CalendarDate?

    /// A late referral with every field.
    public init(referral: Int64, school: String, service: String, due: CalendarDate, likely: CalendarDate?) {
        (self.referral, self.school, self.service, self.due, self.likely) = (referral, school, service, due, likely)
    }
}

extension Notice {
    /// Urgent or statutory referrals that will miss their target, for the leaders (who see every
    /// school's waiting list): referral numbers and schools, no pupil references.
    public static func willMissTarget(_ late: [LateReferral]) -> Notice {
        let lines = late.sorted { $0.due < $1.due }.map { l in
            "- referral \(l.referral) (\(l.service), \(l.school)): due by \(day(l.due)), "
                + (l.likely.map { "likely first visit in the week of \(day($0))" } ?? "no capacity in sight")
        }
        return Notice(
            subject: late.count == 1
                ? "Referral \(late[0].referral) (\(late[0].service)) will miss its target"
                : "\(late.count) urgent or statutory referrals will miss their target",
            body: "As the waiting list stands, these will be seen after their target. A leader can give one first claim "
                + "on its page, or add capacity:\n\n" + lines.joined(separator: "\n"),
            link: "/waiting-list?service=\(late[0].service)")
    }
}
