import CaseloadConfig
import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// What a leader sees before saving new settings, a specialist's absence, and the audit trail.
@Suite struct LeaderToolsTests {
    let leader = Identity(tokenId: 0, role: .leader)
    let today = CalendarDate("2026-11-23")!

    /// The trust's settings with `old` replaced by `new` in the YAML (as a leader edits it).
    func edited(_ old: String, _ new: String) throws -> TrustConfig {
        let yaml = try String(contentsOfFile: Repo.configPath, encoding: .utf8)
        #expect(yaml.contains(old))
        return try TrustConfigFile.parse(yaml.replacingOccurrences(of: old, with: new))
    }

    @Test func raisingAThresholdCountsExactlyTheReferralsBelowIt() throws {
        let db = try demoTrust()
        let proposed = try edited("threshold: 30              #", "threshold: 60              #")
        let preview = try SettingsPreview.make(from: config, to: proposed, db: db, today: today, by: leader)
        let ep = try #require(preview.services.first { $0.code == "EP" })
        let waiting = try db.referrals.waitingList(config: config, today: today, service: "EP")
        let below = waiting.filter { Threshold(proposed).score($0.referral.request) < 60 }
        #expect(ep.threshold.before == 30 && ep.threshold.after == 60 && ep.waiting == waiting.count)
        #expect(!below.isEmpty && Set(ep.noLongerQualify.map(\.entry.referral.id)) == Set(below.map(\.referral.id)))
        #expect(ep.noLongerQualify.allSatisfy { $0.reasons.contains { $0.contains("below the Educational psychology threshold of 60") } })
        #expect(ep.moves.isEmpty, "a threshold alone moves nobody")
        #expect(preview.services.filter { $0.code != "EP" }.allSatisfy { $0.noLongerQualify.isEmpty && $0.moves.isEmpty })
    }

    @Test func aNewWeightReordersTheListAndThePreviewSaysWhoMoves() throws {
        let db = try demoTrust()
        let proposed = try edited("    severity: 10", "    severity: 2")
        let preview = try SettingsPreview.make(from: config, to: proposed, db: db, today: today, by: leader)
        let after = Dictionary(
            uniqueKeysWithValues: try db.referrals.waitingList(config: proposed, today: today).map { ($0.referral.id, $0.position) })
        let moves = preview.services.flatMap(\.moves)
        #expect(!moves.isEmpty && moves.allSatisfy { after[$0.entry.referral.id] == $0.to && $0.from != $0.to })
        let ups = preview.services.map(\.up).reduce(0, +)
        let downs = preview.services.map(\.down).reduce(0, +)
        #expect(ups > 0 && downs > 0 && ups + downs == moves.count)
        #expect(throws: AccessDenied.self) {
            try SettingsPreview.make(from: config, to: proposed, db: db, today: today, by: .init(tokenId: 0, role: .senco(school: "136156")))
        }
    }

    @Test func anAbsenceIsRecordedForOnesOwnDaysAndCountsTheSessionsItTouches() throws {
        let db = try demoTrust()
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let t = try #require(try db.timetables.timetable(week: week1))
        let me = try #require(t.bookings.first { $0.day == .wed }?.specialist)
        let wednesday = week1.adding(days: 2)
        let caller = Identity(tokenId: 0, role: .specialist(id: me))
        let reporting = AbsenceReporting(db: db)
        let done = try reporting.report(me, from: wednesday, to: wednesday, reason: "ill", by: caller, today: week1, stamp: stamp)
        #expect(done.bookedSessions == t.bookings.filter { $0.specialist == me && $0.day == .wed }.count && done.weeks == [week1])
        #expect(try db.calendar.leave(from: wednesday, to: wednesday).contains { $0.specialist == me })
        let other = try #require(t.bookings.first { $0.specialist != me }?.specialist)
        #expect(throws: AccessDenied.self) {
            try reporting.report(other, from: wednesday, to: wednesday, reason: "x", by: caller, today: week1, stamp: stamp)
        }
        for (from, to, reason) in [
            (wednesday, week1, "ill"), (week1.adding(days: -30), week1, "ill"), (wednesday, wednesday, " "), (week1, week1.adding(days: 120), "ill"),
        ] {
            #expect(throws: InputError.self) { try reporting.report(me, from: from, to: to, reason: reason, by: caller, today: week1, stamp: stamp) }
        }
    }

    @Test func theAuditTrailPagesNewestFirstForLeadersOnly() throws {
        let db = try demoTrust()
        let trail = AuditTrail(db: db)
        let first = try trail.page(before: nil, entity: nil, limit: 10, by: leader)
        #expect(first.count == 10 && zip(first, first.dropFirst()).allSatisfy { $0.id! > $1.id! })
        let next = try trail.page(before: first.last!.id, entity: nil, limit: 10, by: leader)
        #expect(next.first!.id! < first.last!.id!)
        #expect(try trail.entities(by: leader).contains("referral"))
        #expect(try trail.page(before: nil, entity: "referral", limit: 5, by: leader).allSatisfy { $0.entity == "referral" })
        #expect(throws: AccessDenied.self) { try trail.page(before: nil, entity: nil, by: .init(tokenId: 0, role: .specialist(id: "ep-1"))) }
    }
}
