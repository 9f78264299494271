/// The waiting list rolled forward by the real planner: for each referral waiting when it was
/// made, the term week its first session fell in (week by week: schedule, publish, all delivered).
/// It knows what a fill rate cannot (who is out of reach, how sessions pack into days around
/// travel and breaks), so promises come from it; it is made again each week.
public struct Projection: Hashable, Sendable {
    /// The day it was made (the list it rolled forward is the list of that day).
    public var madeOn: CalendarDate
    /// The term weeks it covers, in order.
    public var weeks: [CalendarDate]
    /// The first-session week of each referral seen within `weeks`.
    public var firstWeek: [Int64: CalendarDate]
    /// Every referral waiting when it was made (seen or not).
    public var waiting: Set<Int64>

    /// A projection with every field.
    public init(madeOn: CalendarDate, weeks: [CalendarDate], firstWeek: [Int64: CalendarDate], waiting: Set<Int64>) {
        self.madeOn = madeOn
        self.weeks = weeks
        self.firstWeek = firstWeek
        self.waiting = waiting
    }

    /// First sessions a week of `service` it found, over its weeks (at least 0.5).
    func rate(_ service: [WaitingEntry]) -> Double {
        let seen = service.filter { firstWeek[$0.referral.id] != nil }.count
        return max(0.5, Double(seen) / Double(max(1, weeks.count)))
    }

    /// Estimates for one service's list in order: a referral the projection saw keeps its week;
    /// one that arrived since takes the week of the next referral below it that was seen (it
    /// will be seen before that one); the rest follow the horizon at the rate the projection
    /// found. No estimate is before `earliest` (next week), and the calendar's term weeks are used
    /// beyond the horizon.
    func estimates(_ list: [WaitingEntry], earliest: CalendarDate, termWeeks: [CalendarDate]) -> [CalendarDate?] {
        let rate = rate(list)
        var out = [CalendarDate?](repeating: nil, count: list.count)
        var below: CalendarDate?
        var beyond = list.filter { firstWeek[$0.referral.id] == nil }.count
        let after = termWeeks.filter { $0 > (weeks.last ?? earliest) && $0 >= earliest }  // the term weeks beyond the horizon
        for i in list.indices.reversed() {
            let id = list[i].referral.id
            if let w = firstWeek[id] {
                below = w
                out[i] = max(w, earliest)
            } else {
                beyond -= 1
                if !waiting.contains(id), let below {
                    out[i] = max(below, earliest)
                    continue
                }
                let k = Int((Double(beyond) / rate).rounded(.down))
                out[i] = k < after.count ? after[k] : nil
            }
        }
        return out
    }
}
