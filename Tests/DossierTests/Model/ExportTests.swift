import DossierModel
import DossierRecords
import Foundation
import Testing

/// Problem lists as Redmine (en, zh, ru), Jira and Excel write them, read without
/// hand-editing: only project.yml says the encoding and maps the project's categories.
@Suite struct ExportTests {
    func load(_ name: String) throws -> Site {
        let (raw, loadProblems) = try SiteLoader().load(Fixtures.site("exports/\(name)"))
        let (site, problems) = SiteValidator().validate(raw)
        let all = loadProblems.items + problems.items
        #expect(all.isEmpty, "\(name): \(all.map { "\($0.location) \($0.message)" })")
        return site
    }

    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// The same three issues in every Redmine locale.
    func expectRedmineIssues(_ site: Site, ids: [String], zoneOffsetHours: Int, extraHeader: String, estimate: String) throws {
        #expect(site.issues.map(\.id) == ids)
        #expect(site.issues.map(\.status) == [.closed, .inProgress, .waiting])
        #expect(site.issues.map(\.priority) == [.normal, .urgent, .high])
        #expect(site.issues.map(\.category) == ["operation", "config", "bug"])
        let first = site.issues[0]
        // 2022-04-29 14:50 local time.
        let opened = utc("2022-04-29T14:50:00Z").addingTimeInterval(TimeInterval(-zoneOffsetHours * 3600))
        #expect(first.opened.instant == opened)
        #expect(first.resolved?.instant == opened.addingTimeInterval(75 * 60))
        #expect(first.description != nil)
        #expect(site.issues[1].due?.day == CivilDate(year: 2022, month: 5, day: 6))
        #expect(site.issues[1].resolved == nil)
        // Midnight written as 12:00 AM or 00:00 is still a datetime, not a date.
        #expect(site.issues[2].opened.isDateOnly == false)
        #expect(site.issues[1].extra.contains { $0.header == extraHeader && $0.value == estimate })
    }

    @Test func redmineEnglishInLatin1WithUSDates() throws {
        let site = try load("redmine-en")
        try expectRedmineIssues(
            site, ids: ["1042", "1043", "1044"], zoneOffsetHours: 2, extraHeader: "Estimated time", estimate: "2.50")
        #expect(site.issues[0].reporter == "Renée Dupont")
        #expect(site.issues[0].owner == "José Müller")
        #expect(site.issues[0].extra.contains { $0.header == "Tracker" && $0.value == "Support" })
    }

    @Test func redmineChineseInGB18030() throws {
        let site = try load("redmine-zh")
        try expectRedmineIssues(site, ids: ["201", "202", "203"], zoneOffsetHours: 8, extraHeader: "预期时间", estimate: "2.50")
        #expect(site.issues[0].title == "重置密码后无法登录")
        #expect(site.issues[0].owner == "李娜")
    }

    @Test func redmineRussianWithSemicolonsAndDayFirstDates() throws {
        let site = try load("redmine-ru")
        try expectRedmineIssues(
            site, ids: ["301", "302", "303"], zoneOffsetHours: 3, extraHeader: "Оценка времени", estimate: "2,50")
        #expect(site.issues[1].owner == "Пётр Смирнов")
    }

    @Test func jiraWithRepeatedLabelsAndItsDates() throws {
        let site = try load("jira")
        #expect(site.issues.map(\.id) == ["EXP-1", "EXP-2", "EXP-3"])
        #expect(site.issues.map(\.status) == [.resolved, .inProgress, .open])
        #expect(site.issues.map(\.priority) == [.normal, .urgent, .low])
        #expect(site.issues[0].tags == ["login", "sso"])
        #expect(site.issues[1].tags == ["workflow"])
        #expect(site.issues[0].opened.instant == utc("2022-04-29T14:50:00Z"))
        #expect(site.issues[0].resolved?.instant == utc("2022-04-29T16:05:00Z"))
        #expect(site.issues[2].opened.instant == utc("2022-05-03T00:00:00Z"))
        #expect(site.issues[0].extra.contains { $0.header == "Issue id" && $0.value == "10001" })
    }

    @Test func excelWithByteOrderMarkCRLFAndTrailingColumns() throws {
        let site = try load("excel-semicolon")
        #expect(site.issues.map(\.id) == ["X-1", "X-2"])
        #expect(site.issues[0].opened.instant == utc("2022-04-29T12:50:00Z"))
        #expect(site.issues[0].title == "Login fails")
    }

    // Files as spreadsheet programs save them (see docs/records.md, "Files and encodings").

    @Test func excelChineseCSVInGBKWithCommas() throws {
        let site = try load("excel-zh-gbk")
        #expect(site.issues.map(\.id) == ["ZH-1", "ZH-2", "ZH-3"])
        #expect(site.issues.map(\.title) == ["登录失败，无法打开报表", "采购订单审批流程卡住, 财务无法处理", "库存数量与实际不符"])
        #expect(site.issues.map(\.status) == [.resolved, .inProgress, .open])
        #expect(site.issues[0].priority == .high)
        #expect(site.issues[1].owner == "王伟")
        // 2026-11-04 10:00 in Shanghai (UTC+8).
        #expect(site.issues[0].opened.instant == utc("2026-11-04T02:00:00Z"))
        #expect(site.issues[0].resolved?.instant == utc("2026-11-04T07:30:00Z"))
        // The quoted description keeps its line break (CRLF file, LF inside the cell).
        #expect(site.issues[0].description?.source == "重置密码后仍无法登录。\n请检查单点登录配置。")
    }

    @Test func excelRussianCSVInWindows1251WithItsSeparatorLine() throws {
        let site = try load("excel-ru-1251-sep")
        #expect(site.issues.map(\.id) == ["RU-1", "RU-2", "RU-3"])
        #expect(
            site.issues.map(\.title) == [
                "Ошибка входа в систему", "Не печатается счёт-фактура", "Неверный остаток на складе «Центральный»",
            ])
        #expect(site.issues.map(\.status) == [.resolved, .inProgress, .open])
        #expect(site.issues[0].owner == "Пётр Смирнов")
        // 04.11.2026 10:00 in Moscow (UTC+3).
        #expect(site.issues[0].opened.instant == utc("2026-11-04T07:00:00Z"))
        #expect(site.issues[2].opened.instant == utc("2026-11-06T11:00:00Z"))
        // The header is line 2, after `sep=;`: the first record is on line 3.
        #expect(site.issues[0].location.line == 3)
        #expect(site.issues[0].description?.source == "Не работает вход; пароль сброшен")
    }

    @Test func excelUnicodeTextInUTF16WithTabs() throws {
        let site = try load("excel-unicode-text-en")
        #expect(site.issues.map(\.id) == ["EN-1", "EN-2", "EN-3"])
        #expect(site.issues.map(\.status) == [.resolved, .inProgress, .open])
        #expect(site.issues[1].title == "Invoice, credit note print blank")
        #expect(site.issues[0].owner == "Maria Lopez")
        // 2026-11-04 10:00 in London (UTC+0 in November).
        #expect(site.issues[0].opened.instant == utc("2026-11-04T10:00:00Z"))
        #expect(site.issues[0].description?.source == "Reset done; still fails.\nSee the \"SSO\" settings.")
        #expect(site.issues[2].location.line == 5)

        let russian = try load("excel-unicode-text-ru")
        #expect(russian.issues.map(\.id) == ["RU-1", "RU-2"])
        #expect(russian.issues.map(\.title) == ["Ошибка входа в систему", "Не печатается счёт-фактура; срочно"])
        #expect(russian.issues.map(\.status) == [.resolved, .inProgress])
        #expect(russian.issues[0].resolved?.instant == utc("2026-11-04T12:30:00Z"))
    }

    @Test func excelForMacWithCROnlyLineEnds() throws {
        let site = try load("excel-mac-cr")
        #expect(site.issues.map(\.id) == ["MAC-1", "MAC-2", "MAC-3"])
        #expect(site.issues.map(\.title) == ["Login fails", "Approval, CFO step skipped", "Stock count differs"])
        #expect(site.issues.map(\.status) == [.resolved, .open, .open])
        // 2026-11-05 09:30 in New York (UTC-5 after the November change).
        #expect(site.issues[1].opened.instant == utc("2026-11-05T14:30:00Z"))
        // Lines counted at each CR: MAC-1 spans lines 2 and 3, so MAC-2 is on line 4.
        #expect(site.issues.map(\.location.line) == [2, 4, 5])
        // The description's link is placed on the file's third line, where the editor shows it.
        let link = try #require(site.issues[0].description?.links.first)
        #expect(link.position.line == 3)
    }

    @Test func libreOfficeUTF8WithEveryTextCellQuoted() throws {
        let site = try load("libreoffice-utf8")
        #expect(site.issues.map(\.id) == ["LO-1", "LO-2"])
        #expect(site.issues.map(\.title) == ["Le menu français ne s'affiche pas", "Größe der Übersicht, falsch"])
        #expect(site.issues.map(\.status) == [.open, .inProgress])
        #expect(site.issues[0].owner == "Renée Dupont")
        // 2026-11-04 10:00 in Paris (UTC+1).
        #expect(site.issues[0].opened.instant == utc("2026-11-04T09:00:00Z"))
    }

    @Test func wpsUTF8WithByteOrderMark() throws {
        let site = try load("wps-utf8-bom")
        #expect(site.issues.map(\.id) == ["WPS-1", "WPS-2"])
        #expect(site.issues.map(\.title) == ["打印机队列丢失", "月结报表导出失败"])
        #expect(site.issues.map(\.status) == [.resolved, .inProgress])
        #expect(site.issues[0].resolved?.instant == utc("2026-11-04T03:15:00Z"))
    }

    @Test(arguments: [
        ("04/29/2022 02:50 PM", "2022-04-29T14:50:00Z"), ("04/29/2022 12:05 AM", "2022-04-29T00:05:00Z"),
        ("29.04.2022 14:50", "2022-04-29T14:50:00Z"), ("29/Apr/22 2:50 PM", "2022-04-29T14:50:00Z"),
        ("2022/04/29 14:50:05", "2022-04-29T14:50:05Z"), ("2022-04-29T14:50:00.250+02:00", "2022-04-29T12:50:00Z"),
    ])
    func exportDateForms(_ written: String, _ instant: String) throws {
        let clock = ProjectClock(timeZone: TimeZone(identifier: "UTC")!)
        #expect(try #require(clock.parse(written)).instant == utc(instant))
    }

    @Test(arguments: ["13/29/2022", "29.13.2022", "04/29/2022 13:00 PM", "31/Foo/22", "2022-04-29 14:5", "29.04.22"])
    func impossibleExportDates(_ written: String) {
        #expect(ProjectClock(timeZone: TimeZone(identifier: "UTC")!).parse(written) == nil)
    }
}
