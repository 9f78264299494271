import CaseloadCore
import GRDB

extension ReferralStore {
    /// The waiting list as of `today`: per service, in current priority order, with weeks waited,
    /// band, target and breach, statutory deadline and estimated first-session week.
    /// `school` narrows it to one school's referrals (positions stay those in the whole service).
    public func waitingList(config: TrustConfig, today: CalendarDate, service: String? = nil, school: String? = nil) throws -> [WaitingEntry] {
        let (entries, _, _) = try waitingSnapshot(config: config, today: today, service: service)
        return school.map { urn in entries.filter { $0.referral.request.school == urn } } ?? entries
    }

    /// The list with what built it: the rules (with fair shares) and each service's weekly minutes.
    public func waitingSnapshot(config: TrustConfig, today: CalendarDate, service: String? = nil) throws -> (
        [WaitingEntry], WaitingList, [ServiceCapacity]
    ) {
        let config = try database.calendar.withClosures(config)
        let (referrals, schools, roster, done, projection) = try read { db in
            var request = ReferralRow.filter([ReferralStatus.waiting, .active, .completed].contains(ReferralRow.Columns.status))
            if let service { request = request.filter(ReferralRow.Columns.service == service) }
            let done = Dictionary(try SeriesRow.fetchAll(db).map { ($0.referralId, $0.series.sessionsDone) }, uniquingKeysWith: max)
            return (
                try request.fetchAll(db).map { $0.referral() }, try SchoolRow.fetchAll(db), try SpecialistRow.fetchAll(db), done,
                try ReferralStore.projection(db, today: today, maxAgeDays: 21)
            )
        }
        let needs = schools.map { SchoolNeed(urn: $0.urn, pupils: $0.pupils, senSupport: $0.senSupport, ehcPlans: $0.ehcPlans) }
        var list = WaitingList(
            config: config, fairShare: FairShare(schools: needs, rule: config.fairShare),
            received: CapacityEstimate.received(referrals, config: config))
        list.projection = projection
        let capacity = CapacityEstimate.weekly(specialists: roster.map(\.specialist), active: referrals, config: config, done: done)
        return (list.entries(referrals, today: today, capacity: capacity), list, capacity)
    }
}
