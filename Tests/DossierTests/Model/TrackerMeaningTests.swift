import DossierDiagnostics
import DossierModel
import DossierRecords
import DossierSite
import Foundation
import Testing

/// What a tracker's export means beyond its columns: Redmine leaves Closed empty for
/// Resolved issues, names milestones by version name, and teams write RAG and headers in
/// their own language.
@Suite struct TrackerMeaningTests {
    func load(_ name: String) throws -> (Site, [Diagnostic]) {
        let (raw, loadProblems) = try SiteLoader().load(Fixtures.site(name))
        let (site, problems) = SiteValidator().validate(raw)
        return (site, loadProblems.items + problems.items)
    }

    func moscow(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text + "+03:00")!
    }

    @Test func redmineRussianResolvedIssuesTakeTheirUpdatedTime() throws {
        let (site, diagnostics) = try load("exports/redmine-ru-resolved")
        // One warning for the file, at the Updated header, giving the count and the rule.
        #expect(diagnostics.count == 1)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.rule == .issueResolved)
        #expect(warning.location == SourceLocation(file: "content/issues.csv", line: 1, column: 75))
        #expect(warning.message.description.hasPrefix("2 resolved, closed or rejected issues (the first at line 2)"))
        #expect(warning.message.description.contains("\"Обновлено\"") && warning.message.description.contains("\"Закрыта\""))

        #expect(site.issues.map(\.id) == ["401", "402", "403", "404"])
        #expect(site.issues.map(\.status) == [.resolved, .closed, .inProgress, .resolved])
        // Решена without Закрыта: resolved at Обновлено; Закрыта filled: taken as written.
        #expect(site.issues[0].resolved?.instant == moscow("2026-11-05T17:20:00"))
        #expect(site.issues[1].resolved?.instant == moscow("2026-11-06T09:00:00"))
        #expect(site.issues[2].resolved == nil)
        #expect(site.issues[3].resolved?.instant == moscow("2026-11-07T12:00:00"))
        #expect(site.issues[0].updated?.instant == moscow("2026-11-05T17:20:00"))
        // Updated stays visible as the export's own column.
        #expect(site.issues[0].extra.contains { $0.header == "Обновлено" && $0.value == "05.11.2026 17:20" })
    }

    @Test func milestonesAreNamedByIdTitleOrMappedName() throws {
        let (site, _) = try load("exports/redmine-ru-resolved")
        // Пилотный запуск and Тиражирование are titles, M2 an id, Релиз 2.0 mapped in project.yml.
        #expect(site.issues.map(\.milestone) == ["M1", "M2", "M2", "M2"])
    }

    @Test func russianMilestoneHeadersAndExtraColumnsAreKept() throws {
        let (site, _) = try load("exports/redmine-ru-resolved")
        #expect(site.milestones.map(\.id) == ["M1", "M2", "M3"])
        #expect(site.milestones.map(\.title) == ["Пилотный запуск", "Тиражирование", "Закрытие года"])
        #expect(site.milestones[0].due == CivilDate(year: 2026, month: 11, day: 6))
        #expect(site.milestones[2].extraValue("Функция") == "Бухгалтерия")
        #expect(site.milestones[1].extraValue("территория") == "Регионы")
        #expect(site.settings.milestoneGroups?.map(\.name) == ["функция", "территория"])
    }

    @Test func redmineChineseResolvedAndTargetVersionNames() throws {
        let (site, diagnostics) = try load("exports/redmine-zh-resolved")
        #expect(diagnostics.map(\.rule) == [.issueResolved])
        #expect(diagnostics.first?.message.description.hasPrefix("1 resolved, closed or rejected issue (line 2)") == true)
        #expect(site.issues.map(\.status) == [.resolved, .closed, .inProgress])
        let shanghai = ISO8601DateFormatter().date(from: "2026-11-05T17:20:00+08:00")!
        #expect(site.issues[0].resolved?.instant == shanghai)
        #expect(site.issues.map(\.milestone) == ["M1", "M1", "M2"])
        // 编号, 里程碑, 计划完成日期, 实际完成日期, 负责人, 范围, 说明.
        #expect(site.milestones.map(\.title) == ["试点上线", "全面推广"])
        #expect(site.milestones[0].done == CivilDate(year: 2026, month: 11, day: 6))
        #expect(site.milestones.map(\.scope) == ["集团总部", "全集团"])
        #expect(site.milestones[0].description != nil)
    }

    /// The exported data carries the resolved time read from Updated and the milestone ids.
    @Test func exportedDataHoldsTheValuesRead() throws {
        let site = try Fixtures.copy("exports/redmine-ru-resolved")
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-11-10")))
        #expect(!result.report.diagnostics.hasErrors)
        let data = try Data(contentsOf: site.appendingPathComponent("output/data/issues.json"))
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(
            issues.map { $0["resolved"] as? String } == [
                "2026-11-05T17:20:00+03:00", "2026-11-06T09:00:00+03:00", nil, "2026-11-07T12:00:00+03:00",
            ])
        #expect(issues.map { $0["milestone"] as? String } == ["M1", "M2", "M2", "M2"])
        #expect(issues.map { $0["status"] as? String } == ["resolved", "closed", "in-progress", "resolved"])
        // [[M…]] targets exist: every milestone has its anchor, grouped by function.
        let page = try String(contentsOf: site.appendingPathComponent("output/milestones/index.html"), encoding: .utf8)
        for id in ["M1", "M2", "M3"] { #expect(page.contains("id=\"milestone-\(id)\"")) }
        #expect(page.contains("<h2 class=\"ms-group-title\">Казначейство</h2>"))
        #expect(page.contains("<label for=\"filter-f1\">территория</label>"))
        #expect(page.contains("<dt>территория</dt><dd>Москва</dd>"))
    }

    @Test(arguments: [
        ("green", RAGStatus.green), ("G", .green), ("绿灯", .green), ("Зелёный", .green), ("зеленый", .green),
        ("amber", .amber), ("a", .amber), ("黄灯", .amber), ("жёлтый", .amber), ("ЖЕЛТЫЙ", .amber),
        ("Red", .red), ("R", .red), ("红灯", .red), ("红", .red), ("红色", .red), ("красный", .red),
        ("Yellow", .amber), ("黄色", .amber), ("绿色", .green),
    ])
    func ragWordsOfEveryLanguage(_ written: String, _ status: RAGStatus) {
        #expect(RAGStatus(word: written) == status)
    }

    @Test(arguments: ["blue", "purple", "", "红绿灯", "gr"])
    func otherWordsAreNoRAGStatus(_ written: String) {
        #expect(RAGStatus(word: written) == nil)
    }

    @Test func milestoneAnchorsAreValidIds() {
        #expect(Milestone.anchor(for: "M3") == "milestone-M3")
        #expect(Milestone.anchor(for: "Веха 1/2") == "milestone-Веха_20_1_2f_2")
        #expect(Milestone.anchor(for: "试点.v2_a") == "milestone-试点.v2_5f_a")
        // Ids that differ only in a character other than a letter or digit keep apart.
        #expect(Milestone.anchor(for: "M/1") != Milestone.anchor(for: "M-1"))
    }
}

/// `[[M1]]` in a note becomes a link to the milestone's entry, and the built site's link
/// check finds that entry.
@Suite struct MilestoneReferenceTests {
    @Test func aMilestoneReferenceLinksItsEntry() throws {
        let site = try Fixtures.copy("invalid/valid-milestone-reference")
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-11-10")))
        #expect(result.report.diagnostics.items.isEmpty)
        let page = try String(contentsOf: site.appendingPathComponent("output/weekly/2026-W45.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../milestones/index.html#milestone-M1\">M1</a>"))
        #expect(page.contains("<a href=\"../milestones/index.html#milestone-M1\">the pilot</a>"))
        let milestones = try String(contentsOf: site.appendingPathComponent("output/milestones/index.html"), encoding: .utf8)
        #expect(milestones.contains("id=\"milestone-M1\""))
    }
}

/// team.csv's people, with its extra columns, are shown on the dashboard.
@Suite struct TeamTableTests {
    @Test func theDashboardListsTheTeamWithItsOwnColumns() throws {
        let site = try Fixtures.copy("invalid/valid-team-russian-headers")
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-12-01")))
        #expect(result.report.diagnostics.items.isEmpty)
        let page = try String(contentsOf: site.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(page.contains("<h2 id=\"dash-team-h\">Project team</h2>"))
        #expect(page.contains("<th scope=\"col\">Organisation</th><th scope=\"col\">Телефон</th>"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">Пётр Смирнов</th><td>Internal consultant</td><td>ИТ-служба</td><td>+7 495 000-00-00</td></tr>"
            ))
    }
}
