import CaseloadCore

/// `referrals.mustache`: a school's referrals (a leader's: every school's), newest first.
struct ReferralsPage: PageModel {
    static let template = Template.referrals

    /// One referral.
    struct Row: Sendable {
        let id: Int64
        let pupil, service, status, position, firstWeek, received, school: String
    }

    let rows: [Row]
    let none: Bool
    let total: Int
    let school: String
    /// A leader's list of every school shows each referral's school.
    let everySchool: Bool
    let filters: ReferralFilter.Choices
    let pupil: String
    /// Whether any filter or search narrows the list.
    let filtered: Bool
    let paging: ReferralFilter.Paging
}

/// `referral-new.mustache`: the request for specialist time, with what was typed kept.
struct ReferralFormModel: PageModel {
    static let template = Template.referralNew

    /// One of a few answers (a service, an area, a circumstance, a day).
    struct Choice: Sendable {
        let code, name: String
        var selected = false
        var checked = false
    }

    /// A service's threshold in a sentence.
    struct Rule: Sendable {
        let name, rule: String
    }

    /// A problem with one field, for the summary at the top (linked to the field).
    struct Problem: Sendable {
        let field, message: String
    }

    /// Each field's problem, shown at the field (which is then `aria-invalid`).
    struct FieldProblems: Sendable {
        var school, pupilRef, yearGroup, service, area, severity, apdrCycles, flags, days, skill, reason, consent: String?
        var other: String?
    }

    let services, areas, flags, days, years, severities: [Choice]
    let thresholds: [Rule]
    let consentYes, consentNo, daysOnly: Bool
    /// What was typed (the form posts these under the API's names, `pupil_ref` and so on).
    let pupilRef, apdrCycles, reason, skill: String
    /// Every problem at once, in the form's order; empty on a fresh form.
    let problems: [Problem]
    let hasProblems: Bool
    let at: FieldProblems
    /// A SENCO of several schools chooses which school asks.
    var schools: [Choice] = [] {
        didSet { manySchools = !schools.isEmpty }
    }
    var manySchools = false
}

/// `referral.mustache`: a referral's story: what was asked, the decision, its place and likely
/// first visit, and every change of status.
struct ReferralStoryPage: PageModel {
    static let template = Template.referral

    /// Its place on the waiting list.
    struct Waiting: Sendable {
        let position: Int
        let band: String
        let weeks: Int
        let firstWeek: String
        let warning, lateWarning: String?
    }

    /// A change of status.
    struct Change: Sendable {
        let when, to, note: String
    }

    /// A change the viewer may make.
    struct Action: Sendable {
        let change, label: String
        /// It cannot be undone (withdrawing): styled apart, and confirmed on a page of its own.
        let danger: Bool
    }

    let id: Int64
    let pupil: String
    let year: Int
    var school: String
    let service, asked, area: String
    let severity: Int
    let flags, received, status, band: String
    let declined: Bool
    let reasons: [String]
    let history: [Change]
    let waiting: Waiting?
    let actions: [Action]
    let hasActions: Bool
    var justSent = false
    /// Whether the viewer (a leader) may put it first: it is waiting or running.
    var mayOverride = false
    /// The override in force, if any.
    var override: OverrideView? = nil
    var notice: String? = nil

    /// A leader's override as the page says it.
    struct OverrideView: Sendable {
        let session: Int
        let words, reason: String
    }
}

/// `withdraw-confirm.mustache`: withdrawing cannot be undone, so the SENCO confirms it.
struct WithdrawConfirmPage: PageModel {
    static let template = Template.withdrawConfirm
    let id: Int64
    let pupil, service, note: String
}
