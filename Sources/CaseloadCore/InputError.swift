/// Why an input (a scenario, a plan, the trust config, a request) was refused: the field at
/// fault, the record's id, and what to do.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// JSON path of the field, e.g. `sessions[3].duration_min`.
    public var field: String
    /// The id of the record at fault, when it has one.
    public var id: String?
    /// What is wrong and how to fix it.
    public var problem: String

    /// An error naming a field, optionally the record's id, and the problem.
    public init(field: String, id: String? = nil, problem: String) {
        self.field = field
        self.id = id
        self.problem = problem
    }

    public var description: String {
        let who = id.map { " (id \"\($0)\")" } ?? ""
        return "\(field)\(who): \(problem)"
    }
}
