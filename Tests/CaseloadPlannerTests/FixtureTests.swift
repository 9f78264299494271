import CaseloadCore
import CaseloadFixtures
import CaseloadFormats
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct FixtureTests {
    /// The committed weeks are exactly what their seeds generate, so anyone can rebuild them.
    @Test(arguments: BundledFixture.all.map(\.file))
    func bundledWeeksRegenerateFromTheirSeeds(file: String) throws {
        let fixture = BundledFixture.all.first { $0.file == file }!
        let generated = try fixture.scenario(schoolsFolder: Repo.schools).jsonData()
        let committed = try Data(contentsOf: URL(fileURLWithPath: "\(Repo.weeks)/\(file)"))
        #expect(generated == committed)
    }

    @Test func schoolFileSkipsRowsWithoutALocation() throws {
        let text = try String(contentsOfFile: "\(Repo.schools)/the_kemnal_academies_trust.csv", encoding: .utf8)
        let (schools, skipped) = SchoolFile.read(schools: text, senExtra: nil)
        #expect(schools.count == 41)
        #expect(skipped.count == 1)
        #expect(skipped[0].hasPrefix("line 43:"))
        #expect(schools.contains { $0.name == "The Academy, Selsey" })
    }

    @Test func countyHasTheRequestedSize() {
        let schools = CountyGenerator(schoolCount: 120, seed: 3).schools()
        let week = WeekGenerator(
            schools: schools,
            settings: .init(
                name: "c", weekStart: "2026-11-30", seed: 3, specialists: ["EP": 3, "SALT": 4, "COUNSELLING": 3], sessions: 700)
        ).scenario()
        #expect(week.schools.count == 120)
        #expect(week.specialists.count == 10)
        #expect(abs(week.sessions.count - 700) <= 2)
        #expect(Set(week.sessions.map(\.id)).count == week.sessions.count)
    }
}
