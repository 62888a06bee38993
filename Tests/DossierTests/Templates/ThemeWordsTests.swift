import DossierDiagnostics
import Foundation
import Testing

@testable import DossierTemplates

/// The theme's words: strings/<language>.yml, a site's file layered over it, and words
/// said with a count in CLDR's plural forms.
@Suite struct ThemeWordsTests {
    static let builtIn = Theme.load(overrides: [:]).0

    /// CLDR's Russian rules for whole numbers: one (1, 21, 101), few (2–4, 22), many (0,
    /// 5–20, 25, 111), in the categories and in the theme's words.
    @Test func russianCountsTakeTheirCLDRForm() {
        let expected: [(Int, PluralCategory, String)] = [
            (0, .many, "0 статей"), (1, .one, "1 статья"), (2, .few, "2 статьи"), (5, .many, "5 статей"),
            (11, .many, "11 статей"), (12, .many, "12 статей"), (21, .one, "21 статья"), (22, .few, "22 статьи"),
            (25, .many, "25 статей"), (101, .one, "101 статья"), (111, .many, "111 статей"),
        ]
        let russian = Self.builtIn.words(for: "ru")
        for (count, category, text) in expected {
            #expect(PluralCategory.of(count, language: "ru") == category, "\(count)")
            #expect(russian.count("tag_articles", count) == text)
        }
        #expect(russian.count("breached_more", 2) == "ещё 2 проблемы — см. список проблем")
        #expect(russian.count("breached_more", 5) == "ещё 5 проблем — см. список проблем")
        #expect(russian.count("dash_escalated_open", 1) == "из них открыта 1")
        #expect(russian.count("dash_escalated_open", 14) == "из них открыто 14")
    }

    @Test func englishAndChineseCounts() {
        #expect(PluralCategory.of(1, language: "en") == .one)
        #expect([0, 2, 11, 21].allSatisfy { PluralCategory.of($0, language: "en") == .other })
        #expect([0, 1, 2, 5, 21].allSatisfy { PluralCategory.of($0, language: "zh") == .other })
        let english = Self.builtIn.words(for: "en")
        #expect(english.count("tag_articles", 1) == "1 article")
        #expect(english.count("tag_articles", 0) == "0 articles")
        #expect(english.count("tag_articles", 21) == "21 articles")
        #expect(Self.builtIn.words(for: "zh").count("breached_more", 3) == "另有 3 个问题，见问题清单")
        // A regional code reads its base language.
        #expect(Self.builtIn.words(for: "ru-RU").count("tag_articles", 3) == "3 статьи")
    }

    /// A site's file changes only the keys it names, a word said with a count form by
    /// form; other languages keep the theme's words.
    @Test func aSiteFileIsLayeredKeyByKey() {
        let site = """
            words:
              nav_issues: Tickets
              tag_articles: {one: "{n} page"}
            """
        let (theme, problems) = Theme.load(overrides: ["strings/en.yml": site])
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let english = theme.words(for: "en")
        #expect(english.texts["nav_issues"] == "Tickets")
        #expect(english.texts["nav_weekly"] == Self.builtIn.words(for: "en").texts["nav_weekly"])
        #expect(english.texts.count == Self.builtIn.words(for: "en").texts.count)
        #expect(english.count("tag_articles", 1) == "1 page")
        #expect(english.count("tag_articles", 4) == "4 articles")
        #expect(theme.words(for: "ru").texts["nav_issues"] == "Проблемы")
    }

    /// Each mistake in a site's file is a warning at its key or value, and the theme's word stays.
    @Test func mistakesInASiteFileAreLocatedWarnings() {
        let site = """
            words:
              nav_isues: Tickets
              tag_articles: Articles
              nav_weekly: {one: Report}
              title_tag: [Tag]
              tree_more: {one: "{n} more", few: "{n} more"}
            """
        let (theme, problems) = Theme.load(overrides: ["strings/en.yml": site])
        let found = problems.map {
            "\($0.location.line):\($0.location.column) \($0.severity) [\($0.rule.rawValue)] \($0.message)"
        }
        #expect(
            found == [
                #"2:3 warning [theme-words] the theme has no word "nav_isues", so this line is never used; did you mean "nav_issues"?"#,
                #"3:17 warning [theme-words] "tag_articles" is said with a count: write a map of its forms (one, other), e.g. {other: "{n} …"}"#,
                #"4:15 warning [theme-words] "nav_weekly" is text, not a word said with a count: write the text alone"#,
                #"5:14 warning [theme-words] "title_tag" must be text, not a list"#,
                #"6:32 warning [theme-words] "few" is not a plural form of this language; "tree_more" takes one, other (CLDR)"#,
            ])
        #expect(problems.allSatisfy { $0.location.file == "templates/strings/en.yml" })
        let english = theme.words(for: "en")
        #expect(english.texts["nav_weekly"] == "Weekly reports")
        #expect(english.count("tag_articles", 2) == "2 articles")
        #expect(english.count("tree_more", 1) == "1 more")
    }

    @Test func aSyntaxErrorIsALocatedError() throws {
        let (_, problems) = Theme.load(overrides: ["strings/zh.yml": "words:\n  nav_issues: 问题\n  nav_weekly: [周报\n"])
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.rule == .yamlSyntax)
        #expect(problem.location.file == "templates/strings/zh.yml")
        #expect(problem.location.line >= 3)
    }

    @Test func aFileForALanguageTheThemeLacksIsNeverUsed() {
        let (_, problems) = Theme.load(overrides: ["strings/de.yml": "words:\n  nav_issues: Probleme\n"])
        #expect(
            problems.map(\.message.description) == [
                #"the theme has no words in "de", so this file is never used; its languages are en, ru, zh"#
            ])
    }

    /// Words whose placeholders are not the theme's, each with where `1️⃣` marks it and what
    /// it says; the word is refused.
    static let placeholderCases: [(language: String, yaml: String, says: String)] = [
        (
            "zh", #"tag_articles: {other: "1️⃣{count} 篇文章"}"#,
            #""tag_articles" has no placeholder `{count}`, and a page would show it as written (the word takes `{n}`); the theme's word stays"#
        ),
        (
            "zh", "title_weekly: 周报 1️⃣{n}",
            "\"title_weekly\" takes no placeholder, and a page would show `{n}` as written; the theme's word stays"
        ),
        (
            "ru", "search_more: 1️⃣\"Показаны первые {shown} из {всего} 🔎\"",
            #""search_more" lacks `{n}`, where the page puts the number; the theme's word stays"#
        ),
        (
            "ru", "search_more: \"Показаны {shown} из {n} 🔎 1️⃣{total}\"",
            #""search_more" has no placeholder `{total}`, and a page would show it as written (the word takes `{n}` and `{shown}`); the theme's word stays"#
        ),
        (
            "zh", "change_more: 1️⃣比上周多",
            #""change_more" lacks `{n}`, where the page puts the number; the theme's word stays"#
        ),
        (
            "ru", #"tree_more: {one: 1️⃣"Ещё статья", few: "Ещё {n} статьи", many: "Ещё {n} статей", other: "Ещё {n} статьи"}"#,
            #"form `one` of "tree_more" lacks `{n}`: in this language `one` stands for several numbers (1, 21, 31, …), so it must show which; the theme's word stays"#
        ),
        (
            "zh", #"breached_more: {other: 1️⃣"另有一些问题"}"#,
            #"form `other` of "breached_more" lacks `{n}`: in this language `other` stands for several numbers (0, 1, 2, …), so it must show which; the theme's word stays"#
        ),
        (
            "en", #"tag_articles: {one: "an article", other: 1️⃣"articles"}"#,
            #"form `other` of "tag_articles" lacks `{n}`: in this language `other` stands for several numbers (0, 2, 3, …), so it must show which; the theme's word stays"#
        ),
        (
            "ru", "tag_articles: {one: \"{n} статья\", few: \"{n} статьи\", many: \"{n} статей\", other: 1️⃣статьи}",
            #""tag_articles" lacks `{n}`, where the page puts the number; the theme's word stays"#
        ),
    ]

    @Test(arguments: placeholderCases.indices)
    func aWordWithOtherPlaceholdersThanTheThemesIsRefused(_ index: Int) throws {
        let (language, marked, says) = Self.placeholderCases[index]
        let (line, row, column) = ProjectSettingsKindTests.marker(in: marked)
        let (theme, problems) = Theme.load(overrides: ["strings/\(language).yml": "words:\n  " + line + "\n"])
        let problem = try #require(problems.first)
        #expect(problems.count == 1, "\(problems.map(\.message))")
        #expect(problem.severity == .warning)
        #expect(problem.rule == .themeWords)
        #expect(problem.location == SourceLocation(file: "templates/strings/\(language).yml", line: row + 1, column: column + 2))
        #expect(problem.message.description == says)
        let key = String(line.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
        let words = theme.words(for: language)
        let builtIn = Self.builtIn.words(for: language)
        #expect(words.texts[key] == builtIn.texts[key])
        #expect(words.plurals[key] == builtIn.plurals[key])
    }

    /// The defects a user met, in Chinese and Russian as the reader sees them.
    @Test func aPlaceholderProblemSpeaksTheReadersLanguage() {
        let site = "words:\n  tag_articles: {other: \"{count} 篇文章\"}\n  title_weekly: 周报 {n}\n"
        let (theme, problems) = Theme.load(overrides: ["strings/zh.yml": site])
        #expect(
            problems.map { "\($0.location) \($0.text(in: .zh))" } == [
                "templates/strings/zh.yml:2:26 “tag_articles”没有占位符 `{count}`，页面会原样显示它（该用语可用的占位符：`{n}`）；仍使用主题的用语",
                "templates/strings/zh.yml:3:20 “title_weekly”不含占位符，页面会原样显示 `{n}`；仍使用主题的用语",
            ])
        #expect(
            problems.map { $0.text(in: .ru) } == [
                "у «tag_articles» нет параметра `{count}`, и страница показала бы его как есть (параметры этого слова: `{n}`); используется слово темы",
                "у «title_weekly» нет параметров, и страница показала бы `{n}` как есть; используется слово темы",
            ])
        let chinese = theme.words(for: "zh")
        #expect(chinese.count("tag_articles", 3) == "3 篇文章")
        #expect(chinese.texts["title_weekly"] == "周报")
    }

    /// English `one` is 1 alone, so its form may say the number in words; the other forms,
    /// and Russian `one` (1, 21, 101), must show it. Placeholders may move and be repeated.
    @Test func aFormForTheNumberOneAloneMaySayItInWords() {
        let (theme, problems) = Theme.load(overrides: [
            "strings/en.yml": "words:\n  tag_articles: {one: \"one article\", other: \"{n} articles\"}\n",
            "strings/zh.yml": "words:\n  search_more: 共 {n} 条结果，显示前 {shown} 条（共 {n} 条）\n",
        ])
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(theme.words(for: "en").count("tag_articles", 1) == "one article")
        #expect(theme.words(for: "en").count("tag_articles", 21) == "21 articles")
        #expect(theme.words(for: "zh").texts["search_more"] == "共 {n} 条结果，显示前 {shown} 条（共 {n} 条）")
    }

    /// An empty word, or one of white space, would leave an empty link or heading; only a
    /// word the theme pads with spaces (`list_separator`) may be a space alone.
    @Test func anEmptyWordIsRefused() {
        let site = """
            words:
              nav_weekly: ""
              nav_issues: "\u{3000} "
              tree_more: {one: '', other: "{n} more"}
              list_separator: " "
              title_tag: Label
            """
        let (theme, problems) = Theme.load(overrides: ["strings/en.yml": site])
        #expect(
            problems.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                #"2:15 "nav_weekly" is empty, so a page would show nothing in its place; the theme's word stays"#,
                #"3:15 "nav_issues" is empty, so a page would show nothing in its place; the theme's word stays"#,
                #"4:20 "tree_more" is empty, so a page would show nothing in its place; the theme's word stays"#,
            ])
        let english = theme.words(for: "en")
        #expect(english.texts["nav_weekly"] == "Weekly reports")
        #expect(english.texts["nav_issues"] == "Issues")
        #expect(english.count("tree_more", 1) == "1 more article in this folder")
        #expect(english.count("tree_more", 2) == "2 more articles in this folder")
        #expect(english.texts["list_separator"] == " ")
        #expect(english.texts["title_tag"] == "Label")
    }

    /// A site's file holds the pages' words only: `messages:` (the command line's
    /// sentences, built into Dossier) and any other top-level key are warnings at the key.
    @Test func otherTopLevelKeysAreWarnings() {
        let site = """
            messages:
              words.unknown: not read here
            word:
              nav_issues: Tickets
            messagez: {}
            words:
              nav_weekly: Reports
            """
        let (theme, problems) = Theme.load(overrides: ["strings/en.yml": site])
        #expect(
            problems.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "1:1 `messages:` is not read from a site's file (the command line's sentences are built into Dossier); only `words:` is",
                #"3:1 unknown top-level key "word" is not read; a site's file of words holds only `words:`; did you mean "words"?"#,
                #"5:1 unknown top-level key "messagez" is not read; a site's file of words holds only `words:`"#,
            ])
        #expect(theme.words(for: "en").texts["nav_weekly"] == "Reports")
        #expect(theme.words(for: "en").texts["nav_issues"] == "Issues")
    }

    /// The theme's own file in a site (the Dossier repository's sample site, a copy left as
    /// it is) changes nothing and raises nothing; once a word of the copy is changed, the
    /// copy is a site's file, and its `messages:` a warning.
    @Test func theThemesOwnFileIsNoSiteFile() throws {
        let file = try #require(Theme.builtInFiles["strings/ru.yml"])
        #expect(Theme.load(overrides: ["strings/ru.yml": file]).1.isEmpty)
        let edited = file.replacingOccurrences(of: "  nav_issues: Проблемы\n", with: "  nav_issues: Замечания\n")
        #expect(edited != file)
        let (theme, problems) = Theme.load(overrides: ["strings/ru.yml": edited])
        #expect(problems.map(\.message.key) == ["words.messages-not-read"])
        #expect(theme.words(for: "ru").texts["nav_issues"] == "Замечания")
    }

    /// The built-in words obey what a site's are held to: every language's word for a key
    /// offers the same placeholders, and each built-in file's `words:` read as a site's
    /// raises nothing.
    @Test func theBuiltInWordsPassTheSiteRules() throws {
        var placeholders: [String: [String: Set<String>]] = [:]
        for language in ["en", "zh", "ru"] {
            let words = Self.builtIn.words(for: language)
            for (key, text) in words.texts {
                placeholders[key, default: [:]][language] = MessageCatalogue.placeholders(in: text)
            }
            for (key, forms) in words.plurals {
                placeholders[key, default: [:]][language] = Set(forms.values.flatMap(MessageCatalogue.placeholders(in:)))
            }
        }
        for (key, byLanguage) in placeholders {
            #expect(byLanguage.count == 3 && Set(byLanguage.values).count == 1, "\(key): \(byLanguage)")
        }
        #expect(placeholders["search_more"]?["zh"] == ["n", "shown"])
        for language in ["en", "zh", "ru"] {
            let file = try #require(Theme.builtInFiles["strings/\(language).yml"])
            let words = String(try #require(file.components(separatedBy: "\nmessages:").first))
            let (_, problems) = Theme.load(overrides: ["strings/\(language).yml": words])
            #expect(problems.isEmpty, "\(language): \(problems.map(\.message))")
        }
    }
}
