extension TrustConfig {
    /// Reads `calendar` (terms and trust-wide closures) and `school_day` into `config`.
    static func readYear(_ root: JSONFields, into config: inout TrustConfig) throws(InputError) {
        if root.optional("calendar") != nil { config.calendar = try readCalendar(root.object("calendar")) }
        if root.optional("school_day") != nil { config.schoolDay = try readSchoolDay(root.object("school_day")) }
    }

    static func readCalendar(_ f: JSONFields) throws(InputError) -> SchoolCalendar {
        try f.onlyKeys(["terms", "closures"])
        var terms: [Term] = []
        for (i, item) in (f.optional("terms") == nil ? [] : try f.array("terms")).enumerated() {
            let t = try JSONFields(item, path: f.field("terms[\(i)]"))
            try t.onlyKeys(["name", "from", "to", "holiday_after"])
            let term = Term(
                name: try t.string("name"), from: try date(t, "from"), to: try date(t, "to"),
                holidayAfter: try t.optionalString("holiday_after"))
            guard term.from <= term.to else { throw t.error("to", "\(term.to) is before the term starts (\(term.from))") }
            for (key, text) in [("name", term.name), ("holiday_after", term.holidayAfter ?? "x")] {
                if let problem = Closure.textProblem(text, what: key) { throw t.error(key, problem) }
            }
            if term.from.year < 2000 || term.to.year > 2100 { throw t.error("from", "falls outside 2000-2100; check the year") }
            if let previous = terms.last, previous.to >= term.from {
                throw t.error(
                    "from", "\(term.from) is inside the term before (\(previous.name), to \(previous.to)); list terms in order without overlaps")
            }
            terms.append(term)
        }
        var closures: [Closure] = []
        for (i, item) in (f.optional("closures") == nil ? [] : try f.array("closures")).enumerated() {
            closures.append(try closure(JSONFields(item, path: f.field("closures[\(i)]"))))
        }
        return SchoolCalendar(terms: terms, closures: closures)
    }

    /// One closure: `on` a single day, or `from` and `to`, with a `reason`.
    static func closure(_ c: JSONFields) throws(InputError) -> Closure {
        try c.onlyKeys(["on", "from", "to", "reason"])
        let from: CalendarDate
        let to: CalendarDate
        if c.optional("on") != nil {
            guard c.optional("from") == nil, c.optional("to") == nil else { throw c.error("on", "give either on, or from and to, not both") }
            from = try date(c, "on")
            to = from
        } else {
            from = try date(c, "from")
            to = try date(c, "to")
        }
        let closure = Closure(from: from, to: to, reason: try c.string("reason"))
        if let problem = Closure.problem(closure) { throw c.error("to", problem) }
        return closure
    }

    public static func date(_ f: JSONFields, _ key: String) throws(InputError) -> CalendarDate {
        let text = try f.string(key)
        guard let d = CalendarDate(text) else { throw f.error(key, Day.problem(text)) }
        return d
    }

    static func readSchoolDay(_ f: JSONFields) throws(InputError) -> SchoolDayRule {
        try f.onlyKeys(["default"] + SchoolDayRule.phases)  // a typo such as `primry` is named, never ignored
        var standard = SchoolDayRule.fallback.standard
        var byPhase: [String: SchoolHours] = [:]
        for key in f.keys {
            guard let hours = SchoolHours(try f.string(key)) else {
                throw f.error(
                    key,
                    "is not a school day; write 08:45-15:15, or with days: mon-thu 08:45-15:15, fri 08:45-13:30 (each window at least an hour; name every weekday, or put a plain window first)"
                )
            }
            if key == "default" { standard = hours } else { byPhase[key.lowercased()] = hours }
        }
        return SchoolDayRule(standard: standard, byPhase: byPhase)
    }
}
