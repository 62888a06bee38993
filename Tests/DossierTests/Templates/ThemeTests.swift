import Foundation
import Testing

@testable import DossierRender
@testable import DossierTemplates

@Suite struct ThemeTests {
    /// Every `{{t.key}}` of every built-in template is a word of every language, and
    /// every language has the same keys, each of the same kind (text, or said with a
    /// count with exactly its language's plural forms).
    @Test func everyTemplateStringExistsInEveryLanguage() throws {
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z0-9_-]+)\}\}"#)
        var used: Set<String> = []
        for (path, text) in Theme.builtInFiles where path.hasSuffix(".mustache") {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 50)
        let (theme, problems) = Theme.load(overrides: [:])
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(Set(theme.languages.keys) == ["en", "zh", "ru"])
        let english = theme.words(for: "en")
        #expect(english.texts.count > 200)
        #expect(english.plurals.count >= 3)
        for (language, words) in theme.languages {
            #expect(
                Set(words.texts.keys) == Set(english.texts.keys),
                "\(language) differs from en: \(Set(words.texts.keys).symmetricDifference(english.texts.keys).sorted())")
            #expect(
                Set(words.plurals.keys) == Set(english.plurals.keys),
                "\(language) differs from en: \(Set(words.plurals.keys).symmetricDifference(english.plurals.keys).sorted())")
            for (key, forms) in words.plurals {
                #expect(
                    forms.keys.sorted() == PluralCategory.categories(for: language), "\(language) \(key): \(forms.keys)")
                #expect(forms.values.allSatisfy { $0.contains("{n}") }, "\(language) \(key) does not show the number")
            }
            let missing = used.subtracting(words.texts.keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
        }
    }

    @Test func everyBuiltInTemplateCompiles() {
        let (_, problems) = Theme.load(overrides: [:])
        // A template that does not parse, or one of the contract's pages without a
        // template, is a problem here.
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(Set(Theme.builtInFiles.keys).isSuperset(of: Theme.templateNames.map { "\($0).mustache" }))
    }

    /// A site holding a copy of the built-in theme (as the sample project does) gets the
    /// built-in theme, compiled once per process; a file it changed is its own, and a
    /// file of words it changed is layered over the built-in words.
    @Test func aCopyOfTheBuiltInThemeIsTheBuiltInThemeAndAChangedFileIsTheSites() throws {
        let context: [String: Any] = ["title": "Вход", "t": ["nav_issues": "Issues"]]
        var copy = Theme.builtInFiles
        let (same, sameProblems) = Theme.load(overrides: copy)
        #expect(sameProblems.isEmpty, "\(sameProblems.map(\.message))")
        let builtIn = Theme.load(overrides: [:]).0
        for name in Theme.templateNames {
            #expect(same.render(name, context) == builtIn.render(name, context), "\(name)")
        }
        #expect(same.words(for: "ru").texts == builtIn.words(for: "ru").texts)
        copy["tag.mustache"] = "<h1>{{title}}</h1>"
        copy["strings/ru.yml"] = "words:\n  nav_issues: Заявки\n"
        copy["other.mustache"] = "{{title}}"
        let (own, problems) = Theme.load(overrides: copy)
        #expect(own.render("tag", context) == "<h1>Вход</h1>")
        #expect(own.render("article", context) == builtIn.render("article", context))
        #expect(own.words(for: "ru").texts["nav_issues"] == "Заявки")
        #expect(own.words(for: "ru").texts["nav_weekly"] == builtIn.words(for: "ru").texts["nav_weekly"])
        #expect(own.words(for: "en").texts == builtIn.words(for: "en").texts)
        #expect(problems.map(\.location.file) == ["templates/other.mustache"])
    }
}
