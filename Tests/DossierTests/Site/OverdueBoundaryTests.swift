import DossierSite
import Foundation
import Testing

/// One meaning of "overdue" on every page and report: a milestone is due at the end of
/// its `due` day in the project's zone (Europe/Moscow here). Fixtures/valid as of
/// Thursday 2026-03-12 (2026-W11, which has a note), with milestones.csv saved as Excel's
/// "CSV UTF-8" writes it (byte-order mark, CRLF, its `2026/3/12` dates): M3 is due on the
/// as-of day, M4 the day before; neither is reached.
@Suite struct OverdueBoundaryTests {
    static let milestones =
        "\u{FEFF}id,title,due,done,owner,scope,description\r\n"
        + "M1,Pilot go-live,2026/3/6,2026/3/6,pm,Plant 1,First users submit **real** reports.\r\n"
        + "M2,Group rollout,2026/4/30,,pm,All plants,\r\n"
        + "M3,Due on the as-of day,2026/3/12,,pm,Plant 2,\r\n"
        + "M4,Due the day before,2026/3/11,,pm,Plant 2,\r\n"

    static let asOf = "2026-03-12"

    static func site() throws -> URL {
        let site = try Fixtures.copy("valid")
        try Data(milestones.utf8).write(to: site.appendingPathComponent("content/milestones.csv"))
        return site
    }

    static func built() throws -> URL {
        let site = try site()
        let result = try Dossier.build(.init(site: site, asOf: .written(asOf)))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        return site.appendingPathComponent("output")
    }

    static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    static func object(_ json: String?) throws -> [String: Any] {
        let text = try #require(json)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theMilestonesPageAndTheDashboardCallOnlyTheDayBeforeOverdue() throws {
        let output = try Self.built()
        let milestones = try Self.page(output, "milestones/index.html")
        #expect(milestones.contains("<li class=\"ms-due-soon\" id=\"milestone-M3\""))
        #expect(milestones.contains("<li class=\"ms-overdue\" id=\"milestone-M4\""))
        let dashboard = try Self.page(output, "index.html")
        #expect(
            dashboard.contains(
                "<li class=\"ms-due-soon\"><span class=\"badge ms-badge-due-soon\">Due soon</span> <span class=\"tl-title\">Due on the as-of day</span>"
            ))
        #expect(
            dashboard.contains(
                "<li class=\"ms-overdue\"><span class=\"badge ms-badge-overdue\">Overdue</span> <span class=\"tl-title\">Due the day before</span>"
            ))
        let exported = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/milestones.json")))
                as? [[String: Any]])
        #expect(exported.map { $0["state"] as? String } == ["done", "planned", "due-soon", "overdue"])
    }

    @Test func theWeeklyReportListsOnlyTheDayBeforeAsOverdue() throws {
        let output = try Self.built()
        for path in ["weekly/2026-W11.html", "weekly/2026-W11.email.html"] {
            let page = try Self.page(output, path)
            let overdue = try #require(page.range(of: "Milestones overdue"), "\(path)")
            let listed = page[overdue.upperBound...]
            #expect(listed.contains("Due the day before"), "\(path)")
            #expect(!page.contains("Due on the as-of day"), "\(path)")
        }
        let weeks = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/weeks.json")))
                as? [[String: Any]])
        let w11 = try #require(weeks.first { $0["week"] as? String == "2026-W11" })
        #expect(w11["milestones_overdue"] as? [String] == ["M4"])
        // W10 ended before either was due.
        let w10 = try #require(weeks.first { $0["week"] as? String == "2026-W10" })
        #expect(w10["milestones_overdue"] as? [String] == [])
    }

    @Test func reportWeeklyInEveryFormatAgrees() throws {
        let site = try Self.site()
        let (json, _) = try Dossier.weeklyReport(site: site, week: nil, asOf: .written(Self.asOf), format: .json)
        let object = try Self.object(json)
        #expect(object["week"] as? String == "2026-W11")
        #expect(object["milestones_overdue"] as? [String] == ["M4"])
        for format in [Dossier.ReportFormat.markdown, .text] {
            let (text, _) = try Dossier.weeklyReport(site: site, week: nil, asOf: .written(Self.asOf), format: format)
            let report = try #require(text)
            #expect(report.contains("Due the day before"), "\(format)")
            #expect(!report.contains("Due on the as-of day"), "\(format)")
        }
        // A day later M3's day has ended too.
        let (later, _) = try Dossier.weeklyReport(site: site, week: nil, asOf: .written("2026-03-13"), format: .json)
        let next = try Self.object(later)
        #expect(next["milestones_overdue"] as? [String] == ["M3", "M4"])
    }
}
