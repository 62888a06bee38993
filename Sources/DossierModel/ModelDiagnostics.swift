import DossierDiagnostics

/// The messages of the validation stage, one constructor per kind of problem.
extension Diagnostic {
    static func unknownValue(
        _ rule: Rule, field: String, value: String, expected: [String], at location: SourceLocation,
        suggestFrom candidates: [String]? = nil
    ) -> Diagnostic {
        let list = expected.joined(separator: ", ")
        return .error(
            rule, at: location,
            "unknown \(field) \"\(value)\"; expected one of \(list)\(Suggestion.hint(for: value, in: candidates ?? expected))")
    }

    static func missingValue(_ rule: Rule, field: String, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(field) is required")
    }

    static func badDate(_ rule: Rule, field: String, value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            rule, at: location,
            "\(field) \"\(value)\" is not a date (2022-04-29) or datetime (2022-04-29 14:50, 2022-04-29T14:50:00+08:00)")
    }

    static func badDay(_ rule: Rule, field: String, value: String, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(field) \"\(value)\" is not a date (2022-04-29)")
    }

    static func unknownPerson(_ value: String, field: String, team: Team, at location: SourceLocation) -> Diagnostic {
        .error(
            .unknownPerson, at: location,
            "\(field) \"\(value)\" is not an id or name in team.csv\(Suggestion.hint(for: value, in: team.allNames))")
    }

    static func duplicate(_ rule: Rule, kind: String, id: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(kind) \"\(id)\" is already defined at line \(first.line)")
    }

    static func wrongType(_ rule: Rule, key: String, expected: String, node: YAMLLike) -> Diagnostic {
        .error(rule, at: node.location, "`\(key)` must be \(expected), not \(node.typeDescription)")
    }

    static func unknownKey(_ rule: Rule, key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .warning(rule, at: location, "unknown key `\(key)` is ignored\(Suggestion.hint(for: key, in: known))")
    }
}

/// What a type message needs of a YAML node.
protocol YAMLLike {
    var location: SourceLocation { get }
    var typeDescription: String { get }
}
