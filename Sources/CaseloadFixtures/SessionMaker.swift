import CaseloadCore
import Foundation

/// Makes one service's sessions: which school (by SEN numbers), which kind, priority,
/// skills, continuity pins, allowed days and school-day windows.
struct SessionMaker {
    let profile: ServiceProfile
    let schools: [SchoolRecord]
    let team: [Specialist]
    var next: Int

    mutating func make(minutes: Int, count: Int?, _ rng: inout SeededRandom) -> [Session] {
        var out: [Session] = []
        var used = 0
        while count.map({ out.count < $0 }) ?? (used < minutes) {
            let s = session(&rng)
            used += s.durationMin
            out.append(s)
        }
        return out
    }

    mutating func session(_ rng: inout SeededRandom) -> Session {
        let school = rng.pick(schools, weights: schools.map(\.demandWeight))
        let kind = rng.pick(profile.kinds, weights: profile.kinds.map(\.share))
        let skills = profile.skills.filter { rng.unit() < $0.sessionShare }.map(\.name)
        let series = rng.unit() < kind.seriesShare
        let week = series ? 2 + rng.below(5) : 1
        let referral = "r\(next)"
        next += 1
        var s = Session(
            id: "\(referral)-w\(week)", referral: referral, school: school.urn, service: profile.service,
            durationMin: kind.duration, priority: priority(kind, series, &rng), skills: skills)
        window(&s, school, &rng)
        if series { pin(&s, school, kind, &rng) } else if rng.unit() < 0.15 { s.days = someDays(&rng) }
        return s
    }

    /// Most referrals score 25–65; EHC needs assessments (statutory six weeks) score highest.
    func priority(_ kind: ServiceProfile.Kind, _ series: Bool, _ rng: inout SeededRandom) -> Int {
        var score = rng.normal(mean: 45, sd: 16)
        if kind.name == "assessment", profile.service == "EP", rng.unit() < 0.4 { score = 86 + rng.unit() * 14 }
        if rng.unit() < 0.25 { score += 10 }
        if series { score += 12 }
        return min(100, max(1, Int(score.rounded())))
    }

    /// The school day: primaries 08:50–15:15, secondaries 08:40–15:05; some afternoons only.
    func window(_ s: inout Session, _ school: SchoolRecord, _ rng: inout SeededRandom) {
        s.earliest = ClockTime(minutes: school.isPrimary ? 530 : 520)
        s.latestEnd = ClockTime(minutes: school.isPrimary ? 915 : 905)
        if rng.unit() < 0.1, s.durationMin <= 60 { s.earliest = ClockTime(minutes: 780) }
    }

    /// Continuity: the nearest qualified specialist (sometimes the second nearest) keeps the case.
    func pin(_ s: inout Session, _ school: SchoolRecord, _ kind: ServiceProfile.Kind, _ rng: inout SeededRandom) {
        let qualified = team.filter { sp in s.skills.allSatisfy(sp.skills.contains) }
        guard !qualified.isEmpty else { return }
        let ranked = qualified.sorted { distance($0.base, school.location) < distance($1.base, school.location) }
        let keeper = ranked.count > 1 && rng.unit() < 0.25 ? ranked[1] : ranked[0]
        s.specialist = keeper.id
        if kind.sameWeekday { s.days = [keeper.days[rng.below(keeper.days.count)].day] }
    }

    func someDays(_ rng: inout SeededRandom) -> [Weekday] {
        var days = Array(Weekday.allCases.prefix(5))
        while days.count > 2 + rng.below(2) { days.remove(at: rng.below(days.count)) }
        return days
    }

    func distance(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let dx = (a.lon - b.lon) * cos(a.lat * .pi / 180)
        let dy = a.lat - b.lat
        return dx * dx + dy * dy
    }
}
