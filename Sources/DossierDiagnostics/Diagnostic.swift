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
/// message of a rule reads the same. The message is a key of the message catalogue with
/// its arguments (`Message`), worded in a language only when printed.
public struct Diagnostic: Hashable, Sendable, Comparable, Error {
    public var severity: Severity
    public var location: SourceLocation
    public var rule: Rule
    public var message: Message

    /// For the stages' named constructors only (`RecordsDiagnostics.swift`,
    /// `ModelDiagnostics.swift`, …); a call site names the problem instead.
    package init(_ severity: Severity, _ rule: Rule, at location: SourceLocation, _ message: Message) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    /// An error of `rule`; for the stages' named constructors only, as `init`.
    package static func error(
        _ rule: Rule, at location: SourceLocation, _ key: String, _ arguments: [String: Message.Argument] = [:]
    ) -> Diagnostic {
        Diagnostic(.error, rule, at: location, Message(key, arguments))
    }

    /// A warning of `rule`; for the stages' named constructors only, as `init`.
    package static func warning(
        _ rule: Rule, at location: SourceLocation, _ key: String, _ arguments: [String: Message.Argument] = [:]
    ) -> Diagnostic {
        Diagnostic(.warning, rule, at: location, Message(key, arguments))
    }

    /// The message worded in `language`.
    public func text(in language: Language) -> String { message.text(in: language) }

    /// Orders by file, line, column, then severity and rule, so output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return a.message < b.message
    }
}
