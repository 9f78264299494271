// The trust's vocabulary: each code the data keeps, and the words a person reads for it. Every
// reader, form, page, message and report takes its words from here (a flag's words are on
// `ReferralFlag`; a weekday's on `Weekday`), so that a code is spelt one way and said one way.

extension AreaOfNeed {
    /// The area as the SEND Code of Practice names it.
    public var words: String {
        switch self {
        case .communicationAndInteraction: "Communication and interaction"
        case .cognitionAndLearning: "Cognition and learning"
        case .socialEmotionalMentalHealth: "Social, emotional and mental health"
        case .sensoryPhysical: "Sensory and/or physical"
        }
    }
}

extension SessionOutcome {
    /// What happened, in a few words ("pupil absent").
    public var words: String {
        switch self {
        case .delivered: "delivered"
        case .pupilAbsent: "pupil absent"
        case .schoolCancelled: "cancelled by the school"
        case .specialistAbsent: "specialist absent"
        }
    }

    /// Reads an outcome as a person or a file gives it: its code, or its words, in any case.
    public init(named text: String, field: String) throws(InputError) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = SessionOutcome.allCases.first(where: { $0.rawValue == word || $0.words == word }) else {
            let codes = SessionOutcome.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError(field: field, problem: "\"\(text)\" is not an outcome; use one of \(codes)")
        }
        self = found
    }
}

extension ReferralStatus {
    /// The status as a school reads it.
    public var words: String {
        switch self {
        case .waiting: "waiting"
        case .onHold: "on hold"
        case .active: "being seen"
        case .completed: "completed"
        case .declined: "declined"
        case .withdrawn: "withdrawn"
        }
    }
}

extension Pathway {
    /// The pathway's shape in words: "one 180-minute session", "a block of 6 weekly 30-minute
    /// sessions", "4 sessions of 60 minutes every 2 weeks".
    public var words: String {
        guard sessions > 1 else { return "one \(minutes)-minute session" }
        switch everyWeeks {
        case 1: return "a block of \(sessions) weekly \(minutes)-minute sessions"
        default: return "\(sessions) sessions of \(minutes) minutes every \(everyWeeks) weeks"
        }
    }
}

extension ServiceRules {
    /// The service and a pathway of it in words ("Speech and language therapy, a block of 6
    /// weekly 30-minute sessions"); the service's name alone for a pathway it does not have.
    public func words(pathway name: String) -> String {
        guard let p = pathways.first(where: { $0.name == name }) else { return self.name }
        return "\(self.name), \(p.words)"
    }
}
