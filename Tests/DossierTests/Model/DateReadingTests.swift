import DossierDiagnostics
import DossierRecords
import Foundation
import Testing

@testable import DossierModel

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
        // Jira: month names, and the only two-digit years (20YY).
        ("29/Apr/22 2:50 PM", .monthFirst, "2022-04-29T06:50:00Z", false),
        ("4/Nov/2026", .dayFirst, "2026-11-03T16:00:00Z", true),
    ])
    func writtenForms(_ written: String, _ order: DateOrder, _ instant: String, _ dateOnly: Bool) throws {
        let time = try #require(shanghai.parse(written, order: order), "\(written) should be read")
        #expect(time.instant == utc(instant), "\(written)")
        #expect(time.isDateOnly == dateOnly, "\(written)")
    }

    @Test(arguments: [
        "29.04.22", "11/4/26", "04-11-26",  // numeric two-digit years: which century, which order?
        "2026/13/4", "2026/2/30", "31/02/2026", "2026年13月4日", "2026年11月4", "2026-11/4", "11//2026", "111/4/2026",
        "20261104", "2026/11/4 25:00", "2026/11/4 13:00 PM", "2026/11/4 0:30 AM", "2026/11/4 10:5", "2026/11/4 10:00:5",
        "2026/11/4 10:00 XM", "2026/11/4 下午14:50", "下午2:50", "2026-11-04T", "2026-11-04 10:00 +15:00",
        "26/Foo/22", "next week", "", "2026-11-04 10:00 (edited)",
    ])
    func refusedForms(_ written: String) {
        #expect(shanghai.parse(written, order: .dayFirst) == nil, "\(written) should be refused")
        #expect(shanghai.parse(written, order: .monthFirst) == nil, "\(written) should be refused")
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
        #expect(site.issues.map(\.opened.instant) == [utc("2026-03-29T01:30:00Z"), utc("2026-10-25T00:30:00Z"), utc("2026-10-25T02:30:00Z")])
        // The hint, followed, reads the second 02:30.
        #expect(ProjectClock(timeZone: TimeZone(identifier: "Europe/Berlin")!).parse("25.10.2026 02:30 +01:00")?.instant == utc("2026-10-25T01:30:00Z"))
    }

    // MARK: - One order per column

    func validate(_ issues: String, milestones: String? = nil, project: String = "") -> (Site, [String]) {
        let node = try? YAMLReader.read(project, file: "content/project.yml").get()
        let raw = RawSite(
            root: URL(fileURLWithPath: "/nonexistent/site"), project: node,
            issues: CSVParser().parse(issues + "\n", file: "content/issues.csv").0,
            milestones: milestones.map { CSVParser().parse($0 + "\n", file: "content/milestones.csv").0 })
        let (site, list) = SiteValidator().validate(raw)
        let lines = list.sorted.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule.rawValue): \($0.message)" }
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
        ("en", "2026-04-11", "opened \"04/11/2026\" is read month-first as 2026-04-11, the usual order for language en: no date in this column has a day above 12; if it means 2026-11-04, add \"dates: day-first\" to content/project.yml"),
        ("ru", "2026-11-04", "opened \"04/11/2026\" is read day-first as 2026-11-04, the usual order for language ru: no date in this column has a day above 12; if it means 2026-04-11, add \"dates: month-first\" to content/project.yml"),
        ("zh", "2026-11-04", "opened \"04/11/2026\" is read day-first as 2026-11-04, the usual order for language zh: no date in this column has a day above 12; if it means 2026-04-11, add \"dates: month-first\" to content/project.yml"),
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
        // 30.10.2026 makes the due column day-first, so 04/12/2026 is 4 December.
        let (site, diagnostics) = validate(
            "id,title,status,opened\nA,a,open,2026-01-05",
            milestones: """
                id,title,due,done
                M1,Pilot,30.10.2026,2026/10/29 17:30
                M2,Go-live,2026年11月4日,2026-11-04T23:30:00Z
                M3,Hypercare,04/12/2026,
                """, project: "timezone: Asia/Shanghai")
        #expect(diagnostics.isEmpty)
        #expect(site.milestones.map(\.due.description) == ["2026-10-30", "2026-11-04", "2026-12-04"])
        // A datetime gives its day in the project's zone.
        #expect(site.milestones.map(\.done) == [CivilDate(year: 2026, month: 10, day: 29), CivilDate(year: 2026, month: 11, day: 5), nil])
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
}
