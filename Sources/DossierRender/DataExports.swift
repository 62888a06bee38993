import DossierFigures
import DossierModel
import DossierOutput
import DossierUtilities
import Foundation

/// The files under data/, for tools and spreadsheets: each record kind once as JSON (text
/// exactly as written, keys sorted, every key present) and once as CSV (a UTF-8 byte-order
/// mark for Excel, labels in the site's language beside the ids, formula-like text cells
/// neutralised). docs/records.md lists every column.
extension SiteRenderer {
    /// data/issues.json and data/issues.csv: the normalised list with computed fields.
    func issueExports() -> [OutputFile] {
        let clock = site.settings.clock
        // Each id with its label in the site's language beside it (已关闭 next to closed), for
        // people reading the CSV in a spreadsheet; the ids stay for tools.
        let columns = [
            "id", "title", "status", "status_label", "opened", "resolved", "tier", "tier_label", "category",
            "category_label", "priority", "priority_label", "module", "reporter", "owner", "due", "milestone", "tags",
            "target", "sla", "sla_label", "age_days", "hours_to_resolve", "description", "resolution",
        ].filter { site.view?.issueFields.contains($0) != true }
        func iso(_ time: RecordTime?) -> String? {
            guard let time else { return nil }
            return time.isDateOnly ? time.day.description : Self.rfc3339(time.instant, zone: clock.timeZone)
        }
        var json = JSONText.ArrayWriter()
        var csv = "\u{FEFF}" + Self.csvRecord(columns)
        for issue in site.issues {
            let target = timeline.target(issue, at: asOf)
            let sla = timeline.slaState(issue, at: asOf)
            let values: [String: Any?] = [
                "id": issue.id, "title": issue.title, "status": issue.status.rawValue, "opened": iso(issue.opened),
                "resolved": iso(issue.resolved), "tier": issue.tier, "category": issue.category,
                "priority": issue.priority.rawValue, "module": issue.module, "reporter": issue.reporter, "owner": issue.owner,
                "due": iso(issue.due), "milestone": issue.milestone, "tags": issue.tags.joined(separator: ";"),
                "target": target.map { $0.byDay ? $0.day.description : Self.rfc3339($0.instant, zone: clock.timeZone) },
                "sla": sla.rawValue, "age_days": timeline.ageInDays(issue, at: asOf),
                "hours_to_resolve": timeline.hoursToResolve(issue).map { (($0 * 100).rounded() / 100) },
                "status_label": statusLabel(issue.status), "tier_label": issue.tier.map { tierLabel($0) },
                "category_label": issue.category.map { categoryLabel($0) },
                "priority_label": t.label("priority", issue.priority.rawValue),
                "sla_label": t.label("sla", sla.rawValue),
                // The Markdown as written in the record.
                "description": issue.description.map(site.exportedSource),
                "resolution": issue.resolution.map(site.exportedSource),
            ]
            // Every column, null when the record has no value; tags as an array, unknown
            // columns under "extra".
            var record = columns.map { column in
                (column, column == "tags" ? .array(issue.tags.map { .string($0) }) : Self.jsonCell(values[column] ?? nil))
            }
            record.append(("extra", Self.extraObject(issue.extra)))
            json.append(.object(record.sorted { $0.0 < $1.0 }))
            csv += Self.csvRecord(columns.map { values[$0] ?? nil })
        }
        return [
            OutputFile(path: "data/issues.json", contents: .text(json.finish(suffix: "\n"))),
            OutputFile(path: "data/issues.csv", contents: .text(csv)),
        ]
    }

    /// The weeks of data/weeks.*: every ISO week from the project's start week (`start`,
    /// else the first issue's) to the as-of week, as the dashboard's series counts them;
    /// weeks without a note included, so a chart over time has no gaps.
    var exportWeeks: [ISOWeek] { dashboard.weeks.map(\.week) }

    /// data/weeks.json and data/weeks.csv: each week's figures, as `report weekly --format
    /// json` prints them (`WeekFigures`, counted once per week for the whole build).
    ///
    /// The JSON is an array of exactly those objects, oldest week first. The CSV has one
    /// row per week and a fixed set of columns for a BI tool: each count of `by_tier` and
    /// `by_category` is a column named by its path in the JSON (`by_tier.1.opened`,
    /// `by_category.config.open_at_end`), for tiers 1, 2, 3 and none and for every
    /// category of project.yml and none, 0 where the JSON has no entry; id lists are joined
    /// with `;`; `week_start` and `week_end` are the week's Monday and Sunday in the
    /// project's zone; `status_label` is the status's word in the site's language. The
    /// `history.*` columns are the counts and the medians of the JSON's `history` object,
    /// empty without git history (a median also where no stay ended that week).
    func weekExports() -> [OutputFile] {
        let weeks = exportWeeks
        let figures = weeks.map { weekFigures[$0] ?? WeekFigures(site: site, week: $0, asOf: asOf) }
        let counts = ["opened", "resolved", "open_at_end"]
        let tiers = ["1", "2", "3", "none"]
        let categoryIDs = site.settings.categories.map(\.id)
        // A category named `none` is the same entry of the JSON as the issues without one.
        let categories = categoryIDs + (categoryIDs.contains("none") ? [] : ["none"])
        let columns =
            [
                "week", "week_start", "week_end", "status", "status_label", "completion", "opened", "resolved", "rejected",
                "open_at_end", "sla_met", "sla_breached", "breached_open",
            ] + tiers.flatMap { tier in counts.map { "by_tier.\(tier).\($0)" } }
            + categories.flatMap { category in counts.map { "by_category.\(category).\($0)" } }
            + [
                "milestones_done", "milestones_overdue", "milestones_reached", "milestones_on_time",
                "milestones_on_time_percent", "history.escalated_to_tier_2", "history.escalated_to_tier_3",
                "history.solved_at_tier_1", "history.reopened", "history.median_hours_in_status.open",
                "history.median_hours_in_status.in-progress", "history.median_hours_in_status.waiting",
            ]
        func cells(_ group: GroupCounts?) -> [Any?] { [group?.opened ?? 0, group?.resolved ?? 0, group?.openAtEnd ?? 0] }
        var csv = "\u{FEFF}" + Self.csvRecord(columns)
        for (week, figure) in zip(weeks, figures) {
            var row: [Any?] = [
                figure.week, week.monday.description, week.sunday.description, figure.status,
                figure.status.map { t["rag_" + $0] }, figure.completion, figure.opened, figure.resolved, figure.rejected,
                figure.openAtEnd, figure.slaMet, figure.slaBreached, figure.breachedOpen,
            ]
            row += tiers.flatMap { cells(figure.byTier[$0]) }
            row += categories.flatMap { cells(figure.byCategory[$0]) }
            row += [
                figure.milestonesDone.joined(separator: ";"), figure.milestonesOverdue.joined(separator: ";"),
                figure.milestonesReached, figure.milestonesOnTime, figure.milestonesOnTimePercent,
                figure.history?.escalatedToTier2.count, figure.history?.escalatedToTier3.count,
                figure.history?.solvedAtTier1, figure.history?.reopened.count,
            ]
            for status in ["open", "in-progress", "waiting"] {
                row.append(figure.history?.medianHoursInStatus[status].map { ($0 * 10).rounded() / 10 })
            }
            csv += Self.csvRecord(row)
        }
        return [
            OutputFile(path: "data/weeks.json", contents: .text(JSONText.pretty(.array(figures.map(\.jsonValue))) + "\n")),
            OutputFile(path: "data/weeks.csv", contents: .text(csv)),
        ]
    }

    /// data/milestones.json and data/milestones.csv: every milestone in file order, with
    /// its state on the as-of day as the milestones page shows it and its slip in days
    /// (`MilestoneStanding`). Dates are days in the project's zone (`2026-03-06`).
    func milestoneExports() -> [OutputFile] {
        let today = site.settings.clock.day(of: asOf)
        let columns = [
            "id", "title", "due", "done", "state", "state_label", "slip_days", "owner", "owner_name", "scope", "description",
            "baseline_due", "due_moves", "due_moved_days",
        ]
        var records: [JSONText.Value] = []
        var csv = "\u{FEFF}" + Self.csvRecord(columns)
        for milestone in site.milestones {
            let standing = MilestoneStanding(milestone, on: today)
            let moves = site.history.dueMoves(of: milestone.id)
            let values: [String: Any?] = [
                "id": milestone.id, "title": milestone.title, "due": milestone.due.description,
                "done": milestone.done?.description, "state": standing.state.rawValue,
                "state_label": t.label("milestone", standing.state.rawValue), "slip_days": standing.slipDays,
                // As written in the record, and the team.csv name it stands for (as the page shows it).
                "owner": milestone.owner, "owner_name": person(milestone.owner), "scope": milestone.scope,
                "description": milestone.description.map(site.exportedSource),
                // From git history: the first due recorded, how often it moved, by how much.
                "baseline_due": moves?.baseline.description, "due_moves": moves?.moves, "due_moved_days": moves?.days,
            ]
            var record = columns.map { ($0, Self.jsonCell(values[$0] ?? nil)) }
            record.append(("extra", Self.extraObject(milestone.extra)))
            records.append(.object(record.sorted { $0.0 < $1.0 }))
            csv += Self.csvRecord(columns.map { values[$0] ?? nil })
        }
        return [
            OutputFile(path: "data/milestones.json", contents: .text(JSONText.pretty(.array(records)) + "\n")),
            OutputFile(path: "data/milestones.csv", contents: .text(csv)),
        ]
    }

    /// A JSON value of an export's cell: text, a whole number, a decimal, else null.
    static func jsonCell(_ value: Any?) -> JSONText.Value {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .int(number)
        case let number as Double: return .double(number)
        default: return .null
        }
    }

    /// A record's columns without a field, by header, sorted; `{}` when it has none, so
    /// tools can rely on the key. A header written several times (Jira's Sprint, Comment)
    /// has its values joined by a line break.
    static func extraObject(_ fields: [(header: String, value: String)]) -> JSONText.Value {
        var extra: [(String, String)] = []
        for field in fields {
            if let index = extra.firstIndex(where: { $0.0 == field.header }) {
                extra[index].1 += "\n" + field.value
            } else {
                extra.append((field.header, field.value))
            }
        }
        return .object(extra.sorted { $0.0 < $1.0 }.map { ($0.0, .string($0.1)) })
    }

    /// One CSV record ending in CRLF: text cells made safe (`spreadsheetSafe`) and quoted
    /// where needed, numbers as the JSON writes them (`49`, not `49.0`), nil as an empty cell.
    static func csvRecord(_ cells: [Any?]) -> String {
        cells.map { cell -> String in
            switch cell {
            case let text as String: return csvField(spreadsheetSafe(text))
            case let number as Double: return JSONText.pretty(.double(number))
            case let value?: return csvField("\(value)")
            case nil: return ""
            }
        }
        .joined(separator: ",") + "\r\n"
    }

    /// A text cell a spreadsheet would run as a formula — one starting with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return — with a `'` in front, as OWASP's "CSV Injection"
    /// page recommends: Excel, LibreOffice and WPS then show it as text. Numbers are not
    /// text cells and are written as they are; the JSON exports keep the text unchanged.
    static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return text }
        return "\"" + text.replacingEvery("\"", with: "\"\"") + "\""
    }
}
