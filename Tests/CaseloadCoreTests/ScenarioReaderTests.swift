import CaseloadCore
import CaseloadFormats
import Foundation
import Testing

/// A small valid scenario; tests edit its JSON to make it invalid in one way at a time.
nonisolated(unsafe) let validScenario: [String: Any] = [
    "format": "caseload-scenario/1", "name": "tiny", "week_start": "2026-11-30",
    "travel": ["speed_kmh": 40.0, "circuity": 1.3, "overhead_min": 5],
    "schools": [["id": "112233", "name": "Example Primary", "lat": 50.2632, "lon": -5.0510]],
    "specialists": [
        [
            "id": "salt-2", "service": "SALT", "skills": ["AAC"], "base": ["lat": 50.2601, "lon": -5.0405],
            "max_travel_min_per_day": 120, "max_schools_per_day": 3,
            "days": [["day": "mon", "start": "08:30", "end": "16:30"]],
        ]
    ],
    "sessions": [
        [
            "id": "r17-w3", "referral": "r17", "school": "112233", "service": "SALT", "duration_min": 30,
            "priority": 73, "skills": ["AAC"], "specialist": "salt-2", "days": ["mon", "wed"],
            "earliest": "09:00", "latest_end": "15:15",
        ]
    ],
]

func decode(_ object: [String: Any]) throws(InputError) -> WeekScenario {
    try WeekScenario.decode(try! JSONSerialization.data(withJSONObject: object))
}

/// The scenario with `edit` applied to its first element of `list`.
func editing(_ list: String, _ edit: (inout [String: Any]) -> Void) -> [String: Any] {
    var copy = validScenario
    var items = copy[list] as! [[String: Any]]
    edit(&items[0])
    copy[list] = items
    return copy
}

func expectError(
    _ object: [String: Any], field: String, id: String? = nil, mentions: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try decode(object)
        Issue.record("expected an error on \(field)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.field == field, sourceLocation: sourceLocation)
        #expect(error.id == id, sourceLocation: sourceLocation)
        #expect(error.problem.contains(mentions), "\(error.problem)", sourceLocation: sourceLocation)
    }
}

@Suite struct ScenarioReaderTests {
    @Test func readsTheSpecExample() throws {
        let s = try decode(validScenario)
        #expect(s.name == "tiny")
        #expect(s.specialists[0].days == [WorkingDay(day: .mon, start: ClockTime(minutes: 510), end: ClockTime(minutes: 990))])
        #expect(s.sessions[0].days == [.mon, .wed])
        #expect(s.sessions[0].latestEnd == ClockTime("15:15"))
        #expect(s.specialists[0].maxSchoolsPerDay == 3)
    }

    @Test func roundTripsThroughItsOwnWriter() throws {
        let s = try decode(validScenario)
        #expect(try WeekScenario.decode(s.jsonData()) == s)
    }

    @Test func ignoresUnknownFieldsAndTreatsNullCapsAsNone() throws {
        let s = try decode(
            editing("specialists") {
                $0["max_travel_min_per_day"] = NSNull()
                $0["colour"] = "blue"
            })
        #expect(s.specialists[0].maxTravelMinPerDay == nil)
    }

    @Test func missingRequiredFieldNamesFieldAndId() {
        expectError(editing("sessions") { $0["duration_min"] = nil }, field: "sessions[0].duration_min", id: "r17-w3", mentions: "required")
        expectError(editing("specialists") { $0["base"] = nil }, field: "specialists[0].base", id: "salt-2", mentions: "required")
        var noTravel = validScenario
        noTravel["travel"] = ["speed_kmh": 40.0, "circuity": 1.3]
        expectError(noTravel, field: "travel.overhead_min", mentions: "required")
    }

    @Test func duplicateIdsAreRefused() {
        var twice = validScenario
        twice["schools"] = (validScenario["schools"] as! [Any]) + (validScenario["schools"] as! [Any])
        expectError(twice, field: "schools[1].id", id: "112233", mentions: "unique")
    }

    @Test func unknownReferencesAreRefused() {
        expectError(editing("sessions") { $0["school"] = "999" }, field: "sessions[0].school", id: "r17-w3", mentions: "not among")
        expectError(editing("sessions") { $0["specialist"] = "ep-9" }, field: "sessions[0].specialist", id: "r17-w3", mentions: "not among")
    }

    @Test func weekMustStartOnMonday() {
        var tuesday = validScenario
        tuesday["week_start"] = "2026-12-01"
        expectError(tuesday, field: "week_start", mentions: "Monday")
        tuesday["week_start"] = "2026-02-30"
        expectError(tuesday, field: "week_start", mentions: "Monday")
    }

    @Test func badTimesAndWindowsAreRefused() {
        expectError(editing("sessions") { $0["earliest"] = "9:00" }, field: "sessions[0].earliest", id: "r17-w3", mentions: "HH:MM")
        expectError(editing("sessions") { $0["latest_end"] = "25:00" }, field: "sessions[0].latest_end", id: "r17-w3", mentions: "HH:MM")
        expectError(
            editing("specialists") { $0["days"] = [["day": "mon", "start": "12:00", "end": "12:00"]] },
            field: "specialists[0].days[0].end", id: "salt-2", mentions: "after start")
        expectError(
            editing("specialists") { $0["days"] = [["day": "funday", "start": "08:00", "end": "12:00"]] },
            field: "specialists[0].days[0].day", id: "salt-2", mentions: "not a day")
    }

    @Test func valuesOutOfRangeAreRefused() {
        expectError(editing("sessions") { $0["priority"] = 101 }, field: "sessions[0].priority", id: "r17-w3", mentions: "1 to 100")
        expectError(editing("sessions") { $0["duration_min"] = 0 }, field: "sessions[0].duration_min", id: "r17-w3", mentions: "1 to 1440")
        expectError(editing("sessions") { $0["duration_min"] = "thirty" }, field: "sessions[0].duration_min", id: "r17-w3", mentions: "number")
        expectError(editing("schools") { $0["lat"] = 95.0 }, field: "schools[0].lat", id: "112233", mentions: "-90 and 90")
    }

    @Test func malformedJSONIsAnErrorNotACrash() {
        #expect(throws: InputError.self) { try WeekScenario.decode(Data("{\"format\": ".utf8)) }
        #expect(throws: InputError.self) { try WeekScenario.decode(Data("[1, 2]".utf8)) }
    }

    @Test func wrongFormatTagIsRefused() {
        var other = validScenario
        other["format"] = "caseload-scenario/2"
        expectError(other, field: "format", mentions: "caseload-scenario/1")
    }
}
