import Foundation
import Testing

@testable import DossierRender
@testable import DossierTemplates

@Suite struct ThemeTests {
    /// Every `{{t.key}}` of every built-in template has a string in every language, and
    /// every language has the same keys.
    @Test func everyTemplateStringExistsInEveryLanguage() throws {
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z0-9_]+)\}\}"#)
        var used: Set<String> = []
        for (path, text) in Theme.builtInFiles where path.hasSuffix(".mustache") {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 50)
        let english = Set(UIStrings.table(for: "en").keys)
        for language in UIStrings.languages {
            let keys = Set(UIStrings.table(for: language).keys)
            #expect(keys == english, "\(language) differs from en: \(keys.symmetricDifference(english).sorted())")
            let missing = used.subtracting(keys)
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
}
