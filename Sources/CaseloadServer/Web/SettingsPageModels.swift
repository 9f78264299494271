import CaseloadCore

/// `settings.mustache`: the settings explained, and the YAML to edit.
struct SettingsPage: PageModel {
    static let template = Template.settings

    /// A service's threshold, cycles and target waits.
    struct Service: Sendable {
        let code, name: String
        let threshold, cycles: Int
        let targets: String
        /// Each band's target wait, as a form field.
        let bands: [Target]
    }

    /// A band's target wait for one service: the field's key (`EP:urgent`) and its weeks.
    struct Target: Sendable {
        let key, band: String
        let weeks: Int
    }

    /// A weight, in words and points, and the key its field posts under.
    struct Weight: Sendable {
        let name, points, key: String
    }

    let services: [Service]
    let weights: [Weight]
    let ageing: String
    let yaml: String
    var notice: String? = nil
    var error: String? = nil
}

/// `settings-preview.mustache`: what a change of settings would do, per service.
struct SettingsPreviewPage: PageModel {
    static let template = Template.settingsPreview

    /// A service whose list would be dropped.
    struct Dropped: Sendable {
        let code: String
        let waiting: Int
    }

    /// A referral named in the preview: one that would no longer qualify (`reasons`) or would
    /// move (`from`, `to`, `direction`).
    struct Row: Sendable {
        let id: Int64
        let school, pupil: String
        let priority: Int
        let band, since: String
        var reasons: String? = nil
        var from: Int? = nil
        var to: Int? = nil
        var direction: String? = nil
    }

    /// One service before and after.
    struct Service: Sendable {
        let code, name: String
        let waiting: Int
        let before, after: String
        let failing, up, down, breachesBefore, breachesAfter: Int
        let failingRows, moveRows: [Row]
        let hasFailing, hasMoves: Bool
        let shown: Int
        /// How many more than the page lists (only when there are: a section shows for 0 too).
        let moreFailing, moreMoves: Int?
    }

    let services: [Service]
    let dropped: [Dropped]
    let changes: Bool
    let yaml, base: String
    let weeksMin, weeksMax, weeksDefault: Int
}
