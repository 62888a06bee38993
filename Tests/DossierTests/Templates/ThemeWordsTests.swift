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
    /// form; other languages keep the theme's words; other top-level keys are not read.
    @Test func aSiteFileIsLayeredKeyByKey() {
        let site = """
            messages:
              whatever: not read here
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
}
