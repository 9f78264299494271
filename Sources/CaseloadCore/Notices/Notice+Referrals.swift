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
