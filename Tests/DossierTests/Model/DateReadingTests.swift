import DossierDiagnostics
import DossierRecords
import Foundation
import Testing

@testable import DossierModel
@testable import DossierSite

/// Dates as spreadsheets and trackers write them: every written form with the instant it
/// must give (hand-computed), each column read one way, and every guess announced.
@Suite struct DateReadingTests {
    let shanghai = ProjectClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    // MARK: - Written forms

    /// Written form, order for a year-last date that could be either, instant in
    /// Asia/Shanghai (UTC+08:00, no daylight saving), and whether only a date was given.
    @Test(arguments: [
        // Excel zh: yyyy/m/d, not padded; 上午/下午 before a 12-hour time.
        ("2026/11/4 10:00", DateOrder.dayFirst, "2026-11-04T02:00:00Z", false),
        ("2026/11/04 9:00", .dayFirst, "2026-11-04T01:00:00Z", false),
        ("2026/11/4 10:00:05", .dayFirst, "2026-11-04T02:00:05Z", false),
        ("2026/11/4 下午2:50", .dayFirst, "2026-11-04T06:50:00Z", false),
        ("2026/11/4 上午9:05", .dayFirst, "2026-11-04T01:05:00Z", false),
        ("2026/11/4 上午12:05", .dayFirst, "2026-11-03T16:05:00Z", false),
        ("2026/11/4 下午12:30", .dayFirst, "2026-11-04T04:30:00Z", false),
        ("2026/11/4", .dayFirst, "2026-11-03T16:00:00Z", true),
        // Year first with any separator and padding.
        ("2026-1-5", .monthFirst, "2026-01-04T16:00:00Z", true),
        ("2026-01-05", .monthFirst, "2026-01-04T16:00:00Z", true),
        ("2026.11.4", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("  2026-11-04  ", .monthFirst, "2026-11-03T16:00:00Z", true),
        // Chinese long dates.
        ("2026年11月4日", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("2026年1月5日", .monthFirst, "2026-01-04T16:00:00Z", true),
        ("2026年11月4日 10:00", .monthFirst, "2026-11-04T02:00:00Z", false),
        ("2026年11月4日10:00", .monthFirst, "2026-11-04T02:00:00Z", false),
        ("2026年11月4日 下午2:50", .monthFirst, "2026-11-04T06:50:00Z", false),
        // Dots: day first (Excel ru/de, Redmine ru).
        ("4.11.2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("04.11.2026 10:00", .monthFirst, "2026-11-04T02:00:00Z", false),
        ("30.10.2026", .monthFirst, "2026-10-29T16:00:00Z", true),
        // Slashes and dashes with the year last, in the order given.
        ("11/4/2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("11/4/2026", .dayFirst, "2026-04-10T16:00:00Z", true),
        ("4-11-2026", .dayFirst, "2026-11-03T16:00:00Z", true),
        ("11/4/2026 2:50 PM", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("11/04/2026 02:50 pm", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("11/4/2026 12:05 AM", .monthFirst, "2026-11-03T16:05:00Z", false),
        ("11/4/2026 12:30 PM", .monthFirst, "2026-11-04T04:30:00Z", false),
        // A number above 12 decides on its own, whatever the order asked.
        ("14/07/2015", .monthFirst, "2015-07-13T16:00:00Z", true),
        ("07/14/2015", .dayFirst, "2015-07-13T16:00:00Z", true),
        // ISO 8601 with offsets, and fractions of a second dropped.
        ("2026-11-04T10:00:00+03:00", .monthFirst, "2026-11-04T07:00:00Z", false),
        ("2026-11-04T10:00:00Z", .monthFirst, "2026-11-04T10:00:00Z", false),
        ("2026-11-04 10:00 +0800", .monthFirst, "2026-11-04T02:00:00Z", false),
        ("2026-11-04T10:00:00.250-05", .monthFirst, "2026-11-04T15:00:00Z", false),
        // Month names, in any order asked, and the only two-digit years (20YY): Jira,
        ("29/Apr/22 2:50 PM", .monthFirst, "2022-04-29T06:50:00Z", false),
        ("4/Nov/2026", .dayFirst, "2026-11-03T16:00:00Z", true),
        // Redmine's user date formats,
        ("04 Nov 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("04 November 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("Nov 04, 2026", .dayFirst, "2026-11-03T16:00:00Z", true),
        ("November 04, 2026 10:00 AM", .dayFirst, "2026-11-04T02:00:00Z", false),
        ("04 nov 2026 14:50", .dayFirst, "2026-11-04T06:50:00Z", false),
        ("Sept 4, 2026", .dayFirst, "2026-09-03T16:00:00Z", true),
        // Excel,
        ("4-Nov-26", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("04-Nov-2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("04-Nov-2026 09:30", .monthFirst, "2026-11-04T01:30:00Z", false),
        // Russian: genitive, nominative, abbreviated, with or without г. (год).
        ("4 ноября 2026 г.", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("4 ноября 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("4 ноябрь 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("4 нояб. 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("04.11.2026 14:50:05,250", .monthFirst, "2026-11-04T06:50:05Z", false),
        // Excel's 年月日 formats with the time in Chinese too.
        ("2026年11月4日 14时50分", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("2026年11月4日 下午2时50分30秒", .monthFirst, "2026-11-04T06:50:30Z", false),
        // Jira in Russian and Chinese locales (its dd/MMM/yy h:mm a in the user's language).
        ("04/нояб./26 2:50 PM", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("04/ноя/26 14:50", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("04/11月/26 2:50 下午", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("04/十一月/26 2:50 下午", .monthFirst, "2026-11-04T06:50:00Z", false),
        ("04/一月/27 9:05 上午", .monthFirst, "2027-01-04T01:05:00Z", false),
        ("04 ноя 2026", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("1 Мая 2026 г. 10:00", .monthFirst, "2026-05-01T02:00:00Z", false),
        ("15 февр. 2026г.", .monthFirst, "2026-02-14T16:00:00Z", true),
        // Chinese with the weekday after the date.
        ("2026年11月4日 星期三", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("2026年11月4日 周三", .monthFirst, "2026-11-03T16:00:00Z", true),
        ("2026年11月4日星期三 10:00", .monthFirst, "2026-11-04T02:00:00Z", false),
        ("2026年11月8日（星期日） 下午2:50", .monthFirst, "2026-11-08T06:50:00Z", false),
        ("2026年11月8日 周天", .monthFirst, "2026-11-07T16:00:00Z", true),
    ])
    func writtenForms(_ written: String, _ order: DateOrder, _ instant: String, _ dateOnly: Bool) throws {
        let time = try #require(shanghai.parse(written, order: order), "\(written) should be read")
        #expect(time.instant == utc(instant), "\(written)")
        #expect(time.isDateOnly == dateOnly, "\(written)")
    }

    @Test(arguments: [
        "29.04.22", "11/4/26", "04-11-26",  // numeric two-digit years: which century, which order?
        "04.13.2026",  // dotted dates are day-first: no month 13
        "4 Nox 2026", "Nox 4, 2026", "4 Nov", "Nov 2026", "4 ноябряя 2026", "2026年11月4日 星期四", "2026年11月4日 星期",
        "2026/13/4", "2026/2/30", "31/02/2026", "2026年13月4日", "2026年11月4", "2026-11/4", "11//2026", "111/4/2026",
        "20261104", "2026/11/4 25:00", "2026/11/4 13:00 PM", "2026/11/4 0:30 AM", "2026/11/4 10:5", "2026/11/4 10:00:5",
        "2026/11/4 10:00 XM", "2026/11/4 下午14:50", "下午2:50", "2026-11-04T", "2026-11-04 10:00 +15:00",
        "26/Foo/22", "next week", "", "2026-11-04 10:00 (edited)",
    ])
    func refusedForms(_ written: String) {
        #expect(shanghai.parse(written, order: .dayFirst) == nil, "\(written) should be refused")
        #expect(shanghai.parse(written, order: .monthFirst) == nil, "\(written) should be refused")
    }

    /// A refused text says why when more can be said than that it is none of the forms.
    @Test(
        arguments: [
            ("11/4/26", "two-digit year: write the year in full (2026)"),
            ("04.11.26 10:00", "two-digit year: write the year in full (2026)"),
            ("31.11.2026", "November has 30 days"),
            ("29.02.2026", "February 2026 has 28 days"),
            ("2028-02-30", "February 2028 has 29 days"),
            ("2026/13/4", "there is no month 13"),
            ("04.13.2026", "there is no month 13 (dotted dates are day.month.year)"),
            ("0.11.2026", "there is no day 0"),
            ("26/Foo/22", "\"Foo\" is not a month name (Nov, November, ноября, нояб.)"),
            ("4 Nox 2026", "\"Nox\" is not a month name (Nov, November, ноября, нояб.)"),
            ("2026年11月4日 星期四", "2026-11-04 is 星期三, not 星期四"),
            ("2026年11月4日 周日", "2026-11-04 is 星期三, not 周日"),
            ("next week", nil),
            ("2026-11-04 10:00 (edited)", nil),
        ] as [(String, String?)])
    func refusalsSayWhy(_ written: String, _ reason: String?) {
        let result = shanghai.read(written, order: .dayFirst)
        guard case .failure(.unreadable(let said)) = result else {
            Issue.record("\(written) should be refused, got \(result)")
            return
        }
        #expect(said?.description == reason, "\(written)")
    }

    @Test func aRefusedCellSaysWhyAndHowADateIsWritten() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened,due
            A,a,open,11/4/26,
            B,b,open,2026-11-01,31.11.2026
            C,c,open,2026-11-01,next week
            """,
            milestones: """
                id,title,due
                M1,Pilot,29.02.2026
                """)
        #expect(
            diagnostics == [
                "2:10 error issue-date: opened \"11/4/26\" is not a date: two-digit year: write the year in full (2026) (a date is written 2022-04-29, a datetime 2022-04-29 14:50)",
                "3:21 error issue-date: due \"31.11.2026\" is not a date: November has 30 days (a date is written 2022-04-29, a datetime 2022-04-29 14:50)",
                "4:21 error issue-date: due \"next week\" is not a date (2022-04-29) or datetime (2022-04-29 14:50, 2022-04-29T14:50:00+08:00)",
                "2:10 error milestone: due \"29.02.2026\" is not a date: February 2026 has 28 days (a date is written 2022-04-29)",
            ])
        #expect(site.issues.map(\.id) == ["B", "C"])
    }

    @Test func monthNamesNeedNoOrderAndGiveNoEvidence() {
        // Redmine en with a month-name user format, in a ru project: nothing to announce,
        // and the slash column beside it decides for itself.
        let (site, diagnostics) = validate(
            """
            id,title,status,opened,due
            A,a,open,Nov 04 2026 10:00 AM,04/11/2026
            B,b,open,"November 14, 2026",
            """, project: "language: ru")
        #expect(
            diagnostics == [
                "2:31 warning date-order: due \"04/11/2026\" is read day-first as 2026-11-04, the usual order for language ru: no date in this column has a day above 12; if it means 2026-04-11, add \"dates: month-first\" to content/project.yml"
            ])
        #expect(days(site) == ["2026-11-04", "2026-11-14"])
    }

    // MARK: - Daylight saving time

    /// Zone, local wall-clock time, the instant read, and how it fits: gaps move forward
    /// by their length, folds take the first, both with the offset before the change.
    @Test(arguments: [
        // Europe/Berlin 2026: +01:00 → +02:00 on 29 March at 02:00; back on 25 October at 03:00.
        ("Europe/Berlin", "2026-03-29 02:30", "2026-03-29T01:30:00Z", LocalTimeFit.skipped(gap: 3600, offset: 7200)),
        ("Europe/Berlin", "2026-10-25 02:30", "2026-10-25T00:30:00Z", .repeated(firstOffset: 7200, secondOffset: 3600)),
        ("Europe/Berlin", "2026-03-29 03:00", "2026-03-29T01:00:00Z", .exact),
        ("Europe/Berlin", "2026-10-25 03:00", "2026-10-25T02:00:00Z", .exact),
        // America/New_York 2026: -05:00 → -04:00 on 8 March at 02:00; back on 1 November at 02:00.
        ("America/New_York", "2026-03-08 02:30", "2026-03-08T07:30:00Z", .skipped(gap: 3600, offset: -14400)),
        ("America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z", .repeated(firstOffset: -14400, secondOffset: -18000)),
        // Australia/Sydney 2026: +11:00 → +10:00 on 5 April at 03:00; forward on 4 October at 02:00.
        ("Australia/Sydney", "2026-04-05 02:30", "2026-04-04T15:30:00Z", .repeated(firstOffset: 39600, secondOffset: 36000)),
        ("Australia/Sydney", "2026-10-04 02:30", "2026-10-03T16:30:00Z", .skipped(gap: 3600, offset: 39600)),
    ])
    func localTimesAroundOffsetChanges(_ zone: String, _ local: String, _ instant: String, _ fit: LocalTimeFit) throws {
        let clock = ProjectClock(timeZone: TimeZone(identifier: zone)!)
        let written = try #require(WrittenTime(local))
        let result = clock.time(written, on: try #require(written.date(.dayFirst)))
        #expect(result.time.instant == utc(instant), "\(zone) \(local)")
        #expect(result.fit == fit, "\(zone) \(local)")
    }

    @Test func aDayWhoseMidnightIsSkippedStartsWhenTheClocksResume() {
        // America/Sao_Paulo, 4 November 2018: 00:00 −03:00 became 01:00 −02:00.
        let clock = ProjectClock(timeZone: TimeZone(identifier: "America/Sao_Paulo")!)
        #expect(clock.startOfDay(CivilDate(year: 2018, month: 11, day: 4)) == utc("2018-11-04T03:00:00Z"))
    }

    @Test func skippedAndRepeatedTimesAreAnnouncedWithTheInstantUsed() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened,resolved
            A,Gap,resolved,2026-03-29 02:30,29.03.2026 09:00
            B,Fold,open,25.10.2026 02:30,
            C,Fine,open,2026-10-25 03:30,
            """, project: "timezone: Europe/Berlin")
        #expect(
            diagnostics == [
                "2:16 warning date-dst: opened \"2026-03-29 02:30\" does not exist in Europe/Berlin (the clocks skip 1 hour there); read as 2026-03-29 03:30 +02:00, moved forward by the gap",
                "3:13 warning date-dst: opened \"25.10.2026 02:30\" happens twice in Europe/Berlin (the clocks go back 1 hour); read as the first, 2026-10-25 02:30 +02:00; write \"25.10.2026 02:30 +01:00\" for the second",
            ])
        #expect(
            site.issues.map(\.opened.instant) == [
                utc("2026-03-29T01:30:00Z"), utc("2026-10-25T00:30:00Z"), utc("2026-10-25T02:30:00Z"),
            ])
        // The hint, followed, reads the second 02:30.
        #expect(
            ProjectClock(timeZone: TimeZone(identifier: "Europe/Berlin")!).parse("25.10.2026 02:30 +01:00")?.instant
                == utc("2026-10-25T01:30:00Z"))
    }

    @Test func aResolvedTimeBeforeAnOpenedTimeMovedByAGapSaysSo() {
        // America/New_York skips 02:00–03:00 on 8 March 2026: "02:30" is read as 03:30.
        let (_, diagnostics) = validate(
            """
            id,title,status,opened,resolved
            A,Gap,closed,2026-03-08 02:30,2026-03-08 03:10
            B,Fine,closed,2026-03-08 04:30,2026-03-08 03:10
            """, project: "timezone: America/New_York")
        #expect(
            diagnostics == [
                "2:14 warning date-dst: opened \"2026-03-08 02:30\" does not exist in America/New_York (the clocks skip 1 hour there); read as 2026-03-08 03:30 -04:00, moved forward by the gap",
                "2:31 error issue-resolved: resolved 2026-03-08 03:10 is before opened 2026-03-08 03:30 (opened was moved 1 hour forward to 2026-03-08 03:30, as the clocks skip its written time in America/New_York)",
                "3:32 error issue-resolved: resolved 2026-03-08 03:10 is before opened 2026-03-08 04:30",
            ])
    }

    // MARK: - One order per column

    func validate(_ issues: String, milestones: String? = nil, project: String = "") -> (Site, [String]) {
        let node = try? YAMLReader.read(project, file: "content/project.yml").get()
        let raw = RawSite(
            root: URL(fileURLWithPath: "/nonexistent/site"), project: node,
            issues: CSVParser().parse(issues + "\n", file: "content/issues.csv").0,
            milestones: milestones.map { CSVParser().parse($0 + "\n", file: "content/milestones.csv").0 })
        let (site, list) = SiteValidator().validate(raw)
        let lines = list.sorted.map {
            "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule.rawValue): \($0.message)"
        }
        return (site, lines)
    }

    func days(_ site: Site) -> [String] { site.issues.map(\.opened.day.description) }

    @Test func aDayAbove12AnywhereInTheColumnMakesItDayFirst() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,10/07/2015
            B,b,open,14/07/2015
            """)
        #expect(diagnostics.isEmpty)
        #expect(days(site) == ["2015-07-10", "2015-07-14"])
    }

    @Test func aMonthDayAbove12MakesTheColumnMonthFirstInAnyLanguage() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,04/11/2026
            B,b,open,07/14/2015
            """, project: "language: ru")
        #expect(diagnostics.isEmpty)
        #expect(days(site) == ["2026-04-11", "2015-07-14"])
    }

    @Test(arguments: [
        (
            "en", "2026-04-11",
            "opened \"04/11/2026\" is read month-first as 2026-04-11, the usual order for language en: no date in this column has a day above 12; if it means 2026-11-04, add \"dates: day-first\" to content/project.yml"
        ),
        (
            "ru", "2026-11-04",
            "opened \"04/11/2026\" is read day-first as 2026-11-04, the usual order for language ru: no date in this column has a day above 12; if it means 2026-04-11, add \"dates: month-first\" to content/project.yml"
        ),
        (
            "zh", "2026-11-04",
            "opened \"04/11/2026\" is read day-first as 2026-11-04, the usual order for language zh: no date in this column has a day above 12; if it means 2026-04-11, add \"dates: month-first\" to content/project.yml"
        ),
    ])
    func anUndecidedColumnIsAnnouncedOnceAtItsFirstAmbiguousDate(_ language: String, _ first: String, _ message: String) {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,05/05/2026
            B,b,open,04/11/2026
            C,c,open,03/02/2026
            """, project: "language: \(language)")
        #expect(diagnostics == ["3:10 warning date-order: \(message)"])
        #expect(days(site)[1] == first)
    }

    @Test(arguments: ["day-first", "month-first"])
    func theSettingDecidesWithoutAWord(_ order: String) {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,04/11/2026
            """, project: "dates: \(order)")
        #expect(diagnostics.isEmpty)
        #expect(days(site) == [order == "day-first" ? "2026-11-04" : "2026-04-11"])
    }

    @Test func aCellAgainstTheSettingIsAnError() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,04/11/2026
            B,b,open,07/14/2015
            """, project: "dates: day-first")
        #expect(
            diagnostics == [
                "3:10 error date-order: opened \"07/14/2015\" is month-first, but content/project.yml says \"dates: day-first\"; a column's dates are read one way"
            ])
        #expect(days(site) == ["2026-11-04"])
    }

    @Test func aColumnProvingBothOrdersIsAnErrorAtEachCellAgainstTheFirstProof() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,04/11/2026
            B,b,open,14/07/2015
            C,c,open,07/14/2015
            D,d,open,08/13/2015
            """)
        #expect(
            diagnostics == [
                "4:10 error date-order: opened \"07/14/2015\" is month-first, but line 3 (\"14/07/2015\") makes this column day-first; a column's dates are read one way",
                "5:10 error date-order: opened \"08/13/2015\" is month-first, but line 3 (\"14/07/2015\") makes this column day-first; a column's dates are read one way",
            ])
        #expect(days(site) == ["2026-11-04", "2015-07-14"])
    }

    @Test func eachColumnDecidesForItself() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened,resolved
            A,a,closed,13/01/2026,01/20/2026
            B,b,closed,02/01/2026,02/03/2026
            """)
        #expect(diagnostics.isEmpty)
        #expect(days(site) == ["2026-01-13", "2026-01-02"])
        #expect(site.issues.map { $0.resolved!.day.description } == ["2026-01-20", "2026-02-03"])
    }

    @Test func anUndecidedColumnFollowsTheFileWhenAnotherColumnDecides() {
        // Redmine en: Created proves month-first; the only due date could be either.
        let (site, diagnostics) = validate(
            """
            id,title,status,opened,due
            A,a,open,04/29/2022 02:50 PM,05/06/2022
            """)
        #expect(diagnostics.isEmpty)
        #expect(site.issues[0].due?.day == CivilDate(year: 2022, month: 5, day: 6))
    }

    @Test func dottedDatesAreDayFirstWithoutAWordEvenInEnglish() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A,a,open,04.11.2026 10:00
            """)
        #expect(diagnostics.isEmpty)
        #expect(days(site) == ["2026-11-04"])
    }

    /// Columns whose every date reads one way only are never announced.
    @Test(arguments: [
        "2026/11/4 10:00", "2026-1-5", "2026.11.4", "2026年11月4日 下午2:50", "29/Apr/22 2:50 PM", "05/05/2026",
        "14/07/2015", "07/14/2015", "4.11.2026", "2026-11-04T10:00:00+03:00", "31/12/2026",
    ])
    func unambiguousDatesAreNotAnnounced(_ written: String) {
        let (site, diagnostics) = validate("id,title,status,opened\nA,a,open,\(written)")
        #expect(diagnostics.isEmpty, "\(written): \(diagnostics)")
        #expect(site.issues.count == 1)
    }

    @Test func milestoneDatesTakeEveryFormAsDays() {
        // The dotted 30.10.2026 makes the due column day-first, so 04/12/2026 is 4 December,
        // which is said, as a slash date follows a dotted one.
        let (site, diagnostics) = validate(
            "id,title,status,opened\nA,a,open,2026-01-05",
            milestones: """
                id,title,due,done
                M1,Pilot,30.10.2026,2026/10/29 17:30
                M2,Go-live,2026年11月4日,2026-11-04T23:30:00Z
                M3,Hypercare,04/12/2026,
                """, project: "timezone: Asia/Shanghai")
        #expect(
            diagnostics == [
                "4:14 warning date-order: due \"04/12/2026\" is read day-first as 2026-12-04, as line 2 (\"30.10.2026\") is dotted, which makes this column day-first: no slash or dash date in it has a day above 12; if it means 2026-04-12, write 2026-04-12"
            ])
        #expect(site.milestones.map(\.due.description) == ["2026-10-30", "2026-11-04", "2026-12-04"])
        // A datetime gives its day in the project's zone.
        #expect(
            site.milestones.map(\.done) == [
                CivilDate(year: 2026, month: 10, day: 29), CivilDate(year: 2026, month: 11, day: 5), nil,
            ])
    }

    @Test func anUndecidedMilestoneColumnIsAnnouncedOnItsOwn() {
        let (site, diagnostics) = validate(
            "id,title,status,opened\nA,a,open,14/01/2026",
            milestones: """
                id,title,due
                M1,Pilot,04/12/2026
                """)
        #expect(
            diagnostics == [
                "2:10 warning date-order: due \"04/12/2026\" is read month-first as 2026-04-12, the usual order for language en: no date in this column has a day above 12; if it means 2026-12-04, add \"dates: day-first\" to content/project.yml"
            ])
        #expect(site.milestones.map(\.due.description) == ["2026-04-12"])
    }

    // MARK: - Dotted dates

    /// A Redmine en export whose dates are all ambiguous, in a ru project told by the
    /// hint to add `dates: month-first`; milestones.csv from Russian Excel.
    static let redmineEnglish = """
        #,Status,Subject,Created,Due date,Target version
        1,New,Printing,11/04/2026 10:00 AM,11/10/2026,Rollout
        """

    @Test(arguments: ["04.11.2026", "20.12.2026"])
    func theDatesSettingLeavesDottedDatesDayFirst(_ second: String) {
        let (site, diagnostics) = validate(
            Self.redmineEnglish, milestones: "Код;Веха;Срок;Дата достижения\r\nM1;Pilot;04.11.2026;\r\nM2;Rollout;\(second);\r",
            project: "language: ru\ndates: month-first")
        #expect(diagnostics.isEmpty)
        #expect(site.milestones.map(\.due.description) == ["2026-11-04", second == "04.11.2026" ? "2026-11-04" : "2026-12-20"])
        #expect(days(site) == ["2026-11-04"])
        #expect(site.issues[0].due?.day == CivilDate(year: 2026, month: 11, day: 10))
        #expect(site.issues[0].milestone == "M2")
    }

    @Test func aMilestoneWithABadDateIsStillKnownByItsTitle() {
        let (site, diagnostics) = validate(
            Self.redmineEnglish, milestones: "id,title,due\nM1,Pilot,2026-11-04\nM2,Rollout,31.11.2026",
            project: "language: ru\ndates: month-first")
        #expect(
            diagnostics == [
                "3:12 error milestone: due \"31.11.2026\" is not a date: November has 30 days (a date is written 2022-04-29)"
            ])
        #expect(site.issues[0].milestone == "M2")
    }

    @Test func aDottedDateMakesItsColumnDayFirstAndItsSlashDatesFollowItWithAWord() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A-1,x,open,07.11.2026
            A-2,y,open,11/6/2026
            """)
        #expect(
            diagnostics == [
                "3:12 warning date-order: opened \"11/6/2026\" is read day-first as 2026-06-11, as line 2 (\"07.11.2026\") is dotted, which makes this column day-first: no slash or dash date in it has a day above 12; if it means 2026-11-06, write 2026-11-06"
            ])
        #expect(days(site) == ["2026-11-07", "2026-06-11"])
    }

    @Test func aSlashDateWithADayAbove12BesideDottedOnesSilencesTheWord() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A-1,x,open,07.11.2026
            A-2,y,open,11/6/2026
            A-3,z,open,13/6/2026
            """)
        #expect(diagnostics.isEmpty)
        #expect(days(site) == ["2026-11-07", "2026-06-11", "2026-06-13"])
    }

    @Test func aMonthFirstSlashDateAndADottedDateInOneColumnContradict() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A-1,x,open,07.11.2026
            A-2,y,open,11/16/2026
            """)
        #expect(
            diagnostics == [
                "3:12 error date-order: opened \"11/16/2026\" is month-first, but line 2 (\"07.11.2026\") is dotted, which makes this column day-first; a column's dates are read one way"
            ])
        #expect(days(site) == ["2026-11-07"])
        // The first of the two decides, whichever it is.
        let (other, reversed) = validate(
            """
            id,title,status,opened
            A-2,y,open,11/16/2026
            A-1,x,open,07.11.2026
            """)
        #expect(
            reversed == [
                "3:12 error date-order: opened \"07.11.2026\" is dotted, so day-first, but line 2 (\"11/16/2026\") makes this column month-first; a column's dates are read one way"
            ])
        #expect(days(other) == ["2026-11-16"])
    }

    @Test func aSlashDateThatMonthFirstWouldReadOtherwiseThanItsDottedColumnIsAnError() {
        let (site, diagnostics) = validate(
            """
            id,title,status,opened
            A-1,x,open,07.11.2026
            A-2,y,open,11/6/2026
            A-3,z,open,13/6/2026
            A-4,w,open,5/5/2026
            """, project: "dates: month-first")
        #expect(
            diagnostics == [
                "3:12 error date-order: opened \"11/6/2026\" is 2026-11-06 by \"dates: month-first\" in content/project.yml, but 2026-06-11 in this column, which line 2 (\"07.11.2026\") makes day-first (dotted dates are day-first whatever `dates` says); a column's dates are read one way: write 2026-11-06 or 2026-06-11"
            ])
        #expect(days(site) == ["2026-11-07", "2026-06-13", "2026-05-05"])
    }

    // MARK: - One warning per file

    @Test func aFileWhoseColumnsAllStayUndecidedGetsOneWarningNamingThem() {
        // Redmine en in a ru project: every date could be either.
        let (site, diagnostics) = validate(
            """
            #,Status,Subject,Created,Closed,Due date,Updated
            1,Closed,Printing,11/04/2026 10:00 AM,11/05/2026 09:00 AM,11/10/2026,11/05/2026 09:00 AM
            """, project: "language: ru")
        #expect(
            diagnostics == [
                "2:19 warning date-order: opened \"11/04/2026 10:00 AM\" is read day-first as 2026-04-11, the usual order for language ru, and so are the dates of resolved, due and updated: no date in these columns has a day above 12; if it means 2026-11-04, add \"dates: month-first\" to content/project.yml"
            ])
        #expect(days(site) == ["2026-04-11"])
        // The hint, followed, reads them all month-first without a word.
        let (followed, none) = validate(
            """
            #,Status,Subject,Created,Closed,Due date,Updated
            1,Closed,Printing,11/04/2026 10:00 AM,11/05/2026 09:00 AM,11/10/2026,11/05/2026 09:00 AM
            """, project: "language: ru\ndates: month-first")
        #expect(none.isEmpty)
        #expect(days(followed) == ["2026-11-04"])
        #expect(followed.issues[0].due?.day == CivilDate(year: 2026, month: 11, day: 10))
    }

    @Test func aWrongDatesSettingIsAProjectValueError() {
        let (_, diagnostics) = validate("id,title,status,opened\nA,a,open,2026-01-05", project: "dates: dmy")
        #expect(diagnostics == ["1:8 error project-value: unknown dates \"dmy\"; expected one of day-first, month-first"])
    }

    @Test func theDayFirstFixtureReadsItsValuesRight() throws {
        let site = try loadValidSite("invalid/valid-dates-day-first-slash")
        #expect(days(site) == ["2015-07-10", "2015-07-14", "2015-08-03"])
        #expect(site.issues[1].resolved?.instant == utc("2015-07-16T17:05:00Z"))
    }

    @Test func theExcelChineseFixtureReadsItsValuesRight() throws {
        let site = try loadValidSite("invalid/valid-dates-excel-zh")
        #expect(site.issues.map(\.opened.instant) == [utc("2026-11-04T02:00:00Z"), utc("2026-11-05T01:05:00Z")])
        #expect(site.issues[0].resolved?.instant == utc("2026-11-04T06:50:00Z"))
    }

    @Test func theDottedMilestonesFixtureReadsItsValuesRight() throws {
        let site = try loadValidSite("invalid/valid-milestones-dotted-dates")
        #expect(site.milestones.map(\.due.description) == ["2026-10-30", "2026-11-04"])
        #expect(site.milestones[0].done == CivilDate(year: 2026, month: 10, day: 29))
    }

    @Test func theMonthNamesFixtureReadsItsValuesRight() throws {
        let site = try loadValidSite("invalid/valid-dates-month-names")
        #expect(days(site) == Array(repeating: "2026-11-04", count: 5))
        #expect(site.issues[0].opened.instant == utc("2026-11-04T10:00:00Z"))
        #expect(site.issues.map { $0.resolved!.day.description } == Array(repeating: "2026-11-05", count: 5))
        #expect(site.issues[0].resolved?.instant == utc("2026-11-05T14:50:00Z"))
        #expect(site.issues[4].resolved?.instant == utc("2026-11-05T14:50:00Z"))
    }

    @Test func theSettingLeavesDotsFixtureReadsItsValuesRight() throws {
        let site = try loadValidSite("invalid/valid-dates-setting-leaves-dots")
        #expect(days(site) == ["2026-11-04"])
        #expect(site.milestones.map(\.due.description) == ["2026-11-04", "2026-12-20"])
        #expect(site.issues[0].milestone == "M2")
    }
}

/// `--as-of` is read as the records' dates are, with project.yml's `dates`.
@Suite struct AsOfReadingTests {
    func settings(_ order: DateOrder?) -> ProjectSettings {
        var settings = ProjectSettings(name: "t")
        settings.dateOrder = order
        return settings
    }

    func day(_ asOf: String, _ order: DateOrder?) throws -> String {
        let settings = settings(order)
        return settings.clock.day(of: try Dossier.resolve(.written(asOf), settings: settings)).description
    }

    @Test func theDatesSettingDecidesASlashDateThatCouldBeEither() throws {
        #expect(try day("04/11/2026", .dayFirst) == "2026-11-04")
        #expect(try day("04/11/2026", .monthFirst) == "2026-04-11")
        #expect(try day("04.11.2026", .monthFirst) == "2026-11-04")
        #expect(try day("14/11/2026", nil) == "2026-11-14")
        #expect(try day("4 ноября 2026 г.", nil) == "2026-11-04")
    }

    @Test(arguments: [
        (
            "04/11/2026",
            "--as-of 04/11/2026 could be 2026-04-11 (month-first) or 2026-11-04 (day-first): write 2026-04-11 or 2026-11-04, or set \"dates: month-first\" or \"dates: day-first\" in content/project.yml"
        ),
        (
            "31.11.2026",
            "--as-of 31.11.2026 is not a date: November has 30 days; expected a date (2022-04-29) or datetime (2022-04-29 14:50)"
        ),
        ("soon", "--as-of soon: expected a date (2022-04-29) or datetime (2022-04-29 14:50)"),
    ])
    func aValueThatCannotBeReadSaysWhy(_ asOf: String, _ message: String) {
        #expect(throws: Error.self) { try Dossier.resolve(.written(asOf), settings: settings(nil)) }
        do {
            _ = try Dossier.resolve(.written(asOf), settings: settings(nil))
        } catch {
            #expect("\(error)" == message)
        }
    }
}
