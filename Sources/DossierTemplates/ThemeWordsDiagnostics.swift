import DossierDiagnostics
import DossierRecords

/// The messages of the theme's words (templates/strings/<language>.yml), one constructor
/// per kind of problem.
extension Diagnostic {
    /// A site's file of words for a language the theme does not have.
    static func wordsLanguageUnknown(_ file: String, language: String, known: [String]) -> Diagnostic {
        .warning(
            .themeWords, at: .start(of: file), "words.language-unknown",
            ["language": .value(language), "known": .values(known)])
    }

    /// A file of words whose top level is not a map.
    static func wordsFileNotAMap(_ file: String, _ node: YAMLNode) -> Diagnostic {
        .error(.themeWords, at: node.location, "words.file-not-a-map", ["type": node.typeTerm])
    }

    /// `words:` that is not a map of keys to words.
    static func wordsNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.themeWords, at: node.location, "words.not-a-map", ["type": node.typeTerm])
    }

    /// A key the theme has no word for, with the key it likely means.
    static func wordUnknown(_ key: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        .warning(
            .themeWords, at: location, "words.unknown", ["key": .value(key), "hint": Suggestion.hint(for: key, in: known)])
    }

    /// Text for a word the theme says with a count.
    static func wordNeedsForms(_ key: String, at location: SourceLocation, categories: [PluralCategory]) -> Diagnostic {
        .warning(
            .themeWords, at: location, "words.needs-forms", ["key": .value(key), "forms": names(categories)])
    }

    /// A map of forms for a word the theme writes as text.
    static func wordIsText(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "words.is-text", ["key": .value(key)])
    }

    /// A word, or one of its forms, that is a list, a map or empty.
    static func wordNotText(_ key: String, _ node: YAMLNode) -> Diagnostic {
        .warning(
            .themeWords, at: node.location, "words.not-text",
            ["key": .value(key), "type": node.isNull ? .term("yaml-empty") : node.typeTerm])
    }

    /// A form named by no plural category of the file's language.
    static func wordCategoryUnknown(
        _ name: String, key: String, at location: SourceLocation, categories: [PluralCategory]
    ) -> Diagnostic {
        .warning(
            .themeWords, at: location, "words.form-unknown",
            ["form": .value(name), "key": .value(key), "forms": names(categories)])
    }

    /// A word said with a count that lacks forms its language needs.
    static func wordFormsMissing(_ key: String, _ missing: [PluralCategory], at location: SourceLocation) -> Diagnostic {
        .warning(
            .themeWords, at: location, "words.forms-missing",
            ["key": .value(key), "forms": names(missing), "count": .number(missing.count)])
    }

    private static func names(_ categories: [PluralCategory]) -> Message.Argument {
        .values(categories.map(\.rawValue))
    }
}
