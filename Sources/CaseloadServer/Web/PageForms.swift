import CaseloadCore
import Foundation

// Each page's form as a `Decodable` struct, decoded by `WebForm` with Hummingbird's
// `URLEncodedFormDecoder`. Fields are the names the templates post; every one is optional, so
// that a missing answer reaches the use case, which names the field in its error.

/// Signing in with an access key.
struct SignInForm: Decodable {
    let token: String?
    let next: String?
}

/// A form with nothing but its anti-forgery token (signing out).
struct EmptyForm: Decodable {}

/// Planning, re-planning or publishing a week.
struct WeekForm: Decodable {
    let week: String?
    /// `yes` when the leader allows visits inside the notice period.
    let shortNotice: String?
    /// `yes` on the re-plan's confirmation step.
    let confirm: String?
    /// Why a leader holds the draft back from automatic publishing.
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case week, confirm, reason
        case shortNotice = "short_notice"
    }
}

/// A note on a change of a referral's status.
struct NoteForm: Decodable {
    let note: String?
    /// `yes` on the confirmation step of a change that cannot be undone (withdrawing).
    let confirm: String?
}

/// The request for specialist time, in the API's field names.
struct ReferralForm: Decodable {
    let pupilRef, service, area, reason, school, skill: String?
    let yearGroup, severity, apdrCycles: String?
    /// `yes` or `no`; missing when neither was chosen.
    let consent: String?
    /// `yes` when the chosen days are the only days possible.
    let daysOnly: String?
    let flags, preferredDays: [String]?

    enum CodingKeys: String, CodingKey {
        case service, area, reason, school, severity, consent, flags, skill
        case pupilRef = "pupil_ref"
        case yearGroup = "year_group"
        case apdrCycles = "apdr_cycles"
        case preferredDays = "preferred_days"
        case daysOnly = "days_only"
    }

    /// A field by its API name (the text ones), as typed.
    func text(_ name: String) -> String? {
        let all = [
            "pupil_ref": pupilRef, "service": service, "area": area, "reason": reason, "school": school, "year_group": yearGroup,
            "severity": severity, "apdr_cycles": apdrCycles, "skill": skill,
        ]
        return (all[name] ?? nil).given
    }
}

/// A leader's override: a week (empty: first claim) and why.
struct OverrideForm: Decodable {
    let week, reason: String?
}

/// The trust's settings as YAML, with what the page needs to save or simulate them.
struct SettingsForm: Decodable {
    let yaml: String?
    /// The hash of the settings the leader started from.
    let base: String?
    /// The what-if's length in weeks.
    let weeks: String?

    /// The YAML as posted, with the browser's line ends made the file's.
    var text: String { (yaml ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
}

/// A day's outcomes: `outcome[r<referral id>]` per session (a key of digits alone would be read
/// by the decoder as an array index).
struct OutcomesForm: Decodable {
    let date: String?
    let specialist: String?
    let outcome: [String: String]?
    /// A short note per session (`note[r<referral>]`).
    let note: [String: String]?
    /// `delivered` when the specialist pressed "All delivered".
    let all: String?
}

/// A specialist's absence.
struct AbsenceForm: Decodable {
    let specialist, from, to, part, reason: String?
}

/// A form that only names the specialist a leader acts for (withdrawing an absence).
struct SpecialistForm: Decodable {
    let specialist: String?
}

/// Renewing or stopping a calendar feed.
struct CalendarForm: Decodable {
    let specialist: String?
    let action: String?
}

/// The forms that may name the specialist a leader acts for.
protocol ForSpecialist {
    var specialist: String? { get }
}

extension OutcomesForm: ForSpecialist {}
extension AbsenceForm: ForSpecialist {}
extension CalendarForm: ForSpecialist {}
extension SpecialistForm: ForSpecialist {}
