import CaseloadConfig
import CaseloadCore
import Foundation

/// The settings page's form fields (each service's threshold, cycles and target waits; the
/// weights and the weekly ageing) as posted: `threshold[EP]`, `cycles[EP]`, `target[EP:urgent]`,
/// `weight[severity]`, `ageing`.
struct SettingsFieldsForm: Decodable {
    let threshold, cycles, target, weight: [String: String]?
    let ageing: String?
}

/// Turns the fields into the trust's settings file with those numbers changed (comments and all),
/// which is then checked and previewed exactly as an edit of the file is.
enum SettingsFields {
    /// `yaml` with every field that differs from `config` written in; an error names the field as
    /// the page labels it ("Speech and language therapy threshold").
    static func patched(_ form: SettingsFieldsForm, config: TrustConfig, yaml: String) throws(InputError) -> String {
        var text = yaml
        for s in config.services {
            if let v = try whole(form.threshold?[s.code], "\(s.name) threshold"), v != s.threshold {
                text = try SettingsPatch.set(["services", s.code, "threshold"], to: "\(v)", in: text)
            }
            if let v = try whole(form.cycles?[s.code], "\(s.name) assess-plan-do-review cycles"), v != s.apdrCycles {
                text = try SettingsPatch.set(["services", s.code, "apdr_cycles"], to: "\(v)", in: text)
            }
            for (band, weeks) in s.targetWeeks.sorted(by: { $0.key < $1.key }) {
                if let v = try whole(form.target?["\(s.code):\(band)"], "\(s.name) target wait, \(band) band"), v != weeks {
                    text = try SettingsPatch.set(["services", s.code, "target_weeks", band], to: "\(v)", in: text)
                }
            }
        }
        let weights =
            [("severity", "each point of severity", config.weights.severity)]
            + ReferralFlag.allCases.map { ($0.rawValue, $0.words, config.weights[$0]) }
        for (key, words, now) in weights {
            if let v = try number(form.weight?[key], "Weight for \(words)"), v != now {
                text = try SettingsPatch.set(["priority", "weights", key], to: Spoken.points(v), in: text)
            }
        }
        if let v = try number(form.ageing, "Weekly ageing"), v != config.ageingPointsPerWeek {
            text = try SettingsPatch.set(["priority", "ageing_points_per_week"], to: Spoken.points(v), in: text)
        }
        return text
    }

    static func whole(_ text: String?, _ field: String) throws(InputError) -> Int? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        guard let v = Int(t), (0...1000).contains(v) else { throw InputError(field: field, problem: "give a whole number, such as 25") }
        return v
    }

    static func number(_ text: String?, _ field: String) throws(InputError) -> Double? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        guard let v = Double(t), v.isFinite, (0...1000).contains(v) else {
            throw InputError(field: field, problem: "give a number of points, such as 10 or 1.5")
        }
        return v
    }
}
