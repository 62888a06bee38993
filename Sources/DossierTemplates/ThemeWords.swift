import DossierDiagnostics
import DossierRecords

/// The words of the theme's pages in one language: the `words:` map of the theme's
/// `strings/<language>.yml`, with the site's own `templates/strings/<language>.yml`
/// layered over it key by key, as Hugo layers a site's `i18n/<language>.yaml` over its
/// theme's.
///
/// A word is either text (`nav_issues: Проблемы`) or, when it is said with a count, a map
/// from CLDR plural categories to texts in which `{n}` stands for the number
/// (`tag_articles: {one: "{n} статья", few: "{n} статьи", many: "{n} статей", other: "{n} статьи"}`;
/// see `PluralCategory` for the rules). The same file may hold other top-level keys
/// (`messages:`, the command line's sentences); they are not read here.
public struct ThemeWords: Sendable {
    /// The language code, the file's name without `.yml`: `en`, `zh`, `ru`.
    public let language: String
    /// Words that are text, by key: what templates read as `{{t.KEY}}`.
    public private(set) var texts: [String: String] = [:]
    /// Words said with a count, by key: one text per plural category of the language.
    public private(set) var plurals: [String: [PluralCategory: String]] = [:]

    public init(language: String) { self.language = language }

    /// The word `key` said with `count`: the text of `count`'s plural category with `{n}`
    /// replaced by the number; nil when the language has no such word.
    public func count(_ key: String, _ count: Int) -> String? {
        guard let forms = plurals[key] else { return nil }
        let category = PluralCategory.of(count, language: language)
        guard let text = forms[category] ?? forms[.other] else { return nil }
        return text.replacingOccurrences(of: "{n}", with: String(count))
    }

    /// The key of the word for a value of a group: `status_in_progress` for the status
    /// `in-progress`, `tier_2` for tier 2.
    public static func labelKey(_ group: String, _ value: String) -> String {
        group + "_" + value.replacingOccurrences(of: "-", with: "_")
    }

    /// The word for a value of a group (`label("status", "in-progress")`: In progress,
    /// 处理中, В работе); nil when the language has no such word.
    public func label(_ group: String, _ value: String) -> String? { texts[Self.labelKey(group, value)] }

    /// The folder of the theme that holds the words, relative to templates/.
    public static let folder = "strings/"

    /// Every language of the theme (`files`, the built-in files with the site's in place
    /// of theirs) with the site's own files of words (`overrides`, by path relative to
    /// templates/) layered over the built-in ones.
    ///
    /// A site's file is checked key by key against the built-in one: an unknown key, or a
    /// word of the wrong kind, is a warning at it and the built-in word stays.
    static func load(builtIn: [String: String], overrides: [String: String]) -> ([String: ThemeWords], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var languages: [String: ThemeWords] = [:]
        for (path, text) in builtIn {
            guard let language = languageOf(path) else { continue }
            var words = ThemeWords(language: language)
            words.layer(text, file: "(built-in theme) \(path)", over: false, &diagnostics)
            languages[language] = words
        }
        for (path, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let language = languageOf(path) else { continue }
            let file = "templates/\(path)"
            guard languages[language] != nil else {
                diagnostics.append(.wordsLanguageUnknown(file, language: language, known: languages.keys.sorted()))
                continue
            }
            languages[language]!.layer(text, file: file, over: true, &diagnostics)
        }
        return (languages, diagnostics)
    }

    /// `ru` for `strings/ru.yml`; nil for any other path.
    static func languageOf(_ path: String) -> String? {
        guard path.hasPrefix(folder), path.hasSuffix(".yml") else { return nil }
        let name = path.dropFirst(folder.count).dropLast(".yml".count)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        return String(name)
    }

    /// Reads the `words:` of `text` into this language: every word when `override` is
    /// false (the built-in file), else only the keys the language already has, each
    /// replacing the one before (a plural form by form).
    mutating func layer(_ text: String, file: String, over override: Bool, _ diagnostics: inout [Diagnostic]) {
        let root: YAMLNode
        switch YAMLReader.read(text, file: file) {
        case .success(let node): root = node
        case .failure(let problem):
            diagnostics.append(problem)
            return
        }
        guard root.entries != nil || root.isNull else {
            diagnostics.append(.wordsFileNotAMap(file, root))
            return
        }
        guard let words = root["words"], !words.isNull else { return }
        guard let entries = words.entries else {
            diagnostics.append(.wordsNotAMap(words))
            return
        }
        let categories = PluralCategory.categories(for: language)
        let known = Array(texts.keys) + Array(plurals.keys)
        for (key, keyNode, value) in entries {
            if override && texts[key] == nil && plurals[key] == nil {
                diagnostics.append(.wordUnknown(key, at: keyNode.location, known: known))
                continue
            }
            switch value.kind {
            case .scalar(let word, _) where !value.isNull:
                if override && plurals[key] != nil {
                    diagnostics.append(.wordNeedsForms(key, at: value.location, categories: categories))
                    continue
                }
                texts[key] = word
            case .mapping:
                if override && texts[key] != nil {
                    diagnostics.append(.wordIsText(key, at: value.location))
                    continue
                }
                var forms = plurals[key] ?? [:]
                for (name, nameNode, form) in value.entries ?? [] {
                    guard let category = PluralCategory(rawValue: name), categories.contains(category) else {
                        diagnostics.append(.wordCategoryUnknown(name, key: key, at: nameNode.location, categories: categories))
                        continue
                    }
                    guard let text = form.scalar, !form.isNull else {
                        diagnostics.append(.wordNotText(key, form))
                        continue
                    }
                    forms[category] = text
                }
                let missing = categories.filter { forms[$0] == nil }
                if !missing.isEmpty {
                    diagnostics.append(.wordFormsMissing(key, missing, at: value.location))
                }
                plurals[key] = forms
            default:
                diagnostics.append(.wordNotText(key, value))
            }
        }
    }
}
