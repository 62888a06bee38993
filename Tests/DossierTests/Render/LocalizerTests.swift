import DossierRender
import DossierTemplates
import Testing

/// How each language joins a label to its value and writes an aside, and how a word
/// reads inside a line.
@Suite struct LocalizerTests {
    static let theme = Theme.load(overrides: [:]).0

    @Test(arguments: [
        ("en", "Target: Jan 5", "Line (due: Jan 5)"),
        ("ru", "Целевой срок: 05.01.2026", "Строка (срок: 05.01.2026)"),
        ("zh", "目标解决时间：2026年1月5日", "一行（截止日期：2026年1月5日）"),
    ])
    func labelsAndAsidesTakeTheLanguagesPunctuation(language: String, labelled: String, aside: String) {
        let t = Localizer(language: language, theme: Self.theme)
        let (date, line) =
            language == "zh" ? ("2026年1月5日", "一行") : language == "ru" ? ("05.01.2026", "Строка") : ("Jan 5", "Line")
        #expect(t.labelled(t["field_target"], date) == labelled)
        #expect(line + t.aside(t.labelled(Localizer.inline(t["field_due"]), date)) == aside)
    }

    @Test func aWordInsideALineStartsLowerCaseUnlessItOpensWithAnAbbreviation() {
        #expect(Localizer.inline("Целевой срок") == "целевой срок")
        #expect(Localizer.inline("None") == "none")
        #expect(Localizer.inline("SLA") == "SLA")
        #expect(Localizer.inline("ИТ-служба") == "ИТ-служба")
        #expect(Localizer.inline("目标解决时间") == "目标解决时间")
        #expect(Localizer(language: "ru", theme: Self.theme).inlineStrings["none"] == "нет")
    }
}
