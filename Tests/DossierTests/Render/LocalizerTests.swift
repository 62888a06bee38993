import DossierModel
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

    /// A week's days as the pages write them: without the year inside a year, with it when
    /// the week spans New Year (2026-W01 starts on 29 December 2025).
    @Test(arguments: [
        ("en", "2026-W01", "Dec 29, 2025 – Jan 4, 2026"),
        ("zh", "2026-W01", "2025年12月29日 – 2026年1月4日"),
        ("ru", "2026-W01", "29.12.2025 – 04.01.2026"),
        ("zh", "2026-W02", "1月5日 – 1月11日"),
        ("ru", "2026-W02", "05.01 – 11.01"),
        ("en", "2020-W53", "Dec 28, 2020 – Jan 3, 2021"),
    ])
    func theYearIsWrittenOnlyAcrossNewYear(_ language: String, _ week: String, _ expected: String) throws {
        let localizer = Localizer(language: language, theme: Self.theme)
        #expect(localizer.range(try #require(ISOWeek(week))) == expected)
    }
}
