import CaseloadCore
import Testing

@testable import CaseloadServer

/// The pages' forms as Hummingbird's `URLEncodedFormDecoder` reads them.
@Suite struct PageFormTests {
    @Test func aDayOfOutcomesIsReadPerSession() throws {
        let form = try WebForm.decode(
            OutcomesForm.self, from: "csrf=x&date=2026-11-30&outcome%5Br1001%5D=delivered&outcome[r1002]=&outcome[r1003]=pupil_absent")
        #expect(form.date == "2026-11-30")
        #expect(form.outcome == ["r1001": "delivered", "r1002": "", "r1003": "pupil_absent"])
    }

    @Test func ticksArriveAsListsAndBlankAnswersAsNothing() throws {
        let form = try WebForm.decode(ReferralForm.self, from: "pupil_ref=+A1+&severity=&flags[]=safeguarding&flags[]=looked_after")
        #expect(form.text("pupil_ref") == "A1" && form.text("severity") == nil)
        #expect(form.flags == ["safeguarding", "looked_after"] && form.preferredDays == nil)
    }

    @Test func aFormNoBrowserSendsNamesWhatIsWrong() throws {
        for (body, field) in [("flags=a", "flags"), ("note=%zz", "form"), ("date=1&date=2", "form"), ("outcome[1]=x", "form")] {
            let error = try #require(throws: InputError.self) {
                _ = try WebForm.decode(ReferralForm.self, from: body)
                _ = try WebForm.decode(NoteForm.self, from: body)
                _ = try WebForm.decode(OutcomesForm.self, from: body)
            }
            #expect(error.field == field, "\(body)")
        }
    }
}
