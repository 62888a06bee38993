import DossierFigures
import DossierModel
import Foundation

extension SiteRenderer {
    func dashboardPage() -> PagePlan {
        let page = SitePage.dashboard
        let d = dashboard
        var own: [String: Any] = [
            "counts": [
                "total": d.total, "open": d.open.count, "resolved": d.resolvedCount, "breachedOpen": d.breachedOpen.count,
            ],
            "sla": compact(["met": d.slaMet, "breached": d.slaBreached, "percent": d.slaPercent.map { t.percent($0) }]),
        ]
        if let note = d.latestNote { own["latest"] = noteSummary(note, from: page) }
        if let note = d.previousNote { own["previous"] = noteSummary(note, from: page) }

        let maxAge = max(1, d.ageing.values.max() ?? 1)
        let ageKeys = ["age_0_2", "age_3_7", "age_8_30", "age_over_30"]
        own["ageing"] = AgeBucket.allCases.map { bucket -> [String: Any] in
            let count = d.ageing[bucket] ?? 0
            return ["label": t[ageKeys[bucket.rawValue]], "count": count, "share": count * 100 / maxAge]
        }
        own["openBy"] = openBreakdown(d.open)
        let workload = d.workload.map { row -> [String: Any] in
            [
                "owner": row.owner ?? t["owner_none"], "tier1": row.byTier["1"] ?? 0, "tier2": row.byTier["2"] ?? 0,
                "tier3": row.byTier["3"] ?? 0, "tierNone": row.byTier["none"] ?? 0, "total": row.total,
                "oldestID": row.oldestID, "oldestHref": href(.issue(row.oldestID), from: page),
                "oldestAge": "\(row.oldestAgeDays) \(t["unit_days"])",
            ]
        }
        // A view that hides owners hides their workload; one that shows them as their
        // organisation or role counts it per organisation or role.
        let ownerLabel = ["org": t["team_org"], "role": t["team_role"]][site.view?.people.rawValue ?? ""] ?? t["field_owner"]
        if !workload.isEmpty, site.view?.issueFields.contains("owner") != true {
            own["workload"] = ["rows": workload, "ownerLabel": ownerLabel]
        }
        if site.view != nil {
            own["viewFigures"] = t["view_figures"].replacingOccurrences(of: "{count}", with: t.number(Double(d.total)))
        }
        own["milestones"] = site.milestones.sorted { $0.due < $1.due }.map { milestoneSummary($0) }
        own["onTime"] = onTimeSummary(MilestoneOnTime(site.milestones, by: site.settings.clock.day(of: asOf)))
        if let team = teamTable() { own["team"] = team }

        let weeks = d.weeks.suffix(26)
        let labels = weeks.map { "W\($0.week.week)" }
        own["charts"] = [
            "openedResolved": SVGChart.bars(
                title: t["chart_opened_resolved_title"],
                description: weeks.map {
                    t.labelled(
                        "\($0.week)",
                        "\(t["chart_opened"]) \($0.opened)\(t["list_separator"])\(t["chart_resolved"]) \($0.resolved)")
                }
                .joined(separator: "; "),
                categories: labels,
                series: [
                    .init(label: t["chart_opened"], cssClass: "series-a", values: weeks.map(\.opened)),
                    .init(label: t["chart_resolved"], cssClass: "series-b", values: weeks.map(\.resolved)),
                ]),
            "backlog": SVGChart.lines(
                title: t["chart_backlog_title"],
                description: weeks.map { t.labelled("\($0.week)", "\($0.backlog)") }.joined(separator: "; "),
                categories: labels,
                series: [.init(label: t["chart_backlog"], cssClass: "series-a", values: weeks.map(\.backlog))]),
        ]
        own["slaByCategory"] = site.settings.categories.compactMap { category -> [String: Any]? in
            guard let figures = d.slaByCategory[category.id] else { return nil }
            return compact([
                "label": category.label, "met": figures.met, "breached": figures.breached,
                "percent": figures.percent.map { t.percent($0) },
            ])
        }
        func times(_ stats: [String: ResolutionStats], order: [String], label: (String) -> String) -> [[String: Any]] {
            (order + stats.keys.filter { !order.contains($0) }.sorted()).compactMap { key in
                stats[key].map {
                    ["label": label(key), "count": $0.count, "median": duration($0.medianHours), "p90": duration($0.p90Hours)]
                }
            }
        }
        own["resolveTimes"] = [
            "byTier": times(d.resolutionByTier, order: ["1", "2", "3"]) { $0 == "none" ? tierLabel(nil) : tierLabel(Int($0)) },
            "byCategory": times(d.resolutionByCategory, order: site.settings.categories.map(\.id)) {
                $0 == "none" ? categoryLabel(nil) : categoryLabel($0)
            },
        ]
        own["escalated"] = [
            "total": d.escalatedTotal, "open": d.escalatedOpen, "openText": t.count("dash_escalated_open", d.escalatedOpen),
        ]
        if let note = historyUnavailableNote { own["historyNote"] = note }
        // The whole project's story from git, to the as-of moment.
        if let story = HistoryFigures(site: site, period: Date.distantPast..<Date.distantFuture, end: asOf) {
            own["gitHistory"] = historyContext(story) { page.root + LinkTarget.percentEncodePath($0.path) }
        }
        own["history"] = site.weeklyNotes.filter { $0.week <= site.settings.clock.week(of: asOf) }.reversed()
            .map { noteSummary($0, from: page) }
        own["weeks"] = site.weeklyNotes.filter { $0.week <= site.settings.clock.week(of: asOf) }.suffix(5).reversed()
            .map { noteSummary($0, from: page) }
        return wrap(page, id: "dashboard", template: "dashboard", title: t["title_dashboard"], own)
    }

    /// Open issues counted by tier, category and priority (per owner: the workload table).
    func openBreakdown(_ open: [Issue]) -> [[String: Any]] {
        func group(_ title: String, _ key: (Issue) -> String, order: [String] = []) -> [String: Any] {
            var counts: [String: Int] = [:]
            for issue in open { counts[key(issue), default: 0] += 1 }
            let labels = order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()
            return ["title": title, "rows": labels.map { ["label": $0, "count": counts[$0]!] }]
        }
        return [
            group(t["by_tier"], { tierLabel($0.tier) }, order: [1, 2, 3].map { tierLabel($0) } + [t["tier_none"]]),
            group(t["by_category"], { categoryLabel($0.category) }, order: site.settings.categories.map(\.label)),
            group(
                t["by_priority"], { t.label("priority", $0.priority.rawValue) },
                order: IssuePriority.allCases.reversed().map { t.label("priority", $0.rawValue) }),
        ]
    }

    /// Hours as people say them: `45 min`, `3.5 h`, `2.1 d` (`3,5 ч` in Russian) in the page's language.
    func duration(_ hours: Double) -> String {
        if hours < 1 { return "\(Int((hours * 60).rounded())) \(t["unit_minutes"])" }
        if hours < 48 {
            let value = hours < 10 ? (hours * 10).rounded() / 10 : hours.rounded()
            return "\(t.number(value)) \(t["unit_hours"])"
        }
        return "\(t.number((hours / 24 * 10).rounded() / 10)) \(t["unit_days"])"
    }

    func noteSummary(_ note: WeeklyNote, from page: SitePage) -> [String: Any] {
        var summary = compact([
            "week": note.week.description, "href": href(.weekly(note.week), from: page),
            "emailHref": href(.weeklyEmail(note.week), from: page), "status": note.status?.rawValue ?? "none",
            "statusLabel": ragLabel(note.status), "completion": note.completion, "summary": note.summary,
            "range": t.range(note.week),
        ])
        // Mustache cannot compare strings: the mail template picks its inline colour by flag.
        summary["statusIs"] = [note.status?.rawValue ?? "none": true]
        return summary
    }

    /// team.csv as a table: name, role, organisation and every extra column, in file
    /// order; nil without team.csv. Email addresses stay in the records.
    func teamTable() -> [String: Any]? {
        guard site.team.isDeclared, !site.team.members.isEmpty else { return nil }
        var columns: [String] = []
        for member in site.team.members {
            for extra in member.extra where !columns.contains(extra.header) { columns.append(extra.header) }
        }
        let members = site.team.members.map { member -> [String: Any] in
            [
                "name": member.name, "role": member.role.map { t["role_" + $0.rawValue] } ?? "", "org": member.org ?? "",
                "extra": columns.map { header in member.extra.first { $0.header == header }?.value ?? "" },
            ]
        }
        return ["columns": columns, "members": members]
    }

    /// "3 days late" (延期 3 天) for a milestone reached after its due day by `day`; nil for
    /// one reached on time or early, or not reached.
    func slipText(_ milestone: Milestone, on day: CivilDate) -> String? {
        let standing = MilestoneStanding(milestone, on: day)
        guard standing.state == .done, let slip = standing.slipDays, slip > 0 else { return nil }
        return t.count("milestone_slip", slip)
    }

    /// The on-time rate as pages and reports show it: the percent and how many milestones
    /// were reached (`75%`, `of 4 reached`); nil before any is reached.
    func onTimeSummary(_ rate: MilestoneOnTime) -> [String: Any]? {
        guard let percent = rate.percent else { return nil }
        return ["percent": t.percent(percent), "reached": t.count("milestones_reached_count", rate.reached)]
    }

    /// A milestone's due moves from git history, as `Localizer.dueMoves` words them.
    func replannedText(_ milestone: Milestone) -> String? { t.dueMoves(site.history.dueMoves(of: milestone.id)) }

    func milestoneSummary(_ milestone: Milestone) -> [String: Any] {
        let day = site.settings.clock.day(of: asOf)
        let state = milestone.state(on: day)
        return compact([
            "id": milestone.id, "title": milestone.title, "due": t.date(milestone.due), "done": milestone.done.map { t.date($0) },
            "slip": slipText(milestone, on: day), "replanned": replannedText(milestone),
            "state": state.rawValue, "stateLabel": t.label("milestone", state.rawValue),
            "owner": person(milestone.owner), "scope": milestone.scope,
            // Milestones share a page: each description has its own ids.
            "descriptionHTML": html(milestone.description, root: SitePage.milestones.root, ids: .namespaced(milestone.anchor)),
        ])
    }
}
