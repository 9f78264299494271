import CaseloadCore
import CaseloadStore

extension NextStep {
    /// The next step as a command to run.
    var atTheCommandLine: String {
        switch self {
        case .createDatabase: "create one with `caseload init` (or `caseload demo`)"
        case .restoreBackup: "restore a backup, or create a new database with `caseload init`"
        case .listReferrals: "list them with `caseload waitlist` or `caseload referral show ID`"
        case .listSpecialists: "check the id with `caseload specialist list`"
        case .listTokens: "list them with `caseload token list`"
        case .listPeople: "list them with `caseload person list`"
        case .importSchools: "import the trust's schools with `caseload import schools` first"
        case .listClosures(let school): "list them with `caseload school closures\(school.map { " \($0)" } ?? "")`"
        case .removeOldClosures(let school):
            "remove old ones with `caseload school reopen ID` (see `caseload school closures\(school.map { " \($0)" } ?? "")`)"
        case .generateWeek(let week): "generate it first with `caseload schedule --week \(week)`"
        case .planWeekAgain(let week): "plan it again with `caseload schedule --week \(week)`, then publish it"
        case .confirmReplan(let week): "see what would move with `caseload schedule --week \(week) --replan --preview`, then add --confirm"
        }
    }
}
