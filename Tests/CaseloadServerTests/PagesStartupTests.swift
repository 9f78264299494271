import Foundation
import Testing

@testable import CaseloadServer

/// The templates are loaded and checked once, at start-up: a missing or broken one stops the
/// server from starting instead of serving an empty page later.
@Suite struct PagesStartupTests {
    func copyOfTemplates() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Pages.shippedFolder, to: folder)
        return folder
    }

    @Test func theShippedTemplatesAreAllThere() throws {
        _ = try Pages()
    }

    /// Each page template is filled by one model type (the partials by the layout), and a page's
    /// values win over the layout's only where the page has them.
    @Test func everyPageTemplateHasItsOwnModel() throws {
        let models: [any PageModel.Type] = [
            AuditLogPage.self, CalendarAddressPage.self, JobsPage.self, MyWeekPage.self, MessagesPage.self, PeoplePage.self, PersonPage.self,
            ProblemPage.self,
            ReferralStoryPage.self,
            ReferralFormModel.self, ReferralsPage.self, ReplanConfirmPage.self, SettingsPage.self, SettingsPreviewPage.self,
            SignInPage.self, TaskPage.self, TermPage.self, VisitsPage.self, WaitingListPage.self, WeekPlanPage.self, WhatIfPage.self,
            WithdrawConfirmPage.self,
        ]
        let partials: Set<Template> = [.top, .bottom, .csrf]
        #expect(models.map { $0.template }.sorted { $0.rawValue < $1.rawValue } == Template.allCases.filter { !partials.contains($0) })
        let view = PageView(
            layout: Layout(title: "T", csrf: "", who: nil),
            page: SignInPage(next: "/x"))
        #expect(view.child(named: "next") as? String == "/x" && view.child(named: "title") as? String == "T")
        #expect(view.child(named: "error") == nil && view.child(named: "nothing") == nil, "a nil value is a false section")
    }

    @Test func aMissingTemplateStopsStartUp() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("audit.mustache"))
        let error = try #require(throws: PagesError.self) { try Pages(folder: folder) }
        #expect(error.description.contains("audit.mustache is missing"))
    }

    @Test func aBrokenTemplateStopsStartUp() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#open}} never closed".write(to: folder.appendingPathComponent("weeks.mustache"), atomically: true, encoding: .utf8)
        let error = try #require(throws: PagesError.self) { try Pages(folder: folder) }
        #expect(error.description.contains("weeks.mustache is not a valid template"))
    }
}
