import CaseloadCore
import Foundation
import Hummingbird

/// The referrals page's filters, read from its address (`status`, `service`, `school`, `pupil`,
/// `page`): a value that is not one of the choices is ignored, as a stale bookmark would be.
struct ReferralFilter {
    static let perPage = 50

    var status: ReferralStatus?
    var service: String?
    var school: String?
    /// The start of a pupil reference.
    var pupil: String?
    var page = 1

    init(_ request: Request, services: [String]) {
        let q = request.uri.queryParameters
        status = q.get("status").flatMap { ReferralStatus(rawValue: String($0)) }
        service = q.get("service").map { $0.uppercased() }.flatMap { services.contains($0) ? $0 : nil }
        school = q.get("school").flatMap { $0.isEmpty ? nil : String($0) }
        pupil = q.get("pupil").map { String(String($0).trimmingCharacters(in: .whitespaces).prefix(24)) }.flatMap { $0.isEmpty ? nil : $0 }
        page = q.get("page").flatMap { Int($0) }.map { max(1, min($0, 10_000)) } ?? 1
    }

    /// Whether anything narrows the list.
    var narrows: Bool { status != nil || service != nil || pupil != nil }

    /// One choice of a select.
    struct Choice: Sendable {
        let code, name: String
        let selected: Bool
    }

    /// The filters' choices, each marked when chosen.
    struct Choices: Sendable {
        let statuses, services, schools: [Choice]
        let hasSchools: Bool
    }

    /// The choices for `config`'s services and (for a leader) `schools` by name.
    func choices(_ config: TrustConfig, schools: [String: String]) -> Choices {
        Choices(
            statuses: ReferralStatus.allCases.map { Choice(code: $0.rawValue, name: $0.words, selected: $0 == status) },
            services: config.services.map { Choice(code: $0.code, name: $0.name, selected: $0.code == service) },
            schools: schools.sorted { $0.value < $1.value }.map { Choice(code: $0.key, name: $0.value, selected: $0.key == school) },
            hasSchools: !schools.isEmpty)
    }

    /// Where the list is: "51 to 100 of 312", and the addresses of the pages either side.
    struct Paging: Sendable {
        let said: String
        let previous, next: String?
    }

    func paging(total: Int, shown: Int) -> Paging {
        let first = (page - 1) * Self.perPage + 1
        let said = shown == 0 ? "" : "\(first) to \(first + shown - 1) of \(total)"
        return Paging(
            said: said, previous: page > 1 ? address(page: page - 1) : nil,
            next: first - 1 + shown < total ? address(page: page + 1) : nil)
    }

    /// This list's address on page `n`.
    func address(page n: Int) -> String {
        var parts: [String] = []
        if let status { parts.append("status=\(status.rawValue)") }
        if let service { parts.append("service=\(service)") }
        if let school { parts.append("school=\(school.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if let pupil { parts.append("pupil=\(pupil.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        parts.append("page=\(n)")
        return "/referrals?" + parts.joined(separator: "&")
    }
}
