import Foundation

extension TrustConfig {
    /// Reads and validates the trust's settings from a parsed document (YAML or JSON).
    /// Every error names the key at fault and the values allowed.
    public static func decode(_ document: JSONValue) throws(InputError) -> TrustConfig {
        let root = try JSONFields(document, path: "")
        try root.onlyKeys([
            "trust", "priority", "services", "intake", "calendar", "school_day", "retention", "planning", "urgency", "sign_in", "notifications",
            "jobs",
        ])
        let priority = try root.object("priority")
        try priority.onlyKeys(["weights", "ageing_points_per_week", "statutory", "fair_share", "bands"])
        try root.object("trust").onlyKeys(["name"])
        let bands = try readBands(priority)
        let services = try readServices(root, bandNames: bands.map(\.name))
        let statutory = try readStatutory(priority.object("statutory"))
        guard services.contains(where: { $0.code == statutory.service }) else {
            throw priority.error(
                "statutory.service", "\"\(statutory.service)\" is not one of the services below (\(services.map(\.code).joined(separator: ", ")))")
        }
        var config = TrustConfig(
            trustName: try root.object("trust").string("name"), weights: try readWeights(priority.object("weights")),
            ageingPointsPerWeek: try nonNegative(priority, "ageing_points_per_week"),
            statutory: statutory, fairShare: try readFairShare(priority.object("fair_share")),
            bands: bands, services: services)
        if root.optional("intake") != nil {
            let intake = try root.object("intake")
            try intake.onlyKeys(["max_backdate_weeks", "pupil_ref_pattern"])
            config.maxBackdateWeeks = try intake.optionalInt("max_backdate_weeks", in: 0...52) ?? config.maxBackdateWeeks
            if let pattern = try intake.optionalString("pupil_ref_pattern") {
                guard pattern.count <= 200, (try? NSRegularExpression(pattern: pattern)) != nil else {
                    throw intake.error(
                        "pupil_ref_pattern", "is not a regular expression Caseload can use (up to 200 characters), e.g. ^[A-Z][0-9]{12}$")
                }
                config.pupilRefPattern = pattern
            }
        }
        try readYear(root, into: &config)
        if root.optional("retention") != nil { config.retention = try readRetention(root.object("retention")) }
        if root.optional("jobs") != nil { config.jobs = try readJobs(root.object("jobs")) }
        if root.optional("notifications") != nil { config.notifications = try readNotifications(root.object("notifications")) }
        if root.optional("sign_in") != nil { config.signIn = try readSignIn(root.object("sign_in")) }
        if root.optional("urgency") != nil { config.urgency = try readUrgency(root.object("urgency"), bandNames: bands.map(\.name)) }
        if root.optional("planning") != nil {
            let planning = try root.object("planning")
            try planning.onlyKeys(["search_seconds", "notice_school_days", "lunch_break"])
            config.planning.searchSeconds = try planning.optionalInt("search_seconds", in: 0...600) ?? config.planning.searchSeconds
            config.planning.noticeSchoolDays = try planning.optionalInt("notice_school_days", in: 0...10) ?? config.planning.noticeSchoolDays
            if planning.optional("lunch_break") != nil { config.planning.lunchBreak = try readBreak(planning.object("lunch_break")) }
        }
        return config
    }

    /// `planning.lunch_break`: minutes (0: none) that must fit between `earliest` and `latest_end`.
    static func readBreak(_ f: JSONFields) throws(InputError) -> DayBreak? {
        try f.onlyKeys(["minutes", "earliest", "latest_end"])
        let minutes = try f.int("minutes", in: 0...120)
        guard minutes > 0 else { return nil }
        let earliest = try f.optionalTime("earliest") ?? PlanningRule.standardBreak.earliest
        let latest = try f.optionalTime("latest_end") ?? PlanningRule.standardBreak.latestEnd
        guard earliest.minutes + minutes <= latest.minutes else {
            throw f.error("latest_end", "a \(minutes)-minute break must fit between earliest \(earliest) and latest_end \(latest)")
        }
        return DayBreak(minutes: minutes, earliest: earliest, latestEnd: latest)
    }

    /// `retention`: how long pupil-identifying data is kept (years, 1 to 25).
    static func readRetention(_ f: JSONFields) throws(InputError) -> RetentionRule {
        try f.onlyKeys(["closed_years", "declined_years"])
        let standard = RetentionRule()
        return RetentionRule(
            closedYears: try f.optionalInt("closed_years", in: 1...25) ?? standard.closedYears,
            declinedYears: try f.optionalInt("declined_years", in: 1...25) ?? standard.declinedYears)
    }

    static func nonNegative(_ f: JSONFields, _ key: String, max: Double = 1000) throws(InputError) -> Double {
        let v = try f.number(key)
        guard v >= 0, v <= max else { throw f.error(key, "must be a number from 0 to \(Int(max)), found \(JSONFields.spoken(v))") }
        return v
    }

    static func readWeights(_ f: JSONFields) throws(InputError) -> PriorityWeights {
        try f.onlyKeys(["severity"] + ReferralFlag.allCases.map(\.rawValue))
        var weights = PriorityWeights(
            severity: try nonNegative(f, "severity"), ehcPlan: 0, ehcNeedsAssessment: 0, exclusionRisk: 0, lookedAfter: 0, safeguarding: 0)
        for flag in ReferralFlag.allCases { weights[flag] = try nonNegative(f, flag.rawValue) }
        return weights
    }

    static func readStatutory(_ f: JSONFields) throws(InputError) -> StatutoryRule {
        try f.onlyKeys(["service", "ehc_advice_weeks", "climb_from_week", "climb_points"])
        let weeks = try f.int("ehc_advice_weeks", in: 1...52)
        let from = try f.int("climb_from_week", in: 0...52)
        guard from < weeks else { throw f.error("climb_from_week", "must be before ehc_advice_weeks (\(weeks))") }
        return StatutoryRule(
            service: try f.string("service"), adviceWeeks: weeks, climbFromWeek: from,
            climbPoints: try nonNegative(f, "climb_points"))
    }

    static func readFairShare(_ f: JSONFields) throws(InputError) -> FairShareRule {
        try f.onlyKeys(["pupils", "sen_support", "ehc_plan", "max_points"])
        return FairShareRule(
            perPupil: try nonNegative(f, "pupils"), perSENSupport: try nonNegative(f, "sen_support"),
            perEHCPlan: try nonNegative(f, "ehc_plan"), maxPoints: try nonNegative(f, "max_points"))
    }

    static func readBands(_ priority: JSONFields) throws(InputError) -> [PriorityBand] {
        let f = try priority.object("bands")
        let bands = try f.keys.map { key throws(InputError) in PriorityBand(name: key, minScore: try f.int(key, in: 0...1000)) }
        guard bands.contains(where: { $0.minScore == 0 }) else {
            throw priority.error("bands", "needs one band starting at 0 so that every score has a band")
        }
        return bands
    }

    static func readServices(_ root: JSONFields, bandNames: [String]) throws(InputError) -> [ServiceRules] {
        let f = try root.object("services")
        guard !f.keys.isEmpty else { throw root.error("services", "must list at least one service, e.g. EP") }
        return try f.keys.map { code throws(InputError) in try readService(f.object(code), code: code, bandNames: bandNames) }
    }

    static func readService(_ f: JSONFields, code: String, bandNames: [String]) throws(InputError) -> ServiceRules {
        try f.onlyKeys(["name", "threshold", "apdr_cycles", "target_weeks", "default_pathway", "pathways"])
        let targets = try f.object("target_weeks")
        var targetWeeks: [String: Int] = [:]
        for band in bandNames { targetWeeks[band] = try targets.int(band, in: 0...156) }
        for key in targets.keys where !bandNames.contains(key) {
            throw targets.error(key, "is not a priority band; the bands are \(bandNames.joined(separator: ", "))")
        }
        let pathwaysObject = try f.object("pathways")
        let pathways = try pathwaysObject.keys.map { name throws(InputError) in try readPathway(pathwaysObject.object(name), name: name) }
        guard !pathways.isEmpty else { throw f.error("pathways", "must list at least one pathway") }
        let preferred = try f.optionalString("default_pathway") ?? pathways[0].name
        guard pathways.contains(where: { $0.name == preferred }) else {
            throw f.error("default_pathway", "\"\(preferred)\" is not one of \(pathways.map(\.name).joined(separator: ", "))")
        }
        return ServiceRules(
            code: code, name: try f.optionalString("name") ?? code, threshold: try f.int("threshold", in: 0...1000),
            apdrCycles: try f.int("apdr_cycles", in: 0...10), targetWeeks: targetWeeks,
            pathways: pathways, defaultPathway: preferred)
    }

    static func readPathway(_ f: JSONFields, name: String) throws(InputError) -> Pathway {
        try f.onlyKeys(["sessions", "minutes", "every_weeks", "same_specialist", "same_weekday", "same_time", "same_time_within_minutes"])
        return Pathway(
            name: name, sessions: try f.int("sessions", in: 1...52), minutes: try f.int("minutes", in: 5...480),
            everyWeeks: try f.optionalInt("every_weeks", in: 1...12) ?? 1,
            sameSpecialist: try f.optionalBool("same_specialist") ?? false,
            sameWeekday: try continuity(f, "same_weekday"), sameTime: try continuity(f, "same_time"),
            timeToleranceMinutes: try f.optionalInt("same_time_within_minutes", in: 0...240) ?? 30)
    }

    /// `required`, `preferred` or `no` (`true` is `required`, `false` is `no`); absent is `no`.
    static func continuity(_ f: JSONFields, _ key: String) throws(InputError) -> ContinuityRule {
        switch f.optional(key) {
        case nil: return .no
        case .bool(let b)?: return b ? .required : .no
        case .string(let s)?:
            guard let rule = ContinuityRule(rawValue: s.lowercased()) else {
                throw f.error(key, "must be required, preferred or no, found \"\(s)\"")
            }
            return rule
        default: throw f.error(key, "must be required, preferred or no")
        }
    }
}
