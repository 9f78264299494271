/// A point on the Earth in WGS84 degrees.
public struct GeoPoint: Hashable, Sendable, Codable {
    /// Latitude in degrees, -90...90.
    public var lat: Double
    /// Longitude in degrees, -180...180.
    public var lon: Double

    /// A point from latitude and longitude in degrees.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}

/// The travel model's three parameters (see `spec/week-problem.md`).
public struct TravelSettings: Hashable, Sendable, Codable {
    /// Average road speed in km/h.
    public var speedKmh: Double
    /// Road distance over straight-line distance.
    public var circuity: Double
    /// Minutes added to every leg between different sites: parking and signing in.
    public var overheadMin: Int

    /// Settings from their three values.
    public init(speedKmh: Double, circuity: Double, overheadMin: Int) {
        self.speedKmh = speedKmh
        self.circuity = circuity
        self.overheadMin = overheadMin
    }

    /// The model used when a trust has measured nothing better: 40 km/h, 1.3, 5 minutes.
    public static let standard = TravelSettings(speedKmh: 40, circuity: 1.3, overheadMin: 5)
}

/// A school a specialist visits; `id` is its URN in real data.
public struct School: Hashable, Sendable {
    public var id: String
    public var name: String
    public var location: GeoPoint

    /// A school with its identifier, name and location.
    public init(id: String, name: String, location: GeoPoint) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A break of at least `minutes` consecutive minutes, free of sessions and travel, inside
/// `earliest`–`latestEnd`, on any day the specialist has a session (`days[].break`, rule 6).
public struct DayBreak: Hashable, Sendable {
    public var minutes: Int
    public var earliest: ClockTime
    public var latestEnd: ClockTime

    /// A break rule.
    public init(minutes: Int, earliest: ClockTime, latestEnd: ClockTime) {
        self.minutes = minutes
        self.earliest = earliest
        self.latestEnd = latestEnd
    }
}

/// One working day of a specialist with its single window.
public struct WorkingDay: Hashable, Sendable {
    public var day: Weekday
    public var start: ClockTime
    public var end: ClockTime
    /// The day's break, if the specialist takes one.
    public var rest: DayBreak?

    /// A working window on one day; `start` must be before `end`.
    public init(day: Weekday, start: ClockTime, end: ClockTime) {
        self.day = day
        self.start = start
        self.end = end
    }
}

/// An educational psychologist, therapist or counsellor and the week they can work.
public struct Specialist: Hashable, Sendable {
    public var id: String
    /// The service they deliver, e.g. `EP`, `SALT`, `COUNSELLING`.
    public var service: String
    public var skills: [String]
    /// Where each working day starts and ends.
    public var base: GeoPoint
    /// Most travel minutes in one day, legs to and from base included; `nil` for no cap.
    public var maxTravelMinPerDay: Int?
    /// Most distinct schools in one day; `nil` for no cap.
    public var maxSchoolsPerDay: Int?
    public var days: [WorkingDay]

    /// A specialist with every field of the scenario format.
    public init(
        id: String, service: String, skills: [String], base: GeoPoint,
        maxTravelMinPerDay: Int?, maxSchoolsPerDay: Int?, days: [WorkingDay]
    ) {
        self.id = id
        self.service = service
        self.skills = skills
        self.base = base
        self.maxTravelMinPerDay = maxTravelMinPerDay
        self.maxSchoolsPerDay = maxSchoolsPerDay
        self.days = days
    }
}

/// One session of specialist time a pupil needs this week, already reduced to
/// a priority, its constraints and its time window.
public struct Session: Hashable, Sendable {
    public var id: String
    /// The referral it belongs to; informational.
    public var referral: String
    /// The school's id.
    public var school: String
    public var service: String
    public var durationMin: Int
    /// 1...100, higher is more important.
    public var priority: Int
    public var skills: [String]
    /// When set, only this specialist may take it (continuity of care).
    public var specialist: String?
    /// When set, only on these days.
    public var days: [Weekday]?
    public var earliest: ClockTime?
    public var latestEnd: ClockTime?
    /// Days that suit the school best (`preferred_days`, an extension of the format that other
    /// readers ignore): the planner favours them but books another allowed day rather than none.
    public var preferredDays: [Weekday]?

    /// A session with every field of the scenario format.
    public init(
        id: String, referral: String, school: String, service: String, durationMin: Int,
        priority: Int, skills: [String] = [], specialist: String? = nil,
        days: [Weekday]? = nil, earliest: ClockTime? = nil, latestEnd: ClockTime? = nil
    ) {
        self.id = id
        self.referral = referral
        self.school = school
        self.service = service
        self.durationMin = durationMin
        self.priority = priority
        self.skills = skills
        self.specialist = specialist
        self.days = days
        self.earliest = earliest
        self.latestEnd = latestEnd
    }
}

/// One week's planning problem (`caseload-scenario/1`): schools, specialists and sessions.
public struct WeekScenario: Hashable, Sendable {
    /// The format tag this version reads and writes.
    public static let format = "caseload-scenario/1"
    public var name: String
    /// The Monday of the week, `YYYY-MM-DD`.
    public var weekStart: String
    public var travel: TravelSettings
    public var schools: [School]
    public var specialists: [Specialist]
    public var sessions: [Session]

    /// A scenario from its parts; use `WeekScenario.decode(_:)` to read and validate JSON.
    public init(
        name: String, weekStart: String, travel: TravelSettings, schools: [School],
        specialists: [Specialist], sessions: [Session]
    ) {
        self.name = name
        self.weekStart = weekStart
        self.travel = travel
        self.schools = schools
        self.specialists = specialists
        self.sessions = sessions
    }
}
