import CaseloadCore
import CaseloadPlanner

/// A specialist with free time that cannot reach any waiting demand, and what would change it.
public struct IdleSpecialist: Sendable, Equatable {
    public var id: String
    public var service: String
    public var bookedHours: Double
    public var workingHours: Double
    /// Why, and what to change (travel cap, base or skills).
    public var advice: String
}

/// Finds specialists booked for under half their week while none of their service's waiting
/// referrals is within their reach: the loss is reach, not demand.
public enum IdleSpecialists {
    /// The specialists of `scenario` (as planned in `bookings`) whose free time reaches none of `waiting`.
    public static func find(scenario: WeekScenario, bookings: [Booking], waiting: [Referral], schools: [SchoolRecord]) -> [IdleSpecialist] {
        let model = TravelModel(scenario.travel)
        let place = Dictionary(schools.map { ($0.urn, $0) }, uniquingKeysWith: { a, _ in a })
        let booked = Set(bookings.map(\.referral))
        return scenario.specialists.compactMap { sp in
            let working = Double(sp.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) / 60
            let hours = Double(bookings.filter { $0.specialist == sp.id }.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) / 60
            let demand = waiting.filter { $0.request.service == sp.service && !booked.contains($0.id) }
            guard working > 0, hours < working / 2, !demand.isEmpty else { return nil }
            let away = demand.compactMap { r in place[r.request.school].map { (r, $0, model.minutes(sp.base, $0.location)) } }
            guard !away.isEmpty, !away.contains(where: { reachable(sp, $0.2) && skilled(sp, $0.0) }) else { return nil }
            return IdleSpecialist(
                id: sp.id, service: sp.service, bookedHours: hours, workingHours: working,
                advice: advice(sp, demand.count, away))
        }
    }

    /// A round trip from base fits the travel cap and the longest working day.
    static func reachable(_ sp: Specialist, _ oneWay: Int) -> Bool {
        let longest = sp.days.map { $0.end.minutes - $0.start.minutes }.max() ?? 0
        return 2 * oneWay <= (sp.maxTravelMinPerDay ?? Int.max) && 2 * oneWay + 30 <= longest
    }

    static func skilled(_ sp: Specialist, _ r: Referral) -> Bool { r.request.skill.map(sp.skills.contains) ?? true }

    static func advice(_ sp: Specialist, _ count: Int, _ away: [(Referral, SchoolRecord, Int)]) -> String {
        let nearest = away.min { $0.2 < $1.2 }!
        let inReach = away.filter { reachable(sp, $0.2) }
        let cap = sp.maxTravelMinPerDay.map { "\($0) min a day, so \($0 / 2) each way" } ?? "no cap"
        var text = "none of the \(count) waiting \(sp.service) referrals is within its reach (travel cap \(cap)); "
        if inReach.isEmpty {
            text +=
                "the nearest is at \(nearest.1.name) (\(nearest.1.urn)), \(nearest.2) min from its base. "
                + "To use its time: raise max_travel_min_per_day to at least \(2 * nearest.2), or move its base nearer the waiting pupils"
        } else {
            let needed = Set(inReach.compactMap(\.0.request.skill)).sorted().joined(separator: ", ")
            text +=
                "the \(inReach.count) within reach need skills it lacks (\(needed)); add them to its skills, or refer those pupils without a required skill"
        }
        return text
    }
}
