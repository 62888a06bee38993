import DossierDiagnostics
import DossierRecords
import DossierUtilities

/// The words of the theme's pages in one language: the `words:` map of the theme's
/// `strings/<language>.yml`, with the site's own `templates/strings/<language>.yml`
/// layered over it key by key, as Hugo layers a site's `i18n/<language>.yaml` over its
/// theme's.
///
/// A word is either text (`nav_issues: Проблемы`) or, when it is said with a count, a map
/// from CLDR plural categories to texts in which `{n}` stands for the number
/// (`tag_articles: {one: "{n} статья", few: "{n} статьи", many: "{n} статей", other: "{n} статьи"}`;
/// see `PluralCategory` for the rules). The theme's file holds other top-level keys
/// (`messages:`, the command line's sentences), which are not read here; in a site's file
/// they are warnings, since a site changes only the pages' words.
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
    /// Called for every label of every page: built by hand, not with Foundation's
    /// `replacingOccurrences` (2.7 % of an edit's rebuild at S, measured with perf).
    public static func labelKey(_ group: String, _ value: String) -> String {
        var key = group
        key.append("_")
        if value.utf8.contains(UInt8(ascii: "-")) {
            key.unicodeScalars.append(contentsOf: value.unicodeScalars.lazy.map { $0 == "-" ? "_" : $0 })
        } else {
            key.append(value)
        }
        return key
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
    /// A site's file is checked key by key against the built-in ones: an unknown key, a
    /// word of the wrong kind, an empty word or one whose placeholders are not the theme's
    /// (`Rules`) is a warning at it and the built-in word stays, so a page never shows an
    /// empty label or a `{name}` as written. A top-level key other than `words:` is a
    /// warning too: a site's file changes only the pages' words.
    static func load(builtIn: [String: String], overrides: [String: String]) -> ([String: ThemeWords], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var languages: [String: ThemeWords] = [:]
        for (path, text) in builtIn {
            guard let language = languageOf(path) else { continue }
            var words = ThemeWords(language: language)
            words.layer(text, file: "(built-in theme) \(path)", over: false, rules: Rules(), &diagnostics)
            languages[language] = words
        }
        let rules = Rules(languages.values)
        for (path, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let language = languageOf(path) else { continue }
            let file = "templates/\(path)"
            guard languages[language] != nil else {
                diagnostics.append(.wordsLanguageUnknown(file, language: language, known: languages.keys.sorted()))
                continue
            }
            // The theme's own file (the Dossier repository's sample site, or a copy left as
            // it is) changes nothing, and its messages: are the built-in ones.
            guard text != builtIn[path] else { continue }
            languages[language]!.layer(text, file: file, over: true, rules: rules, &diagnostics)
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

    /// What a site's word may hold, from the built-in words of every language: they share
    /// their placeholders key by key (a test says so), so one table serves them all.
    struct Rules {
        /// The placeholders (`n`, `shown`) the theme's word offers, by key.
        var placeholders: [String: Set<String>] = [:]
        /// Keys whose theme word begins or ends with white space (`list_separator: ", "`):
        /// there white space alone is a word, elsewhere it is an empty one.
        var spaced: Set<String> = []

        init() {}

        init(_ languages: some Sequence<ThemeWords>) {
            for words in languages {
                for (key, text) in words.texts {
                    placeholders[key, default: []].formUnion(MessageCatalogue.placeholders(in: text))
                    if text.first?.isWhitespace == true || text.last?.isWhitespace == true { spaced.insert(key) }
                }
                for (key, forms) in words.plurals {
                    placeholders[key, default: []].formUnion(forms.values.flatMap(MessageCatalogue.placeholders(in:)))
                }
            }
        }
    }

    /// Reads the `words:` of `text` into this language: every word when `override` is
    /// false (the built-in file), else only the keys the language already has, each
    /// replacing the one before (a plural form by form) unless `rules` refuse it.
    mutating func layer(
        _ text: String, file: String, over override: Bool, rules: Rules, _ diagnostics: inout [Diagnostic]
    ) {
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
        if override {
            for (key, keyNode, _) in root.entries ?? [] where key != "words" {
                diagnostics.append(
                    key == "messages" ? .wordsMessagesNotRead(at: keyNode.location) : .wordsKeyUnknown(key, at: keyNode.location))
            }
        }
        guard let words = root["words"], !words.isNull else { return }
        guard let entries = words.entries else {
            diagnostics.append(.wordsNotAMap(words))
            return
        }
        let lines = TextLines(text)
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
                if override {
                    let problems = problems(of: word, key: key, form: nil, at: value, rules, lines)
                    guard problems.isEmpty else {
                        diagnostics += problems
                        continue
                    }
                }
                texts[key] = word
            case .mapping:
                if override && texts[key] != nil {
                    diagnostics.append(.wordIsText(key, at: value.location))
                    continue
                }
                var forms = plurals[key] ?? [:]
                var refused = false
                for (name, nameNode, form) in value.entries ?? [] {
                    guard let category = PluralCategory(rawValue: name), categories.contains(category) else {
                        diagnostics.append(.wordCategoryUnknown(name, key: key, at: nameNode.location, categories: categories))
                        continue
                    }
                    guard let text = form.scalar, !form.isNull else {
                        diagnostics.append(.wordNotText(key, form))
                        continue
                    }
                    if override {
                        let problems = problems(of: text, key: key, form: category, at: form, rules, lines)
                        diagnostics += problems
                        refused = refused || !problems.isEmpty
                    }
                    forms[category] = text
                }
                let missing = categories.filter { forms[$0] == nil }
                if !missing.isEmpty {
                    diagnostics.append(.wordFormsMissing(key, missing, at: value.location))
                }
                // One refused form refuses the word: its forms are one wording, not to be
                // mixed with the theme's.
                if !refused { plurals[key] = forms }
            default:
                diagnostics.append(.wordNotText(key, value))
            }
        }
    }

    /// Why a site's `word` for `key` (or its plural `form`) cannot stand in for the
    /// theme's; empty when it can.
    ///
    /// A word must show something, and use only placeholders the theme's word offers
    /// (any other would be shown as written), and hold each one this language's theme
    /// word holds (the page puts a number there). The one exception is `{n}` in a form
    /// that CLDR chooses for a single number, English `one`: "one article" says the
    /// number in words. Russian `one` is 1, 21, 101… and Chinese `other` every number,
    /// so their forms must hold `{n}`.
    private func problems(
        of word: String, key: String, form: PluralCategory?, at node: YAMLNode, _ rules: Rules, _ lines: TextLines
    ) -> [Diagnostic] {
        if word.allSatisfy(\.isWhitespace) && (word.isEmpty || !rules.spaced.contains(key)) {
            return [.wordEmpty(key, at: node.location)]
        }
        let used = MessageCatalogue.placeholders(in: word)
        let offered = rules.placeholders[key] ?? []
        let unknown = used.subtracting(offered).sorted()
        if !unknown.isEmpty {
            return unknown.map { name in
                .wordPlaceholderUnknown(
                    key, name, at: Self.location(of: "{\(name)}", in: node, lines), offered: offered.sorted())
            }
        }
        var needed =
            texts[key].map(MessageCatalogue.placeholders(in:))
            ?? (plurals[key] ?? [:]).values.reduce(into: []) { $0.formUnion(MessageCatalogue.placeholders(in: $1)) }
        let numbers = form?.wholeNumbers(in: language) ?? []
        if form != nil && numbers.count == 1 { needed.remove("n") }
        return needed.subtracting(used).sorted().map { name in
            if let form, name == "n", numbers.count > 1 {
                return .wordCountMissing(key, form: form, examples: Array(numbers.prefix(3)), at: node.location)
            }
            return .wordPlaceholderMissing(key, name, at: node.location)
        }
    }

    /// Where `needle` is written on the first line of the value `node`, or the value's own
    /// place when it is not there (a value continued on further lines).
    static func location(of needle: String, in node: YAMLNode, _ lines: TextLines) -> SourceLocation {
        var location = node.location
        var from = 1
        while let byte = lines.find(Array(needle.utf8), line: location.line, from: from) {
            let column = lines.column(line: location.line, utf8Column: byte)
            if column >= node.location.column {
                location.column = column
                return location
            }
            from = byte + 1
        }
        return location
    }
}
