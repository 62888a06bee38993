import DossierFigures
import DossierModel
import DossierRecords
import DossierSite
import Foundation
import Testing

/// data/weeks.* and data/milestones.* of Fixtures/valid: the JSON is the figures `report
/// weekly` counts, the CSV the same values flattened, the slips counted by hand.
@Suite struct WeekAndMilestoneExportTests {
    /// The fixture built as of Wednesday 2026-03-25 (2026-W13): notes exist for W10 and W11
    /// only, start is 2026-03-02 (W10).
    static func built(asOf: String = "2026-03-25", milestones extra: String = "") throws -> URL {
        let site = try Fixtures.copy("valid")
        if !extra.isEmpty {
            let file = site.appendingPathComponent("content/milestones.csv")
            try Data((String(contentsOf: file, encoding: .utf8) + extra).utf8).write(to: file)
        }
        let result = try Dossier.build(.init(site: site, asOf: .written(asOf)))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        return site.appendingPathComponent("output")
    }

    static func jsonArray(_ url: URL) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    /// The CSV as a spreadsheet reads it: header names and rows of cells by header.
    static func csvRows(_ url: URL) throws -> (header: [String], rows: [[String: String]]) {
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(url.lastPathComponent) has no byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let (table, problems) = CSVParser().parse(text, file: url.lastPathComponent)
        #expect(problems.isEmpty)
        let header = table.header.map(\.value)
        let rows = table.rows.map { row in
            #expect(row.cells.count == header.count)
            return Dictionary(uniqueKeysWithValues: zip(header, row.cells.map(\.value)))
        }
        return (header, rows)
    }

    @Test func weeksAreEveryWeekFromTheStartToTheAsOfWeekWithTheReportsFigures() throws {
        let output = try Self.built()
        let weeks = try Self.jsonArray(output.appendingPathComponent("data/weeks.json"))
        #expect(weeks.map { $0["week"] as? String } == ["2026-W10", "2026-W11", "2026-W12", "2026-W13"])
        let site = try loadValidSite("valid")
        // `--as-of 2026-03-25` is the end of that day in the project's zone.
        let asOf = try #require(site.settings.clock.parse("2026-03-25 23:59:59")).instant
        for entry in weeks {
            let week = try #require(ISOWeek(entry["week"] as! String))
            let expected = try JSONSerialization.jsonObject(
                with: Data(WeekFigures(site: site, week: week, asOf: asOf).json().utf8))
            #expect((entry as NSDictionary).isEqual(expected), "\(week) differs from report weekly's figures")
        }
        // W12 has no note: no status, no completion, still its counts (EX-2 and EX-5 open).
        #expect(weeks[2]["status"] is NSNull && weeks[2]["completion"] is NSNull)
        #expect(weeks[2]["open_at_end"] as? Int == 2)
        // W10 by hand: EX-1 to EX-4 opened; EX-1 closed within its 4 h; EX-4 rejected.
        #expect(weeks[0]["opened"] as? Int == 4)
        #expect(weeks[0]["resolved"] as? Int == 1 && weeks[0]["rejected"] as? Int == 1 && weeks[0]["sla_met"] as? Int == 1)
        #expect(weeks[0]["milestones_done"] as? [String] == ["M1"])
    }

    @Test func theWeeksCSVFlattensEveryCountIntoAFixedSetOfColumns() throws {
        let output = try Self.built()
        let weeks = try Self.jsonArray(output.appendingPathComponent("data/weeks.json"))
        let (header, rows) = try Self.csvRows(output.appendingPathComponent("data/weeks.csv"))
        let counts = ["opened", "resolved", "open_at_end"]
        // The default categories, in their order, and none: present whether or not counted.
        let groups =
            ["1", "2", "3", "none"].flatMap { tier in counts.map { "by_tier.\(tier).\($0)" } }
            + ["operation", "config", "data", "permission", "bug", "requirement", "none"].flatMap { category in
                counts.map { "by_category.\(category).\($0)" }
            }
        #expect(
            header
                == [
                    "week", "week_start", "week_end", "status", "status_label", "completion", "opened", "resolved",
                    "rejected", "open_at_end", "sla_met", "sla_breached", "breached_open",
                ] + groups
                + [
                    "milestones_done", "milestones_overdue", "milestones_reached", "milestones_on_time",
                    "milestones_on_time_percent", "history.escalated_to_tier_2", "history.escalated_to_tier_3",
                    "history.solved_at_tier_1", "history.reopened", "history.median_hours_in_status.open",
                    "history.median_hours_in_status.in-progress", "history.median_hours_in_status.waiting",
                ])
        #expect(rows.count == weeks.count)
        for (row, entry) in zip(rows, weeks) {
            for name in ["week", "opened", "resolved", "rejected", "open_at_end", "sla_met", "sla_breached", "breached_open"] {
                #expect(row[name] == "\(entry[name]!)", "\(row["week"]!) \(name)")
            }
            #expect(row["status"] == (entry["status"] as? String ?? ""))
            #expect(row["completion"] == (entry["completion"] as? Int).map(String.init) ?? "")
            for column in groups {
                let path = column.split(separator: ".").map(String.init)
                let group = (entry[path[0]] as? [String: [String: Int]])?[path[1]]
                #expect(row[column] == String(group?[path[2]] ?? 0), "\(row["week"]!) \(column)")
            }
            #expect(row["milestones_done"] == (entry["milestones_done"] as! [String]).joined(separator: ";"))
            #expect(row["milestones_overdue"] == (entry["milestones_overdue"] as! [String]).joined(separator: ";"))
        }
        #expect(rows.map { $0["week_start"]! } == ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"])
        #expect(rows.map { $0["week_end"]! } == ["2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29"])
        #expect(rows.map { $0["status_label"]! } == ["Green", "Amber", "", ""])
        // EX-5 (data, no SLA met yet) opened in W11; EX-2 (config, tier 2) open throughout.
        #expect(rows[1]["by_category.data.opened"] == "1" && rows[1]["by_tier.2.open_at_end"] == "2")
        // M2 is due 2026-04-30: not overdue in any of these weeks.
        #expect(rows.allSatisfy { $0["milestones_overdue"] == "" })
    }

    /// Milestones added to the fixture's M1 (due and done 2026-03-06) and M2 (due
    /// 2026-04-30), seen as of 2026-03-12: one of each state and slip.
    static let plantedMilestones = """
        M3,Reached late,2026-03-02,2026-03-05,pm,,
        M4,Overdue,2026-03-10,,Ivan Petrov,,
        M5,Reached early,2026-03-20,2026-03-11,,,
        M6,Due soon,2026-03-20,,,,
        M7,Done only after the as-of day,2026-03-01,2026-03-15,,,
        M8,=1+1,2026-04-01,,,,"- a list, in Markdown"
        M9,@SUM(A1),2026-04-01,,,,

        """

    @Test func milestonesCarryThePagesStateAndTheirSlipInDays() throws {
        let output = try Self.built(asOf: "2026-03-12", milestones: Self.plantedMilestones)
        let records = try Self.jsonArray(output.appendingPathComponent("data/milestones.json"))
        func field(_ key: String) -> [String?] {
            records.map { record in record[key].flatMap { $0 is NSNull ? nil : "\($0)" } }
        }
        #expect(field("id") == ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9"])
        #expect(
            field("state") == ["done", "planned", "done", "overdue", "done", "due-soon", "overdue", "planned", "planned"])
        // done − due: 0, 3 (Mar 2 → 5), −9 (Mar 20 → 11); as-of day − due: 2 (Mar 10 → 12),
        // 11 (Mar 1 → 12: reached only on the 15th).
        #expect(field("slip_days") == ["0", nil, "3", "2", "-9", nil, "11", nil, nil])
        #expect(field("owner") == ["pm", "pm", "pm", "Ivan Petrov", nil, nil, nil, nil, nil])
        #expect(
            field("owner_name") == ["Paula Manager", "Paula Manager", "Paula Manager", "Ivan Petrov", nil, nil, nil, nil, nil])
        #expect(field("done")[6] == "2026-03-15")
        #expect(records[0]["description"] as? String == "First users submit **real** reports.")
        #expect(records[0]["extra"] as? [String: String] == [:])
        #expect(records[7]["title"] as? String == "=1+1")

        let (header, rows) = try Self.csvRows(output.appendingPathComponent("data/milestones.csv"))
        #expect(
            header == [
                "id", "title", "due", "done", "state", "state_label", "slip_days", "owner", "owner_name", "scope",
                "description", "baseline_due", "due_moves", "due_moved_days",
            ])
        #expect(
            rows.map { $0["state_label"]! } == [
                "Done", "Planned", "Done", "Overdue", "Done", "Due soon", "Overdue", "Planned", "Planned",
            ])
        #expect(rows.map { $0["slip_days"]! } == ["0", "", "3", "2", "-9", "", "11", "", ""])
        #expect(rows[0]["due"] == "2026-03-06" && rows[0]["done"] == "2026-03-06" && rows[0]["scope"] == "Plant 1")
        // Formula-like text is text in a spreadsheet; the JSON keeps it as written.
        #expect(rows[7]["title"] == "'=1+1" && rows[7]["description"] == "'- a list, in Markdown")
        #expect(rows[8]["title"] == "'@SUM(A1)")
    }

    @Test func aSiteWithoutMilestonesHasEmptyMilestoneExports() throws {
        let site = try Fixtures.copy("valid")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/milestones.csv"))
        let issues = site.appendingPathComponent("content/issues.csv")
        // Without milestones.csv the issues' Target version names nothing.
        try Data(String(contentsOf: issues, encoding: .utf8).replacingOccurrences(of: ",M1,", with: ",,").utf8).write(to: issues)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        let output = site.appendingPathComponent("output")
        #expect(try String(contentsOf: output.appendingPathComponent("data/milestones.json"), encoding: .utf8) == "[]\n")
        let (header, rows) = try Self.csvRows(output.appendingPathComponent("data/milestones.csv"))
        #expect(header.first == "id" && rows.isEmpty)
    }
}
