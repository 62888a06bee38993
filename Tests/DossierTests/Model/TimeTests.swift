import Foundation
import Testing

@testable import DossierModel

@Suite struct TimeTests {
    let shanghai = ProjectClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    @Test(arguments: [
        ("2026-11-22", "2026-W47"), ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"), ("2024-12-30", "2025-W01"),
        ("2026-01-01", "2026-W01"), ("2027-01-03", "2026-W53"),
    ])
    func isoWeeks(_ day: String, _ week: String) {
        #expect(CivilDate(iso: day)!.isoWeek.description == week)
    }

    @Test func weekParsingRefusesWeeksTheYearLacks() {
        #expect(ISOWeek("2026-W53") != nil)
        #expect(ISOWeek("2025-W53") == nil)
        #expect(ISOWeek("2022-14") == nil)
        #expect(ISOWeek("2022-W00") == nil)
        #expect(ISOWeek("2022-W14")?.monday == CivilDate(year: 2022, month: 4, day: 4))
    }

    @Test func impossibleDatesAreRefused() {
        #expect(CivilDate(iso: "2022-02-30") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(shanghai.parse("2022-02-30 10:00") == nil)
        #expect(shanghai.parse("2022-04-29 24:00") == nil)
    }

    @Test func datetimesWithoutOffsetAreProjectLocal() throws {
        let local = try #require(shanghai.parse("2026-03-02 00:30"))
        let utc = try #require(shanghai.parse("2026-03-01T16:30:00Z"))
        let offset = try #require(shanghai.parse("2026-03-02T01:30:00+09:00"))
        #expect(local.instant == utc.instant)
        #expect(offset.instant == utc.instant)
        #expect(utc.day == CivilDate(year: 2026, month: 3, day: 2))
        #expect(!utc.isDateOnly)
    }

    @Test func dateOnlyIsStartOfTheLocalDay() throws {
        let day = try #require(shanghai.parse("2026-03-02"))
        #expect(day.isDateOnly)
        #expect(day.instant == Date(timeIntervalSince1970: 1_772_380_800))  // 2026-03-01T16:00:00Z
    }

    @Test func weekIntervalsFollowTheZone() {
        let range = shanghai.interval(of: ISOWeek("2026-W10")!)
        #expect(range.lowerBound == Date(timeIntervalSince1970: 1_772_380_800))
        #expect(range.upperBound.timeIntervalSince(range.lowerBound) == 7 * 86400)
    }

    @Test(arguments: [("5m", 300), ("4h", 14400), ("3d", 259_200), ("2w", 1_209_600), ("1d12h", 129_600)])
    func slaDurations(_ text: String, _ seconds: Int) {
        #expect(SLADuration(text)?.seconds == seconds)
    }

    @Test(arguments: ["4hours", "h", "4", "", "-1h", "1.5h"])
    func badSLADurations(_ text: String) {
        #expect(SLADuration(text) == nil)
    }
}
