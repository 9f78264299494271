import CaseloadCore
import CaseloadFormats
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct ImportTests {
    let gias = try! String(contentsOf: repoRoot.appendingPathComponent("Fixtures/gias/edubasealldata_sample.csv"), encoding: .utf8)

    @Test func giasFileIsFilteredByTrustAndConverted() throws {
        let (schools, problems) = try GIASFile.read(gias, trust: "The Kemnal Academies Trust")
        #expect(schools.count == 41)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("line 43:") && $0.contains("142723") })
        #expect(problems.contains { $0.hasPrefix("line 74:") && $0.contains("closed") })
        let havant = try #require(schools.first { $0.urn == "136156" })
        #expect(abs(havant.location.lat - 50.87638) < 0.0001 && abs(havant.location.lon - -0.97053) < 0.0001)
        #expect(havant.ehcPlans == 8 && havant.senSupport == 155 && havant.pupils == 405)
        #expect(try GIASFile.read(gias, trust: "Ormiston Academies Trust").schools.count == 27)  // two rows lack a name or a grid reference
    }

    @Test func giasFileWithoutItsColumnsIsRefused() {
        #expect(throws: InputError.self) { try GIASFile.read("URN,EstablishmentName\n1,x\n", trust: "t") }
    }

    @Test func rosterRowsAreCheckedWithTheirLineNumbers() {
        let csv = """
            id,service,skills,base_urn,days,start,end,max_travel_min_per_day,max_schools_per_day
            ep-1,EP,ADOS,100001,mon;tue,08:30,16:30,150,2
            salt-1,SALT,,,mon,08:30,16:30,,
            salt-2,SALT,,100001,funday,08:30,16:30,,
            salt-3,SALT,,100001,mon,16:30,08:30,,
            """
        let (entries, problems) = RosterReader.read(CSVTable(csv).objects(), schools: ["100001": GeoPoint(lat: 51.4, lon: 0.1)])
        #expect(entries.map(\.specialist.id) == ["ep-1"])
        #expect(entries[0].specialist.days.map(\.day) == [.mon, .tue])
        #expect(entries[0].specialist.maxSchoolsPerDay == 2)
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("line 3:") && problems[0].contains("base_urn"))
        #expect(problems[1].hasPrefix("line 4:") && problems[1].contains("funday"))
        #expect(problems[2].hasPrefix("line 5:") && problems[2].contains("after start"))
    }

    @Test func referralRowsRefuseNamesAndBadValues() {
        let csv = """
            school,pupil_ref,year_group,service,area,severity,flags,apdr_cycles,consent,preferred_days,reason,received_on
            100001,P2024-0001,3,EP,cognition_learning,3,ehc_plan,2,yes,,slow progress,2026-11-02
            100001,Jane Smith,3,EP,cognition_learning,3,,2,yes,,,2026-11-02
            100001,P2024-0003,3,EP,behaviour,3,,2,yes,,,2026-11-02
            100001,P2024-0004,3,EP,semh,9,,2,yes,,,2026-11-02
            100001,P2024-0005,3,EP,semh,3,,2,maybe,,,2026-11-02
            """
        let (requests, problems) = ReferralReader.read(CSVTable(csv).objects(), today: CalendarDate("2026-11-23")!, dating: .anyPast)
        #expect(requests.count == 1 && requests[0].flags.ehcPlan)
        #expect(problems.count == 4)
        #expect(problems[0].hasPrefix("line 3:") && problems[0].contains("never a name"))
        #expect(problems[1].contains("area") && problems[2].contains("severity") && problems[3].contains("consent"))
    }

    @Test func specialistsNeedTheirBaseSchoolImported() throws {
        let db = try AppDatabase.inMemory()
        let sp = Specialist(
            id: "ep-1", service: "EP", skills: [], base: GeoPoint(lat: 51, lon: 0), maxTravelMinPerDay: nil,
            maxSchoolsPerDay: nil, days: [WorkingDay(day: .mon, start: ClockTime(minutes: 510), end: ClockTime(minutes: 990))])
        let ok = RosterEntry(specialist: sp, baseSchool: nil)
        var orphan = RosterEntry(specialist: sp, baseSchool: "424242")
        orphan.specialist.id = "ep-2"
        #expect(throws: StoreError.self) { try db.roster.importSpecialists([ok, orphan], stamp: stamp) }
        #expect(try db.roster.specialists().isEmpty)
        try db.roster.importSpecialists([ok], stamp: stamp)
        #expect(try db.roster.specialists().map(\.specialist) == [sp])
    }
}
