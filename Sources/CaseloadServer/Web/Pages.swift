import CaseloadCore
import Foundation
import Hummingbird
import Mustache

/// Every template the pages use: the pages, and the partials they include (`top`, `bottom`, and
/// `csrf`, the one anti-forgery field). A page is named by this type, so a page cannot name a
/// template that is not there.
enum Template: String, CaseIterable, Sendable {
    case audit
    case calendarAddress = "calendar-address"
    case jobs
    case messages
    case myWeek = "my-week"
    case people
    case person
    case problem
    case referral
    case referralNew = "referral-new"
    case referrals
    case replanConfirm = "replan-confirm"
    case settings
    case settingsPreview = "settings-preview"
    case signin
    case task
    case term
    case visits
    case waitingList = "waiting-list"
    case weeks
    case whatIf = "what-if"
    case withdrawConfirm = "withdraw-confirm"
    case top
    case bottom
    case csrf
}

/// The page templates (swift-mustache, Hummingbird's template engine), loaded once at start-up
/// from the package's resources, and the one way a page is rendered: the layout's values (who is
/// signed in, their menu, the form token) added to the page's own. A template that is missing or
/// does not parse stops the server from starting.
struct Pages: Sendable {
    let library: MustacheLibrary

    /// The templates shipped in the package's resources.
    static let shippedFolder = Bundle.module.resourceURL!.appendingPathComponent("Templates")

    /// Loads every `.mustache` file under `Web/Templates` (or `folder`); throws when one of
    /// `Template` is missing or any file is not a valid template.
    init(folder: URL = Pages.shippedFolder) throws {
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do { try library.register(text, named: String(file.dropLast(".mustache".count))) } catch {
                throw PagesError(template: file, problem: "is not a valid template (\(error))")
            }
        }
        if let missing = Template.allCases.first(where: { library.getTemplate(named: $0.rawValue) == nil }) {
            throw PagesError(template: missing.rawValue + ".mustache", problem: "is missing from \(folder.path)")
        }
        self.library = library
    }

    /// Page `model` (its template named by its type) for the person in `context`, as an HTML
    /// response under the layout's values (`Layout`).
    func render<Model: PageModel>(_ model: Model, title: String, context: AppContext, status: HTTPResponse.Status = .ok) -> Response {
        let page = PageView(layout: Layout(title: title, context: context), page: model)
        let html = library.render(page, withTemplate: Model.template.rawValue) ?? ""  // every template was checked at start-up
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Who is signed in, as the header says it: "Jane Smith, SENCO, Havant Academy", each role
    /// in words with its school's name (`schools`: URN to name) or, for a specialist's role
    /// held by a key rather than a person, the specialist's name (`specialists`: id to name).
    static func describe(_ who: Identity, schools: [String: String], specialists: [String: String] = [:]) -> String {
        let roles = who.roles.map { role -> String in
            switch role {
            case .senco(let urn): "SENCO, \(schools[urn] ?? "school \(urn)")"
            case .specialist(let id): (who.person == nil ? specialists[id] : nil).map { "specialist \($0) (\(id))" } ?? "specialist (\(id))"
            case .leader: "trust leader"
            case .monitor: "monitoring key"
            }
        }
        let name = who.person?.name ?? (who.via.hasPrefix("integration") ? "access key \(who.tokenId)" : nil)
        return ([name].compactMap { $0 } + roles).joined(separator: ", ")
    }
}

/// A page's values: one struct per page template, which names its template. swift-mustache
/// reads a struct's stored properties by name; an optional that is `nil` is a false section.
protocol PageModel: Sendable {
    /// The template the values fill.
    static var template: Template { get }
}

/// What every page's layout (`top`, `bottom`, `csrf`) shows: the title, who is signed in and
/// their menu, and the session's form token.
struct Layout: Sendable {
    let title: String
    let csrf: String
    let signedIn: Bool
    let who: String?
    let isSenco: Bool
    let isLeader: Bool
    let isSpecialist: Bool

    /// A SENCO of several schools: a link to each school's referrals.
    var schools: [SchoolLink] = []
    var manySchools = false

    /// One of a SENCO's schools in the header.
    struct SchoolLink: Sendable {
        let urn, name: String
    }

    init(title: String, context: AppContext) {
        self.init(title: title, csrf: context.csrf, who: context.identity, described: context.signedInAs)
        schools = context.schoolChoices.map { SchoolLink(urn: $0.urn, name: $0.name) }
        manySchools = !schools.isEmpty
    }

    /// The layout for `who`, said as `described` in the header.
    init(title: String, csrf: String, who: Identity?, described: String? = nil) {
        self.title = title
        self.csrf = csrf
        signedIn = who != nil
        self.who = described ?? who.map { Pages.describe($0, schools: [:]) }
        isSenco = who?.school != nil
        isLeader = who?.isLeader == true
        isSpecialist = who?.specialist != nil
    }
}

/// A page's model under its layout: a name is looked up in the page's values first, then in the
/// layout's.
struct PageView<Model: PageModel>: MustacheParent {
    let layout: Layout
    let page: Model

    func child(named name: String) -> Any? {
        PageView.value(of: page, named: name) ?? PageView.value(of: layout, named: name)
    }

    /// The stored property `name` of `object`, unwrapped; `nil` when there is none or it is `nil`.
    static func value(of object: Any, named name: String) -> Any? {
        guard let found = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: found)
        guard mirror.displayStyle == .optional else { return found }
        return mirror.children.first?.value
    }
}

/// A template that stops the server from starting, and why.
struct PagesError: Error, CustomStringConvertible {
    let template: String
    let problem: String
    var description: String { "the page template \(template) \(problem); reinstall Caseload or restore the file" }
}

/// Dates and weeks as people write them: "Mon 30 Nov", "the week of Mon 30 Nov".
enum Spoken {
    /// "Mon 30 Nov", worded as the messages word it (`Notice.day`).
    static func date(_ d: CalendarDate) -> String { Notice.day(d) }

    /// "Mon 30 Nov", or "Mon 30 Nov 2027" when not this year.
    static func date(_ d: CalendarDate, today: CalendarDate) -> String {
        d.year == today.year ? date(d) : "\(date(d)) \(d.year)"
    }

    /// A stored ISO 8601 time on the trust's clock, as the pages write it: "Mon 30 Nov 14:05"
    /// (with the year when not this year).
    static func moment(_ iso: String, today: CalendarDate) -> String {
        guard let instant = try? Date(iso, strategy: .iso8601) else { return iso }
        let m = Moment.london(instant)
        return "\(date(m.date, today: today)) \(ClockTime(minutes: m.minutes))"
    }

    /// A service's target waits, the most pressing band first: "urgent 4 weeks, high 10 weeks".
    static func targets(_ s: ServiceRules, _ config: TrustConfig) -> String {
        let order = config.bands.sorted { $0.minScore > $1.minScore }.map(\.name)
        return s.targetWeeks.sorted { (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key) }
            .map { "\($0.key) \($0.value) weeks" }.joined(separator: ", ")
    }

    /// Points as a leader writes them: "10", "1.5".
    static func points(_ x: Double) -> String { x == x.rounded() ? "\(Int(x))" : String(format: "%.1f", x) }

    /// A status as a SENCO would say it (the core's vocabulary).
    static func status(_ s: ReferralStatus) -> String { s.words }
}
