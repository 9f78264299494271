import CaseloadCore
import CaseloadStore

extension NextStep {
    /// The next step as a person using the pages takes it.
    var onThePages: String {
        switch self {
        case .createDatabase, .restoreBackup: "Caseload cannot reach its data; tell your trust's Caseload administrator."
        case .listReferrals: "See the list of referrals for the right number."
        case .listPeople: "See the trust's people on the People page."
        case .listSpecialists, .listTokens: "Ask your trust's Caseload administrator to check it."
        case .importSchools: "Your trust's Caseload administrator needs to add the school first."
        case .listClosures, .removeOldClosures: "Ask your trust's Caseload administrator to check the school's closures."
        case .generateWeek: "Plan the week first."
        case .planWeekAgain: "Plan the week again, review it, then publish it."
        case .confirmReplan: "Press Plan it again on the week's page: it shows what would move and asks you to confirm."
        }
    }
}

extension StoreError {
    /// What is wrong, and what the person on the pages could do next.
    var onThePages: String { next.map { "\(description). \($0.onThePages)" } ?? description }
}
