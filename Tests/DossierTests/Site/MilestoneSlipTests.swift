import DossierSite
import Foundation
import Testing

/// The slip of milestones reached late and the on-time rate of those reached (按期验收率),
/// counted by hand on Fixtures/valid as of Thursday 2026-03-12 (2026-W11), with
/// milestones.csv as Excel's "CSV UTF-8" saves it (byte-order mark, CRLF, `2026/3/5`).
///
/// Reached by Mar 12: M1 (on its due day), M3 (Mar 2 → 5: 3 days late), M5 (9 days
/// early), M6 (Mar 9 → 10: 1 day late), M8 (on its due day): 5 reached, 3 on time, 60%.
/// M7 is reached only on Mar 15, after the as-of day, and M2 not at all: neither counts.
/// W10 (to Sunday Mar 8): M1 and M3 reached, 1 on time, 50%.
@Suite struct MilestoneSlipTests {
    static let milestones =
        "\u{FEFF}id,title,due,done,owner,scope,description\r\n"
        + "M1,Pilot go-live,2026/3/6,2026/3/6,pm,Plant 1,First users submit **real** reports.\r\n"
        + "M2,Group rollout,2026/4/30,,pm,All plants,\r\n"
        + "M3,Budget module,2026/3/2,2026/3/5,pm,Plant 2,\r\n"
        + "M5,Travel module,2026/3/20,2026/3/11,pm,Plant 2,\r\n"
        + "M6,Reports module,2026/3/9,2026/3/10,pm,Plant 2,\r\n"
        + "M7,Mobile app,2026/3/1,2026/3/15,pm,Plant 3,\r\n"
        + "M8,Interfaces,2026/3/12,2026/3/12,pm,Plant 3,\r\n"

    static func site(language: String = "en") throws -> URL {
        let site = try Fixtures.copy("valid")
        try Data(milestones.utf8).write(to: site.appendingPathComponent("content/milestones.csv"))
        let project = site.appendingPathComponent("content/project.yml")
        let settings = try String(contentsOf: project, encoding: .utf8)
        try Data(settings.replacingOccurrences(of: "language: en", with: "language: \(language)").utf8).write(to: project)
        return site
    }

    static func built(language: String = "en") throws -> URL {
        let site = try site(language: language)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        return site.appendingPathComponent("output")
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func pagesShowTheSlipAndTheOnTimeRate() throws {
        let output = try Self.built()
        let rate = "<p class=\"ms-on-time\">On-time rate: <strong>60%</strong> (of 5 reached)</p>"
        let milestones = try Self.page(output, "milestones/index.html")
        #expect(milestones.contains(rate))
        #expect(milestones.contains("<span class=\"meta-item ms-slip\">3 days late</span>"))
        #expect(milestones.contains("<span class=\"meta-item ms-slip\">1 day late</span>"))
        // Only the two reached late say so.
        #expect(milestones.components(separatedBy: "ms-slip").count == 3)
        let dashboard = try Self.page(output, "index.html")
        #expect(dashboard.contains(rate))
        #expect(dashboard.contains("Reached: Mar 5, 2026 · 3 days late</span>"))
        #expect(dashboard.contains("Reached: Mar 10, 2026 · 1 day late</span>"))

        let w10 = try Self.page(output, "weekly/2026-W10.html")
        #expect(w10.contains("Budget module<span class=\"muted\"> (3 days late)</span>"))
        #expect(w10.contains("<p class=\"ms-on-time\">On-time rate: <strong>50%</strong> (of 2 reached)</p>"))
        let w11 = try Self.page(output, "weekly/2026-W11.html")
        #expect(w11.contains("Reports module<span class=\"muted\"> (1 day late)</span>"))
        #expect(w11.contains("Interfaces</li>"))
        #expect(w11.contains(rate))
        let mail = try Self.page(output, "weekly/2026-W11.email.html")
        #expect(mail.contains("Reports module<span style=\"color:#57606a;\"> (1 day late)</span>"))
        #expect(mail.contains("On-time rate: <strong>60%</strong> (of 5 reached)</p>"))
    }

    @Test func reportWeeklyCarriesTheRateInEveryFormat() throws {
        let site = try Self.site()
        func json(_ week: String) throws -> [String: Any] {
            let (text, _) = try Dossier.weeklyReport(
                site: site, week: .init(week), asOf: .written("2026-03-12"), format: .json)
            let json = try #require(text)
            return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        let w11 = try json("2026-W11")
        #expect(w11["milestones_done"] as? [String] == ["M5", "M6", "M8"])
        #expect(w11["milestones_reached"] as? Int == 5)
        #expect(w11["milestones_on_time"] as? Int == 3)
        #expect(w11["milestones_on_time_percent"] as? Int == 60)
        let w10 = try json("2026-W10")
        #expect(w10["milestones_done"] as? [String] == ["M1", "M3"])
        #expect(
            [w10["milestones_reached"], w10["milestones_on_time"], w10["milestones_on_time_percent"]] as? [Int] == [2, 1, 50])
        // Before any milestone is reached the rate is null, not 0%.
        let w09 = try json("2026-W09")
        #expect(w09["milestones_reached"] as? Int == 0)
        #expect(w09["milestones_on_time_percent"] is NSNull)

        let (markdown, _) = try Dossier.weeklyReport(
            site: site, week: .init("2026-W11"), asOf: .written("2026-03-12"), format: .markdown)
        let report = try #require(markdown)
        #expect(report.contains("- M6 Reports module (1 day late)\n"))
        #expect(report.contains("- M8 Interfaces\n"))
        #expect(report.contains("On-time rate: **60%** (of 5 reached)\n"))
    }

    @Test func theWeeksExportsCarryTheRate() throws {
        let output = try Self.built()
        let weeks = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/weeks.json")))
                as? [[String: Any]])
        let rates = weeks.map { [$0["week"], $0["milestones_reached"], $0["milestones_on_time"]] as? [AnyHashable] }
        #expect(rates == [["2026-W10", 2, 1], ["2026-W11", 5, 3]])
        let csv = try String(contentsOf: output.appendingPathComponent("data/weeks.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(
            lines[0].hasSuffix(
                ",milestones_done,milestones_overdue,milestones_reached,milestones_on_time,milestones_on_time_percent,"
                    + "history.escalated_to_tier_2,history.escalated_to_tier_3,history.solved_at_tier_1,history.reopened,"
                    + "history.median_hours_in_status.open,history.median_hours_in_status.in-progress,"
                    + "history.median_hours_in_status.waiting"))
        // M7 (due Mar 1) is reached only on Mar 15: overdue in both weeks. The site is in no
        // git repository, so the history columns are empty.
        #expect(lines[1].hasPrefix("2026-W10,") && lines[1].hasSuffix(",\"M1;M3\",M7,2,1,50,,,,,,,"))
        #expect(lines[2].hasPrefix("2026-W11,") && lines[2].hasSuffix(",\"M5;M6;M8\",M7,5,3,60,,,,,,,"))
    }

    @Test(arguments: [
        ("zh", "按期验收率：<strong>60%</strong>（已完成 5 个）", "延期 3 天", "延期 1 天"),
        (
            "ru", "Достигнуто в срок: <strong>60\u{00A0}%</strong> (из 5 достигнутых)", "с опозданием на 3 дня",
            "с опозданием на 1 день"
        ),
    ])
    func theWordsAreTheLanguagesOwn(language: String, rate: String, three: String, one: String) throws {
        let output = try Self.built(language: language)
        let milestones = try Self.page(output, "milestones/index.html")
        #expect(milestones.contains("<p class=\"ms-on-time\">\(rate)</p>"))
        #expect(milestones.contains("ms-slip\">\(three)</span>"))
        #expect(milestones.contains("ms-slip\">\(one)</span>"))
        #expect(try Self.page(output, "index.html").contains(rate))
        #expect(try Self.page(output, "weekly/2026-W11.html").contains(one))
    }
}
