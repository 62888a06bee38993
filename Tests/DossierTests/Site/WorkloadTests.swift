import DossierSite
import Foundation
import Testing

/// The dashboard's workload table, counted by hand: Fixtures/figures with its issues
/// replaced by a Redmine export saved again by Excel ("CSV UTF-8": byte-order mark, CRLF)
/// and a team.csv, built as of 2026-03-12 (the end of that day, Asia/Shanghai).
///
/// Open then: vera W-3 (tier 3, Mar 2 → 10 days), W-4 (tier 3, Feedback: waiting is
/// open, Mar 3 → 9), W-5 (no tier, Mar 10 → 2); ann W-9 (tier 2, Mar 4 → 8), W-8 (tier 1,
/// Mar 9 → 3); ivan W-1 (tier 1, Mar 1 10:00 → 11) and W-2 written with his name
/// (tier 2, Mar 5 → 7); no owner W-7 (tier 1, Mar 11 → 1). W-6 is closed; W-10 is opened
/// after the as-of day. Vera leads with 3; Ann Key and Ivan Petrov have 2 each and go by
/// name; the issues without an owner last.
@Suite struct WorkloadTests {
    static let issues =
        "\u{FEFF}#,Tracker,Status,Priority,Subject,Assignee,Created,Closed,Tier\r\n"
        + "W-1,Support,New,Normal,Login loops,ivan,2026-03-01 10:00,,1\r\n"
        + "W-2,Support,In Progress,High,Approval stuck,Ivan Petrov,2026-03-05 09:00,,2\r\n"
        + "W-3,Bug,In Progress,Urgent,Budget check fails,vera,2026-03-02 11:00,,3\r\n"
        + "W-4,Bug,Feedback,Normal,\"Report totals, wrong\",vera,2026-03-03 14:00,,3\r\n"
        + "W-5,Support,New,Low,Export to 1C,vera,2026-03-10 08:30,,\r\n"
        + "W-6,Bug,Closed,Normal,Old defect,ivan,2026-02-20 10:00,2026-03-01 12:00,3\r\n"
        + "W-7,Support,New,Normal,Who owns this,,2026-03-11 16:00,,1\r\n"
        + "W-8,Support,New,Normal,Password policy,ann,2026-03-09 09:00,,1\r\n"
        + "W-9,Feature,New,Normal,Project code field,ann,2026-03-04 10:00,,2\r\n"
        + "W-10,Support,New,Normal,Tomorrow's question,pm,2026-03-13 09:00,,1\r\n"

    static let team =
        "id,name,role,org,email\r\nann,Ann Key,key-user,Plant 1,\r\nivan,Ivan Petrov,internal-consultant,Group IT,\r\n"
        + "vera,Vera Vendor,vendor-consultant,Vendor Ltd,\r\npm,Paula Manager,pm,Group IT,\r\n"

    @Test func theDashboardListsOwnersByLoadWithTheirOldestOpenIssue() throws {
        let site = try Fixtures.copy("figures")
        let content = site.appendingPathComponent("content")
        try Data(Self.issues.utf8).write(to: content.appendingPathComponent("issues.csv"))
        try Data(Self.team.utf8).write(to: content.appendingPathComponent("team.csv"))
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(!result.report.diagnostics.hasErrors, "\(result.report.diagnostics.items.map(\.message))")
        let page = try String(contentsOf: site.appendingPathComponent("output/index.html"), encoding: .utf8)
        let table = try #require(page.range(of: "<table class=\"mini workload\">"))
        let end = try #require(page.range(of: "</table>", range: table.upperBound..<page.endIndex))
        let rows = page[table.upperBound..<end.lowerBound].components(separatedBy: "\n").filter {
            $0.hasPrefix("<tr><th scope=\"row\">")
        }
        func row(_ owner: String, _ tiers: [Int], _ total: Int, _ oldest: String, _ days: Int) -> String {
            "<tr><th scope=\"row\">\(owner)</th>" + (tiers + [total]).map { "<td class=\"num\">\($0)</td>" }.joined()
                + "<td><a href=\"issues/\(oldest).html\">\(oldest)</a> \(days) d</td></tr>"
        }
        #expect(
            rows == [
                row("Vera Vendor", [0, 0, 2, 1], 3, "W-3", 10),
                row("Ann Key", [1, 1, 0, 0], 2, "W-9", 8),
                row("Ivan Petrov", [1, 1, 0, 0], 2, "W-1", 11),
                row("Unassigned", [1, 0, 0, 0], 1, "W-7", 1),
            ])
        #expect(page.contains("<caption>Open issues by owner</caption>"))
    }
}
