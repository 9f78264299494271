import CaseloadCore

// The values of the simpler pages, one struct per template (`PageModel`). The pages with more to
// say keep their model beside the code that fills it (`ReferralPageModels.swift`,
// `WeekPageModels.swift`, `SettingsPageModels.swift`).

/// `signin.mustache`: the access-key form.
struct SignInPage: PageModel {
    static let template = Template.signin
    /// Where to go after signing in (a path on this site).
    let next: String
    var error: String? = nil
    /// The sign-in provider's name ("Microsoft"), when the trust has one.
    var provider: String? = nil
    /// Whether an access key may still be pasted.
    var keys = true
}

/// `problem.mustache`: why something did not work, and the way back.
struct ProblemPage: PageModel {
    static let template = Template.problem
    let message: String
    let back: String
}

/// `calendar-address.mustache`: a specialist's new calendar address, shown once.
struct CalendarAddressPage: PageModel {
    static let template = Template.calendarAddress
    let address: String
    let specialist: String
}

/// `what-if.mustache`: a term simulated under the proposed settings (the report's own HTML).
struct WhatIfPage: PageModel {
    static let template = Template.whatIf
    let report: String
}

/// `audit.mustache`: a hundred audit entries, newest first, and the kinds to filter by.
struct AuditLogPage: PageModel {
    static let template = Template.audit

    /// A kind of thing the log can be filtered by.
    struct Kind: Sendable {
        let name, words: String
        let current: Bool
    }

    /// One entry, in words.
    struct Entry: Sendable {
        let id: Int64
        let when, sentence, details: String
    }

    let kinds: [Kind]
    let entries: [Entry]
    /// Whether there are newer entries (this is not the first page).
    let newer: Bool
    /// The kind shown, if one is chosen.
    let entity: String?
    /// The id to page on from, when there are older entries.
    let older: Int64?
}
