import CaseloadCore
import CaseloadStore
import Hummingbird

extension NextStep {
    /// The next step as an API caller can take it: an endpoint, or who to ask.
    var overHTTP: String {
        switch self {
        case .createDatabase, .restoreBackup: "the server's database cannot be used; tell the trust's administrator"
        case .listReferrals: "list them with GET /v1/referrals"
        case .listSpecialists: "a trust leader can check the specialist's id"
        case .listTokens: "a trust leader can check the token's id"
        case .listPeople: "GET /v1/people lists the trust's people"
        case .importSchools: "a trust leader imports the trust's schools before referrals are made for them"
        case .listClosures(let school): "list them with GET /v1/schools/\(school ?? "URN")/closures"
        case .removeOldClosures(let school): "remove old ones with DELETE /v1/schools/\(school ?? "URN")/closures/ID"
        case .generateWeek(let week): "generate it first with POST /v1/timetables/\(week)"
        case .planWeekAgain(let week): "plan the week again with POST /v1/timetables/\(week), then publish it"
        case .confirmReplan(let week):
            "see what would move with POST /v1/timetables/\(week)?replan=true&preview=true, then confirm with ?replan=true&confirm=true"
        }
    }
}

extension StoreError {
    /// What is wrong, and what the API caller could do next.
    var overHTTP: String { next.map { "\(description); \($0.overHTTP)" } ?? description }
}

extension StoreError {
    /// The HTTP status each kind of store error answers with.
    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .conflict: .conflict
        case .invalid: .unprocessableContent
        case .unavailable: .serviceUnavailable
        }
    }
}
