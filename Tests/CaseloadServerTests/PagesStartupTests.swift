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
