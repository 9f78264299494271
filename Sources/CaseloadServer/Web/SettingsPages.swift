import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Hummingbird

/// A trust leader's settings pages: the thresholds and priority weights (the trust's YAML, with
/// its comments, edited as a whole and checked exactly as `caseload config check` checks it),
/// what a change would do to today's list before it is saved, a what-if term under it, and the
/// audit log.
struct SettingsPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("settings", use: editor)
        web.post("settings/preview", use: preview)
        web.post("settings/fields", use: fields)
        web.post("settings/save", use: save)
        web.post("what-if", use: whatIf)
        web.get("audit", use: AuditPage(state: state, pages: pages).page)
    }

    @Sendable func editor(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.caller(may: .readSettings)
        var page = SettingsPages.summary(state.config, yaml: state.configText)
        if request.uri.queryParameters.get("done") == "saved" {
            page.notice = "Saved: the new settings are in force, and the waiting list follows them."
        }
        return pages.render(page, title: "Thresholds and priority weights", context: context)
    }

    /// The proposed YAML: checked whole; a mistake re-shows the editor with the text as sent.
    @Sendable func preview(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(may: .changeSettings)
        let form = try await WebForm.read(SettingsForm.self, request, context)
        return try await previewPage(form.text, caller, context)
    }

    /// The form fields' numbers written into the settings file, then previewed as an edit is.
    @Sendable func fields(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(may: .changeSettings)
        let form = try await WebForm.read(SettingsFieldsForm.self, request, context)
        let yaml: String
        do { yaml = try SettingsFields.patched(form, config: state.config, yaml: state.configText) } catch {
            var page = SettingsPages.summary(state.config, yaml: state.configText)
            page.error = "Nothing was saved. \(error.field): \(error.problem)"
            return pages.render(page, title: "Thresholds and priority weights", context: context, status: .unprocessableContent)
        }
        return try await previewPage(yaml, caller, context)
    }

    func previewPage(_ yaml: String, _ caller: Identity, _ context: AppContext) async throws -> Response {
        let proposed: TrustConfig
        do { proposed = try TrustConfigFile.parse(yaml) } catch {
            var page = SettingsPages.summary(state.config, yaml: yaml)
            page.error = "Nothing was saved. \(error.field): \(error.problem)"
            return pages.render(page, title: "Thresholds and priority weights", context: context, status: .unprocessableContent)
        }
        let (db, current, today) = (state.db, state.config, state.today())
        let preview = try await DatabaseWork.run { try SettingsPreview.make(from: current, to: proposed, db: db, today: today, by: caller) }
        let page = SettingsPreviewValues.page(preview, today: today, yaml: yaml, base: Hashing.sha256Hex(state.configText))
        return pages.render(page, title: "What the change would do", context: context)
    }

    @Sendable func save(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(SettingsForm.self, request, context)
        _ = try state.replaceConfig(form.text, by: caller, base: form.base.given ?? "", stamp: Stamp(actor: caller.actor))
        return Response.redirect(to: "/settings?done=saved", type: .normal)
    }

    /// A term simulated under the proposed settings against the ones in force (a copy of the
    /// database; nothing is changed).
    @Sendable func whatIf(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(may: .simulate)
        let form = try await WebForm.read(SettingsForm.self, request, context)
        let alternative = try TrustConfigFile.parse(form.text)
        guard let weeks = Int(form.weeks.given ?? "\(TermSimulation.defaultWeeks)") else {
            throw InputError(field: "weeks", problem: "give a whole number of weeks")
        }
        _ = try TermSimulation.checked(weeks: weeks)
        let simulation = try state.termSimulation(weeks: weeks)
        let input = ["\(weeks)", "\(simulation.absence)", "\(simulation.seed)", "-1.0", form.text, state.configText].joined(separator: "\n")
        let task = try await DatabaseWork.run { [state] in
            try state.startWhatIf(WhatIf(simulation: simulation), alternative: alternative, input: input, by: caller)
        }
        return Response.redirect(to: "/tasks/\(task.id)", type: .normal)
    }

    /// Each service's threshold, cycles and target waits, and the weights, as the page explains them.
    static func summary(_ c: TrustConfig, yaml: String) -> SettingsPage {
        let w = c.weights
        return SettingsPage(
            services: c.services.map { s in
                .init(
                    code: s.code, name: s.name, threshold: s.threshold, cycles: s.apdrCycles, targets: Spoken.targets(s, c),
                    bands: c.bands.compactMap { b in s.targetWeeks[b.name].map { .init(key: "\(s.code):\(b.name)", band: b.name, weeks: $0) } })
            },
            weights: ([("each point of severity (1 to 5)", w.severity, "severity")] + ReferralFlag.allCases.map { ($0.words, w[$0], $0.rawValue) })
                .map { .init(name: $0.0, points: Spoken.points($0.1), key: $0.2) },
            ageing: Spoken.points(c.ageingPointsPerWeek), yaml: yaml)
    }
}
