import CaseloadCore
import CaseloadFormats
import CaseloadStore

/// Referral intake, the one way a referral comes in (the API, `caseload referral add`, the CSV
/// import, the demo and the simulations): read what was sent, judge it against the trust's
/// thresholds (a service or pathway the trust does not run is refused, not stored), store it with
/// its decision.
public struct ReferralIntake: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig

    /// Who is sending it: a caller of the API (the access policy confines a SENCO to their own
    /// school, and a SENCO's referral is dated the day it arrives), or the trust's operator at the
    /// command line (who may date a paper referral up to `intake.max_backdate_weeks` back, or move
    /// an existing list in with its own dates).
    public enum Sender: Sendable {
        case caller(Identity)
        case trustOperator
    }

    /// Intake under `config` into `db`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// One referral from `fields` (as sent), as of `today`.
    public func submit(_ fields: [(String, JSONValue)], from sender: Sender, today: CalendarDate, stamp: Stamp) throws -> Referral {
        let fields = try scoped(fields, sender)
        let request = try ReferralReader.request(.orderedObject(fields), today: today, dating: dating(sender))
        let threshold = Threshold(config)
        try threshold.check(request)
        return try db.referrals.submit(request, decision: threshold.evaluate(request), stamp: stamp)
    }

    /// Every problem with `fields` as a referral from `sender` (a form shows them all at once,
    /// each at its field): what the reader finds, then what the trust refuses (a service it does
    /// not run). Empty when `submit` would take it.
    public func problems(_ fields: [(String, JSONValue)], from sender: Sender, today: CalendarDate) -> [InputError] {
        guard let fields = try? scoped(fields, sender) else { return [] }
        let found = ReferralReader.problems(.orderedObject(fields), today: today, dating: dating(sender))
        guard found.isEmpty else { return found }
        do { try Threshold(config).check(try ReferralReader.request(.orderedObject(fields), today: today, dating: dating(sender))) } catch {
            return [error]
        }
        return []
    }

    /// `fields` with the school the access policy confines a SENCO to (refusing another's).
    func scoped(_ fields: [(String, JSONValue)], _ sender: Sender) throws -> [(String, JSONValue)] {
        guard case .caller(let caller) = sender else { return fields }
        var fields = fields
        let given: String? = fields.first { $0.0 == "school" }.flatMap { if case .string(let s) = $0.1 { s } else { nil } }
        let scope = try AccessPolicy.scope(caller, .submitReferral, school: given)
        if caller.school != nil, let own = scope.school {
            fields.removeAll { $0.0 == "school" }
            fields.append(("school", .string(own)))
        }
        return fields
    }

    /// The referrals of a file's rows, and every row that cannot be taken in (with its line and why).
    /// `existingList`: the trust's list moved in, so a receipt date may be any past day.
    public func read(_ rows: [(line: Int, value: JSONValue)], today: CalendarDate, existingList: Bool = false) -> (
        requests: [ReferralRequest], problems: [String]
    ) {
        let threshold = Threshold(config)
        return ReferralReader.read(rows, today: today, dating: existingList ? .anyPast : dating(.trustOperator), check: threshold.check)
    }

    /// Judges and stores `requests`, all in one transaction.
    public func take(_ requests: [ReferralRequest], stamp: Stamp) throws -> [Referral] {
        let threshold = Threshold(config)
        return try db.referrals.submit(batch: requests.map { ($0, threshold.evaluate($0)) }, stamp: stamp)
    }

    /// How far back a receipt date may go for `sender`.
    func dating(_ sender: Sender) -> ReceiptDating {
        if case .caller(let caller) = sender, !caller.isLeader { return .today }
        return .upTo(weeks: config.maxBackdateWeeks)
    }
}
