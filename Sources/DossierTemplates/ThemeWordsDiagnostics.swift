import DossierDiagnostics
import DossierRecords

/// The messages of the theme's words (templates/strings/<language>.yml), one constructor
/// per kind of problem.
extension Diagnostic {
    /// A site's file of words for a language the theme does not have.
    static func wordsLanguageUnknown(_ file: String, language: String, known: [String]) -> Diagnostic {
        .warning(
            .themeWords, at: .start(of: file),
            "the theme has no words in \"\(language)\", so this file is never used; its languages are "
                + known.joined(separator: ", "))
    }

    /// A file of words whose top level is not a map.
    static func wordsFileNotAMap(_ file: String, _ node: YAMLNode) -> Diagnostic {
        .error(
            .themeWords, at: node.location,
            "a file of words must be a map with the key words:, not \(node.typeName)")
    }

    /// `words:` that is not a map of keys to words.
    static func wordsNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.themeWords, at: node.location, "words: must be a map of keys to words, not \(node.typeName)")
    }

    /// A key the theme has no word for, with the key it likely means.
    static func wordUnknown(_ key: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        let hint = Suggestion.closest(to: key, in: known).map { "; did you mean \"\($0)\"?" } ?? ""
        return .warning(.themeWords, at: location, "the theme has no word \"\(key)\", so this line is never used\(hint)")
    }

    /// Text for a word the theme says with a count.
    static func wordNeedsForms(_ key: String, at location: SourceLocation, categories: [PluralCategory]) -> Diagnostic {
        .warning(
            .themeWords, at: location,
            "\"\(key)\" is said with a count: write a map of its forms (\(names(categories))), e.g. {other: \"{n} …\"}")
    }

    /// A map of forms for a word the theme writes as text.
    static func wordIsText(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "\"\(key)\" is text, not a word said with a count: write the text alone")
    }

    /// A word, or one of its forms, that is a list, a map or empty.
    static func wordNotText(_ key: String, _ node: YAMLNode) -> Diagnostic {
        let kind = node.isNull ? "nothing" : node.typeName
        return .warning(.themeWords, at: node.location, "\"\(key)\" must be text, not \(kind)")
    }

    /// A form named by no plural category of the file's language.
    static func wordCategoryUnknown(
        _ name: String, key: String, at location: SourceLocation, categories: [PluralCategory]
    ) -> Diagnostic {
        .warning(
            .themeWords, at: location,
            "\"\(name)\" is not a plural form of this language; \"\(key)\" takes \(names(categories)) (CLDR)")
    }

    /// A word said with a count that lacks forms its language needs.
    static func wordFormsMissing(_ key: String, _ missing: [PluralCategory], at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "\"\(key)\" lacks the form\(missing.count == 1 ? "" : "s") \(names(missing))")
    }

    private static func names(_ categories: [PluralCategory]) -> String {
        categories.map(\.rawValue).joined(separator: ", ")
    }
}
