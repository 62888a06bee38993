/// How bad a problem is: errors fail `check` and `build`; warnings only with `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in the records, with where it is and the rule that found it.
///
/// Diagnostics are made by the named constructors of each stage (for example
/// `Diagnostic.unknownValue`), never from strings built at the call site, so every
/// message of a rule reads the same.
public struct Diagnostic: Hashable, Sendable, Comparable, Error {
    public var severity: Severity
    public var location: SourceLocation
    public var rule: Rule
    public var message: String

    /// For the stages' named constructors only (`RecordsDiagnostics.swift`,
    /// `ModelDiagnostics.swift`, …); a call site names the problem instead.
    package init(_ severity: Severity, _ rule: Rule, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    /// An error of `rule`; for the stages' named constructors only, as `init`.
    package static func error(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, rule, at: location, message)
    }

    /// A warning of `rule`; for the stages' named constructors only, as `init`.
    package static func warning(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, rule, at: location, message)
    }

    /// Orders by file, line, column, then severity and rule, so output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return a.message < b.message
    }
}
