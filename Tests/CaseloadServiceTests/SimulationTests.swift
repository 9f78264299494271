import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct SimulationTests {
    let whatIf = WhatIf(simulation: TermSimulation(weeks: 3, start: week1, absence: 0.1, seed: 5, planner: PlannerOptions(iterations: 40)))

    func policy(_ name: String, _ edit: (inout TrustConfig) -> Void = { _ in }, roster: [RosterEntry] = []) -> Policy {
        var c = config
        edit(&c)
        return Policy(name: name, config: c, roster: roster)
    }

    @Test func sameSeedSameFiguresAndIdenticalPoliciesAgree() throws {
        let db = try demoTrust()
        let first = try whatIf.run(baseline: policy("a"), alternative: policy("b"), db: db)
        #expect(first.baseline == first.alternative)
        let again = try whatIf.run(baseline: policy("a"), alternative: policy("b"), db: db)
        #expect(again.baseline == first.baseline)
    }

    @Test func theDatabaseIsUnchangedByteForByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.sqlite").path
        let db = try AppDatabase.create(path: path)
        _ = try DemoTrust.load(
            into: db, fixtures: repoRoot.appendingPathComponent("Fixtures").path, config: config,
            today: CalendarDate("2026-11-23")!, stamp: stamp)
        let files = { try ["", "-wal"].map { try Data(contentsOf: URL(fileURLWithPath: path + $0)) } }
        let before = try files()
        _ = try whatIf.run(baseline: policy("a"), alternative: policy("b", { $0.services[1].threshold = 60 }), db: db)
        #expect(try files() == before)
    }

    @Test func aRaisedThresholdNeverLengthensTheList() throws {
        let report = try whatIf.run(baseline: policy("now"), alternative: policy("strict", { $0.services[1].threshold = 45 }), db: try demoTrust())
        for (b, a) in zip(report.baseline, report.alternative) { #expect(a.waiting["SALT"]! <= b.waiting["SALT"]!) }
    }

    @Test func addedCapacityNeverRaisesTheMedianWait() throws {
        let db = try demoTrust()
        let extra = try db.roster.specialists().filter { $0.specialist.service == "SALT" }.prefix(3).map { e -> RosterEntry in
            var e = e
            e.specialist.id += "-extra"
            return e
        }
        let report = try whatIf.run(baseline: policy("now"), alternative: policy("more SALT", roster: extra), db: db)
        for (b, a) in zip(report.baseline, report.alternative) { #expect(a.medianWait["SALT"]! <= b.medianWait["SALT"]!) }
        #expect(report.alternative.last!.waiting["SALT"]! <= report.baseline.last!.waiting["SALT"]!)
    }

    @Test func reportHasTheSummaryAndChartsAndNoScripts() throws {
        let report = try whatIf.run(baseline: policy("now"), alternative: policy("strict", { $0.services[1].threshold = 45 }), db: try demoTrust())
        let html = report.html
        #expect(html.contains("<h1>What if"))
        #expect(report.summary.allSatisfy { html.contains(String($0.prefix(20))) })
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("@import") && !html.contains("<link"))
        #expect(report.text.contains("SALT waiting"))
    }
}

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether `text` is well-formed XML (as every SVG we write must be).
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite struct PictureTests {
    @Test func routeMapAndReportChartsAreWellFormedSVG() throws {
        let db = try demoTrust()
        let result = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        let names = try db.roster.contacts().compactMapValues(\.name)
        let routes = RouteMap(result.timetable, names: names)
        let map = routes.svg
        #expect(isWellFormedXML(map))
        #expect(map.contains("<polyline"))
        let key = routes.schoolKey
        #expect(key.map(\.number) == Array(1...key.count) && key.map(\.name) == key.map(\.name).sorted(), "numbered in name order")
        #expect(Set(key.map(\.name)).count == Set(result.timetable.bookings.map(\.school)).count, "every visited school, once")
        for k in key { #expect(map.contains(">\(k.number)<title>\(k.name.replacingOccurrences(of: "&", with: "&amp;"))</title></text>")) }
        #expect(names.values.allSatisfy { map.contains($0) }, "the legend names each specialist")
        #expect(map.contains("stroke-dasharray"), "more specialists than colours: the rest are dashed")
        let whatIf = WhatIf(simulation: TermSimulation(weeks: 2, start: week1, seed: 2, planner: PlannerOptions(iterations: 30)))
        let html = try whatIf.run(baseline: Policy(name: "a", config: config), alternative: Policy(name: "b", config: config), db: db).html
        let charts = html.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(charts.count >= 5)
        #expect(charts.allSatisfy(isWellFormedXML))
    }
}

@Suite struct HeadlessBrowserTests {
    /// The what-if report opens offline in headless Chromium (Debian's `chromium`; `.ci/run`
    /// installs it) and renders to a screenshot with the summary and charts in its DOM.
    @Test func reportLoadsInHeadlessChromium() throws {
        let db = try demoTrust()
        let whatIf = WhatIf(simulation: TermSimulation(weeks: 2, start: week1, seed: 4, planner: PlannerOptions(iterations: 30)))
        let html = try whatIf.run(baseline: Policy(name: "a", config: config), alternative: Policy(name: "b", config: config), db: db).html
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        let shot = dir.appendingPathComponent("report.png")
        try Data(html.utf8).write(to: page)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(dir.path)/profile"]
        let (status, _) = try run(["chromium"] + flags + ["--window-size=900,2400", "--screenshot=\(shot.path)", page.path])
        #expect(status == 0, "chromium failed (apt-get install chromium)")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 50_000, "the screenshot is \(size) bytes")
        let (_, dom) = try run(["chromium"] + flags + ["--dump-dom", page.path])
        #expect(dom.contains("What if: a term of 2 weeks") && dom.contains("<svg"))
    }

    func run(_ arguments: [String]) throws -> (Int32, String) {
        let (status, output) = try runTool(arguments)
        return (status, String(decoding: output, as: UTF8.self))
    }
}

/// The report agrees with itself: names match counts, every named school is charted, axes are
/// dated, declines are counted by school, and the figures file holds every week.
@Suite struct SimulationReportConsistencyTests {
    func week(_ k: Int, hours: [String: Double], declined: [String: Int]) -> WeekFigures {
        var w = WeekFigures(
            week: week1.adding(days: 7 * k), waiting: ["EP": 10], withinTarget: ["EP": 1], medianWait: ["EP": 2], p90Wait: ["EP": 5],
            statutoryBreaches: 0, travelMinutes: 100, miles: 50, sessionHours: 10, workingHours: 20,
            schoolHours: hours.mapValues { ["EP": $0] })
        w.arrived = 20
        w.declined = declined
        return w
    }

    @Test func everyNamedSchoolIsChartedAndCountsMatch() throws {
        let schools = (1...30).map { (urn: "\(100_000 + $0)", name: "School \($0)", share: 1.0 / Double($0 + 1)) }
        let even = Dictionary(uniqueKeysWithValues: schools.map { ($0.urn, 10.0) })
        var fewer = even
        for s in schools.suffix(9) { fewer[s.urn] = 5 }  // the nine smallest shares lose half their hours
        let baseline = (0..<12).map { week($0, hours: even, declined: ["100001": 1]) }
        let alternative = (0..<12).map { week($0, hours: fewer, declined: ["100001": 1, "100030": 3]) }
        let report = SimulationReport(baseline: baseline, alternative: alternative, services: ["EP"], schools: schools)
        let line = try #require(report.summary.first { $0.contains("lose more than 10%") })
        #expect(line.hasPrefix("9 schools"))
        for s in schools.suffix(9) {
            #expect(line.contains(s.name + " ("))
            #expect(report.html.contains(">\(s.name)</text>"), "\(s.name) is named but not charted")
        }
        #expect(report.html.contains(">30 Nov</text>") && report.html.contains("week beginning"))
        let declines = try #require(report.summary.first { $0.contains("decline") })
        #expect(declines.contains("decline 48 against 12") && declines.contains("School 30 (36)"))
        let figures = try JSONSerialization.jsonObject(with: try report.figuresJSON()) as? [String: Any]
        #expect((figures?["alternative"] as? [Any])?.count == 12)
    }
}
