import CaseloadCore
import Foundation

/// The demo trust: a roster of specialists based at hub schools, and a few hundred referrals
/// with real-looking distributions (service mix, severity, circumstances, APDR, consent, dates).
public struct TrustDemoGenerator: Sendable {
    public let schools: [SchoolRecord]
    public let seed: UInt64
    /// The day the referrals are dated up to.
    public let asOf: CalendarDate

    /// A generator for `schools`, fixed by `seed`.
    public init(schools: [SchoolRecord], seed: UInt64, asOf: CalendarDate) {
        self.schools = schools
        self.seed = seed
        self.asOf = asOf
    }

    /// `roster.csv`: specialists per service based at hub schools.
    public func rosterCSV(specialists: [String: Int]) -> String {
        var rng = SeededRandom(seed: seed)
        var lines = ["id,service,skills,base_urn,days,start,end,max_travel_min_per_day,max_schools_per_day,name,phone,email"]
        let kmeans = KMeans(points: schools.map(\.location), weights: schools.map(\.demandWeight))
        for profile in ServiceProfile.standard {
            let hubs = kmeans.centres(specialists[profile.service] ?? 0, &rng).map { schools[kmeans.nearestPoint(to: $0)] }
            for (i, hub) in hubs.enumerated() {
                let skills = profile.skills.filter { rng.unit() < $0.specialistShare }.map(\.name).joined(separator: ";")
                let days = SpecialistFactory(schools: schools).pattern(&rng)
                lines.append(
                    "\(profile.service.lowercased())-\(i + 1),\(profile.service),\(skills),\(hub.urn),"
                        + days.map(\.day.rawValue).joined(separator: ";")
                        + ",\(days[0].start),\(days[0].end),\(profile.maxTravel),\(profile.maxSchools),"
                        + TrustDemoGenerator.contact(lines.count - 1))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `k`th specialist's made-up name, phone (Ofcom's numbers kept for drama, 01632 960xxx)
    /// and email at an example domain, as CSV columns.
    static func contact(_ k: Int) -> String {
        let first =
            ["Asha", "Ben", "Chloe", "Daniel", "Eleanor", "Farah", "George", "Hannah", "Imran", "Jess", "Kieran", "Laura"]
            + ["Mohammed", "Niamh", "Owen", "Priya", "Rachel", "Sam", "Tom", "Uma", "Vikram", "Wendy", "Yasmin", "Zoe"]
        let last =
            ["Patel", "Okafor", "Hughes", "Evans", "Khan", "Murphy", "Taylor", "Wright", "Ahmed", "Clarke", "Doyle", "Fraser"]
            + ["Green", "Hall", "Jones", "Lewis", "Morgan", "Nolan", "Price", "Reid", "Shah", "Turner", "Walsh", "Young"]
        let (f, l) = (first[k % first.count], last[(k * 7 + 3) % last.count])
        return "\(f) \(l),01632 960\(String(format: "%03d", k + 100)),\(f.lowercased()).\(l.lowercased())@trust.example"
    }

    /// `referrals.csv`: `count` referrals received over the last 26 weeks.
    public func referralsCSV(count: Int) -> String {
        var rng = SeededRandom(seed: seed &+ 1)
        var lines = ["school,pupil_ref,year_group,service,area,severity,flags,apdr_cycles,consent,preferred_days,reason,received_on"]
        for n in 1...max(1, count) { lines.append(referral(n, &rng)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func referral(_ n: Int, _ rng: inout SeededRandom) -> String {
        let school = rng.pick(schools, weights: schools.map(\.demandWeight))
        let service = rng.pick(["EP", "SALT", "COUNSELLING"], weights: [0.3, 0.4, 0.3])
        let area = area(service, &rng)
        let year = school.isPrimary ? rng.below(7) : 7 + rng.below(7)
        let severity = rng.pick([1, 2, 3, 4, 5], weights: [0.08, 0.27, 0.35, 0.22, 0.08])
        var flags: [String] = []
        if rng.unit() < 0.2 { flags.append("ehc_plan") }
        if service == "EP", rng.unit() < 0.15 { flags.append("ehc_needs_assessment") }
        if rng.unit() < 0.1 { flags.append("exclusion_risk") }
        if rng.unit() < 0.05 { flags.append("looked_after") }
        if rng.unit() < 0.06 { flags.append("safeguarding") }
        let apdr = rng.pick([0, 1, 2, 3, 4], weights: [0.1, 0.25, 0.35, 0.2, 0.1])
        let consent = rng.unit() < 0.93 ? "yes" : "no"
        let days = rng.unit() < 0.2 ? ["mon", "tue", "wed", "thu", "fri"].filter { _ in rng.unit() < 0.5 }.joined(separator: ";") : ""
        let received = asOf.adding(days: -rng.below(26 * 7))
        let ref = "\(school.isPrimary ? "P" : "S")\(2020 + rng.below(7))-\(String(format: "%04d", n))"
        return
            "\(school.urn),\(ref),\(year),\(service),\(area),\(severity),\(flags.joined(separator: ";")),\(apdr),\(consent),\(days),\(reason(area)),\(received)"
    }

    func area(_ service: String, _ rng: inout SeededRandom) -> String {
        switch service {
        case "SALT": rng.pick(["communication_interaction", "cognition_learning"], weights: [0.85, 0.15])
        case "COUNSELLING": "semh"
        default: rng.pick(AreaOfNeed.allCases.map(\.rawValue), weights: [0.25, 0.45, 0.2, 0.1])
        }
    }

    func reason(_ area: String) -> String {
        [
            "communication_interaction": "language delay affecting access to learning",
            "cognition_learning": "slow progress despite targeted support",
            "semh": "anxiety and emotional regulation difficulties",
            "sensory_physical": "sensory processing needs in class",
        ][area] ?? "needs assessment"
    }
}
