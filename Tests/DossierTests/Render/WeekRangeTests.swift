import DossierModel
import DossierRender
import DossierTemplates
import Testing

/// A week's days as the pages write them: without the year inside a year, with it when
/// the week spans New Year (2026-W01 starts on 29 December 2025).
@Suite struct WeekRangeTests {
    static let theme = Theme.load(overrides: [:]).0

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
