import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The trust's scheduled jobs: each runs once for each time it is due; after the server was
/// down over several due times, once; a failure is recorded and told to the leaders.
@Suite struct ScheduledJobsTests {
    func config(backupFolder: String) -> TrustConfig {
        var c = Repo.config
        c.jobs.weeklyPlan = JobTime(day: .thu, at: ClockTime(minutes: 16 * 60))
        c.jobs.backup = JobTime(day: nil, at: ClockTime(minutes: 2 * 60))
        c.jobs.backupFolder = backupFolder
        c.jobs.backupKeep = 2
        c.jobs.retention = JobTime(day: .sun, at: ClockTime(minutes: 3 * 60))
        return c
    }

    @Test func eachJobRunsOnceForEachTimeItIsDueAndOnceAfterADownTime() throws {
        let db = try demoTrust()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let jobs = ScheduledJobs(db: db, config: config(backupFolder: folder.url.path), options: PlannerOptions(iterations: 30))
        let thursday = Moment("2026-11-26T16:05")!
        let first = try jobs.runDue(now: thursday)
        #expect(Set(first.map(\.job)) == ["weekly_plan", "backup", "retention"] && first.allSatisfy(\.ok), "\(first)")
        let draft = try #require(try db.timetables.timetable(week: CalendarDate("2026-11-30")!))
        #expect(!draft.published && !draft.bookings.isEmpty, "next week is planned as a draft for a leader")
        #expect(try jobs.runDue(now: Moment("2026-11-26T17:00")!).isEmpty, "nothing runs twice for one due time")
        let sunday = Moment("2026-11-29T10:00")!  // the server was down on Friday and Saturday
        let later = try jobs.runDue(now: sunday)
        #expect(later.map(\.job).sorted() == ["backup", "retention"])
        let copies = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(copies == ["caseload-2026-11-26.sqlite", "caseload-2026-11-29.sqlite"], "one backup for the missed days, not one each")
        #expect(try db.jobs.last("backup")?.due == "2026-11-29T02:00" && db.jobs.last("backup")?.outcome == "ok")
        _ = try jobs.runDue(now: Moment("2026-11-30T02:30")!)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
                "caseload-2026-11-29.sqlite", "caseload-2026-11-30.sqlite",
            ])
    }

    @Test func aFailedJobIsRecordedAndToldToTheLeaders() throws {
        let db = try demoTrust()
        let lee = try People(db: db).add(
            PersonDetails(name: "Lee Grant", email: "lee@trust.example", roles: [.leader]), by: .commandLine, stamp: stamp)
        var c = config(backupFolder: "/nonexistent/caseload-backups")
        (c.jobs.weeklyPlan, c.jobs.retention) = (nil, nil)
        let ran = try ScheduledJobs(db: db, config: c).runDue(now: Moment("2026-11-26T03:00")!)
        #expect(ran.count == 1 && !ran[0].ok)
        #expect(try db.jobs.last("backup")?.outcome == "failed")
        let told = try db.outbox.messages(to: lee.id)
        #expect(
            told.count == 1 && told[0].message.notice.subject.hasPrefix("Back up the database failed (it was due Thu 26 Nov at 02:00)")
                && told[0].message.notice.link == "/jobs")
    }

    @Test func aJobTimeKnowsItsLastAndNextDueMoments() {
        let thursdays = JobTime(day: .thu, at: ClockTime(minutes: 960))
        #expect(thursdays.lastDue(atOrBefore: Moment("2026-11-26T15:59")!) == Moment("2026-11-19T16:00")!)
        #expect(thursdays.lastDue(atOrBefore: Moment("2026-11-26T16:00")!) == Moment("2026-11-26T16:00")!)
        #expect(thursdays.nextDue(after: Moment("2026-11-26T16:00")!) == Moment("2026-12-03T16:00")!)
        #expect(JobTime(day: nil, at: ClockTime(minutes: 120)).nextDue(after: Moment("2026-11-26T16:00")!) == Moment("2026-11-27T02:00")!)
    }
}

/// Automatic publishing (`jobs.auto_publish`): next week's draft is published at its time unless
/// a leader held it back; a stale draft is not published, and the leaders are told.
@Suite struct AutoPublishTests {
    static func config() -> TrustConfig {
        var c = Repo.config
        c.jobs.weeklyPlan = JobTime(day: .thu, at: ClockTime(minutes: 16 * 60))
        c.jobs.autoPublish = JobTime(day: .fri, at: ClockTime(minutes: 12 * 60))
        return c
    }

    @Test func aDraftIsPublishedAtItsTimeUnlessHeldBackOrStale() throws {
        let db = try demoTrust()
        let lee = try People(db: db).add(
            PersonDetails(name: "Lee Grant", email: "lee@trust.example", roles: [.leader]), by: .commandLine, stamp: stamp)
        let jobs = ScheduledJobs(db: db, config: Self.config(), options: PlannerOptions(iterations: 30))
        let planning = WeekPlanning(db: db, config: Self.config())
        let (held, free, stale) = (CalendarDate("2026-11-30")!, CalendarDate("2026-12-07")!, CalendarDate("2026-12-14")!)
        _ = try jobs.runDue(now: Moment("2026-11-26T16:05")!)
        try planning.hold(held, reason: "the EP rota changes", by: .commandLine, stamp: stamp)
        let friday = try jobs.runDue(now: Moment("2026-11-27T12:05")!)
        #expect(friday.map(\.job) == ["auto_publish"] && friday[0].ok && friday[0].detail.contains("the EP rota changes"), "\(friday)")
        #expect(try db.timetables.timetable(week: held)?.published == false)
        _ = try planning.publish(held, by: .commandLine, stamp: stamp)
        #expect(try db.timetables.hold(week: held) == nil, "publishing by hand ends the hold")

        _ = try jobs.runDue(now: Moment("2026-12-03T16:05")!)
        #expect(try jobs.runDue(now: Moment("2026-12-04T12:01")!).allSatisfy(\.ok))
        #expect(try db.timetables.timetable(week: free)?.published == true, "nobody held it back")

        _ = try jobs.runDue(now: Moment("2026-12-10T16:05")!)
        let away = try #require(try db.timetables.timetable(week: stale)?.bookings.first).specialist
        try db.calendar.addLeave(specialist: away, from: stale, to: stale, reason: "ill", stamp: stamp)  // the draft of the 14th is stale
        let refused = try jobs.runDue(now: Moment("2026-12-11T12:01")!)
        #expect(refused.count == 1 && !refused[0].ok && refused[0].detail.contains("planned before later changes"), "\(refused)")
        #expect(try db.timetables.timetable(week: stale)?.published == false)
        #expect(try db.outbox.messages(to: lee.id).contains { $0.message.kind == "job_failed" })
    }
}

/// The audit log in sentences: who did what to what, the details in words, the time on the
/// trust's clock.
@Suite struct AuditSentenceTests {
    func entry(_ actor: String, _ action: String, _ entity: String, _ id: String, _ detail: String) -> AuditEntry {
        AuditEntry(id: 1, at: "2026-11-30T14:05:00Z", actor: actor, action: action, entity: entity, entityId: id, detail: detail)
    }

    @Test func entriesReadAsSentences() {
        let held = AuditSentence(
            entry(
                "Jane Smith (person 4), sign-in with Microsoft", "status", "referral", "1001",
                #"{"from":"waiting","note":"family away","to":"on_hold"}"#))
        #expect(held.sentence == "Jane Smith moved referral 1001 to \"on hold\"" && held.details == "note: family away")
        #expect(held.when == "Mon 30 Nov 2026 14:05")
        let job = AuditSentence(entry("job auto_publish", "publish", "timetable", "2026-12-07", #"{"series_started":"3"}"#))
        #expect(job.sentence == "The scheduled job \"Publish next week unless a leader held it\" published the week of Mon 7 Dec 2026")
        #expect(job.details == "series started: 3")
        let summer = AuditSentence(entry("integration 'MIS sync', key 5, leader", "update", "config", "trust.yaml", "{}"))
        #expect(summer.sentence == "The integration 'MIS sync' changed the trust's settings" && summer.details.isEmpty)
        #expect(
            AuditSentence(entry("cli", "odd_thing", "widget", "7", "not json")).sentence == "The operator, at the command line odd thing widget 7")
    }
}
