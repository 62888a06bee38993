import DossierFigures
import DossierModel

extension SiteRenderer {
    func weeklyIndexPage() -> OutputFile {
        let page = SitePage.weeklyIndex
        let weeks = site.weeklyNotes.reversed().map { noteSummary($0, from: page) }
        return wrap(page, id: "weekly-index", template: "weekly-index", title: t["title_weekly"], ["weeks": weeks])
    }

    /// The HTML of one week's report page or mail-ready file; nil without a note.
    public func weeklyReport(_ week: ISOWeek, email: Bool) -> String? {
        guard let note = site.weeklyNotes.first(where: { $0.week == week }),
            case .text(let html) = weeklyPage(note, email: email).contents
        else { return nil }
        return html
    }

    /// The weekly report page, or the same report as one mail-ready file.
    func weeklyPage(_ note: WeeklyNote, email: Bool) -> OutputFile {
        let page: SitePage = email ? .weeklyEmail(note.week) : .weekly(note.week)
        let figures = WeekFigures(site: site, week: note.week)
        func rows(_ groups: [String: GroupCounts], order: [String], label: (String) -> String) -> [[String: Any]] {
            let keys = order.filter { groups[$0] != nil } + groups.keys.filter { !order.contains($0) }.sorted()
            return keys.compactMap { key in
                guard let c = groups[key], c.opened + c.resolved + c.openAtEnd > 0 else { return nil }
                return ["label": label(key), "opened": c.opened, "resolved": c.resolved, "openAtEnd": c.openAtEnd]
            }
        }
        let figureContext: [String: Any] = [
            "opened": figures.opened, "resolved": figures.resolved, "rejected": figures.rejected,
            "openAtEnd": figures.openAtEnd, "slaMet": figures.slaMet, "slaBreached": figures.slaBreached,
            "breachedOpen": figures.breachedOpen,
            "byTier": rows(figures.byTier, order: ["1", "2", "3", "none"]) { $0 == "none" ? tierLabel(nil) : tierLabel(Int($0)) },
            "byCategory": rows(figures.byCategory, order: site.settings.categories.map(\.id)) { $0 == "none" ? categoryLabel(nil) : categoryLabel($0) },
        ]
        let breached: [[String: Any]] = figures.breachedOpenIDs.compactMap { id in
            guard let issue = site.issue(id) else { return nil }
            return compact([
                "id": id, "href": href(.issue(id), from: page), "title": issue.title,
                "target": timeline.target(issue).map { targetText($0) },
            ])
        }
        let milestones = Dictionary(site.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let index = site.weeklyNotes.firstIndex { $0.week == note.week }!
        var week = noteSummary(note, from: page)
        week["id"] = note.week.description
        week["attendees"] = note.attendees.map { ["name": site.team.displayName($0)] }
        week["bodyHTML"] = html(note.body, root: page.root) ?? ""
        var own: [String: Any] = [
            "week": week, "figures": figureContext, "breachedIssues": breached,
            "milestonesDone": figures.milestonesDone.compactMap { milestones[$0] }.map { ["id": $0.id, "title": $0.title] },
            "milestonesOverdue": figures.milestonesOverdue.compactMap { milestones[$0] }
                .map { ["id": $0.id, "title": $0.title, "due": t.date($0.due)] },
        ]
        if index > 0 {
            let previous = site.weeklyNotes[index - 1].week
            own["prev"] = ["week": previous.description, "href": href(.weekly(previous), from: page)]
        }
        if index + 1 < site.weeklyNotes.count {
            let next = site.weeklyNotes[index + 1].week
            own["next"] = ["week": next.description, "href": href(.weekly(next), from: page)]
        }
        let title = "\(t["title_weekly"]) \(note.week)"
        guard email else { return wrap(page, id: "weekly", template: "weekly", title: title, own) }
        var context = common(page, id: "weekly", title: title)
        context.merge(own) { _, new in new }
        return OutputFile(path: page.path, contents: .text(theme.render("weekly-email", context)), template: "weekly-email")
    }
}
