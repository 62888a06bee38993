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

    /// A word, or one of its forms, that is empty or only white space: a page would show
    /// nothing in its place (an empty navigation link).
    static func wordEmpty(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "words.empty", ["key": .value(key)])
    }

    /// A placeholder (`name` of `{name}`) the theme's word does not offer, which a page
    /// would show as written (`{count} 篇文章`); `offered` are the names it does.
    static func wordPlaceholderUnknown(
        _ key: String, _ name: String, at location: SourceLocation, offered: [String]
    ) -> Diagnostic {
        guard !offered.isEmpty else {
            return .warning(
                .themeWords, at: location, "words.placeholder-none", ["key": .value(key), "placeholder": code(name)])
        }
        return .warning(
            .themeWords, at: location, "words.placeholder-unknown",
            ["key": .value(key), "placeholder": code(name), "offered": .values(offered.map(written), .and)])
    }

    /// A word without a placeholder of the theme's word: the page would lose the number it
    /// puts there.
    static func wordPlaceholderMissing(_ key: String, _ name: String, at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "words.placeholder-missing", ["key": .value(key), "placeholder": code(name)])
    }

    /// A plural form without `{n}` whose category stands for several numbers (`examples`,
    /// the first of them), so the form cannot say in words which one it is.
    static func wordCountMissing(_ key: String, form: PluralCategory, examples: [Int], at location: SourceLocation)
        -> Diagnostic
    {
        .warning(
            .themeWords, at: location, "words.count-missing",
            [
                "key": .value(key), "form": .value(form.rawValue), "placeholder": code("n"),
                "examples": .values(examples.map(String.init)),
            ])
    }

    /// `messages:` in a site's file: the command line's sentences are built into Dossier
    /// and never read from a site.
    static func wordsMessagesNotRead(at location: SourceLocation) -> Diagnostic {
        .warning(.themeWords, at: location, "words.messages-not-read", [:])
    }

    /// A top-level key of a site's file other than `words:` and `messages:`.
    static func wordsKeyUnknown(_ key: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            .themeWords, at: location, "words.top-key-unknown",
            ["key": .value(key), "hint": Suggestion.hint(for: key, in: ["words"])])
    }

    /// A placeholder as a word of a site's file writes it, `{n}`, in a code span.
    private static func code(_ name: String) -> Message.Argument { .value(written(name)) }

    private static func written(_ name: String) -> String { "`{\(name)}`" }

    private static func names(_ categories: [PluralCategory]) -> Message.Argument {
        .values(categories.map(\.rawValue))
    }
}
