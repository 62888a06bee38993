import DossierFigures
import DossierModel

extension SiteRenderer {
    func weeklyIndexPage() -> PagePlan {
        let page = SitePage.weeklyIndex
        let weeks = site.weeklyNotes.reversed().map { noteSummary($0, from: page) }
        return wrap(page, id: "weekly-index", template: "weekly-index", title: t["title_weekly"], ["weeks": weeks])
    }

    /// A change against the previous week, shown as an arrow and the difference and
    /// read out in words.
    func change(_ difference: Int) -> [String: Any] {
        let magnitude = String(abs(difference))
        let text = WeekFigureRows.changeText(difference)
        if difference > 0 {
            return [
                "direction": "up", "text": text,
                "description": t["change_more"].replacingOccurrences(of: "{n}", with: magnitude),
            ]
        }
        if difference < 0 {
            return [
                "direction": "down", "text": text,
                "description": t["change_fewer"].replacingOccurrences(of: "{n}", with: magnitude),
            ]
        }
        return ["direction": "same", "text": text, "description": t["change_same"]]
    }

    /// The figures from git history as a page shows them: the counts, the issues that
    /// went up to the vendor (linked by `href`), and the median stay in each open status.
    func historyContext(_ history: HistoryFigures, href: (SitePage) -> String?) -> [String: Any] {
        let vendor: [[String: Any]] = history.escalatedToTier3.compactMap { id in
            site.issue(id).map { compact(["id": id, "href": href(.issue(id)), "title": $0.title]) }
        }
        let medians: [[String: Any]] = IssueStatus.allCases.filter(\.isOpen).compactMap { status in
            history.medianHoursInStatus[status.rawValue].map { hours in
                [
                    "label": statusLabel(status),
                    "value": t["hist_hours"].replacingOccurrences(of: "{n}", with: t.number((hours * 10).rounded() / 10)),
                ]
            }
        }
        return compact([
            "toTier2": history.escalatedToTier2.count, "toTier3": history.escalatedToTier3.count,
            "solvedAtTier1": history.solvedAtTier1, "reopened": history.reopened.count,
            "vendorList": vendor.isEmpty ? nil : ["items": vendor], "medians": medians.isEmpty ? nil : medians,
        ])
    }

    /// Said beside SLA figures when `sla.pause` is set but there is no history to pause
    /// by (no git repository, a shallow clone); nil otherwise.
    var historyUnavailableNote: String? {
        site.settings.slaPause.isEmpty || site.history.isAvailable ? nil : t["history_unavailable_figures"]
    }

    /// The HTML of one week's report page or mail-ready file; nil without a note.
    public func weeklyReport(_ week: ISOWeek, email: Bool) -> String? {
        guard let note = site.weeklyNotes.first(where: { $0.week == week }),
            case .text(let html) = render(weeklyPage(note, email: email)).contents
        else { return nil }
        return html
    }

    /// The weekly report page, or the same report as one mail-ready file. A link in the
    /// mail works from a mail client or is not there: with the project's `base_url` it is
    /// an absolute URI under it (see `BaseURL.address`), without one a link to the site
    /// is left out (its text stays), since relative links lead nowhere from a mail.
    func weeklyPage(_ note: WeeklyNote, email: Bool) -> PagePlan {
        let page: SitePage = email ? .weeklyEmail(note.week) : .weekly(note.week)
        let base = email ? site.settings.baseURL : nil
        let root = page.root
        func href(_ target: SitePage) -> String? {
            if email { return base?.address(of: target.path) }
            return root + LinkTarget.percentEncodePath(target.path)
        }
        let figures = weekFigures[note.week] ?? WeekFigures(site: site, week: note.week, asOf: asOf)
        let previous = weekFigures[note.week.previous] ?? WeekFigures(site: site, week: note.week.previous, asOf: asOf)
        func rows(_ groups: [(key: String, counts: GroupCounts)], label: (String) -> String) -> [[String: Any]] {
            groups.map { key, c in
                ["label": label(key), "opened": c.opened, "resolved": c.resolved, "openAtEnd": c.openAtEnd]
            }
        }
        let headline: [[String: Any]] = WeekFigureRows.headline(figures, since: previous).map { row in
            ["label": t[row.labelKey], "value": row.value, "change": change(row.change)]
        }
        var figureContext: [String: Any] = [
            "headline": headline,
            "opened": figures.opened, "resolved": figures.resolved, "rejected": figures.rejected,
            "openAtEnd": figures.openAtEnd, "slaMet": figures.slaMet, "slaBreached": figures.slaBreached,
            "breachedOpen": figures.breachedOpen,
            "byTier": rows(WeekFigureRows.tiers(figures)) { t.tierRow($0) },
            "byCategory": rows(WeekFigureRows.categories(figures, settings: site.settings)) {
                t.categoryRow($0, settings: site.settings)
            },
        ]
        if let history = figures.history { figureContext["history"] = historyContext(history, href: href) }
        if let note = historyUnavailableNote { figureContext["historyNote"] = note }
        // A report lists the first few; the issue list has them all.
        let breached: [[String: Any]] = figures.breachedOpenIDs.prefix(WeekFigures.listedBreached).compactMap { id in
            guard let issue = site.issue(id) else { return nil }
            return compact([
                "id": id, "href": href(.issue(id)), "title": issue.title,
                "target": timeline.target(issue, at: site.settings.clock.interval(of: note.week).upperBound).map {
                    targetText($0)
                },
            ])
        }
        let milestones = Dictionary(site.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let index = site.weeklyNotes.firstIndex { $0.week == note.week }!
        var week = noteSummary(note, from: page)
        week["href"] = href(.weekly(note.week)).map { $0 as Any }
        week["emailHref"] = href(.weeklyEmail(note.week)).map { $0 as Any }
        week["id"] = note.week.description
        week["attendees"] = note.attendees.map { ["name": site.team.displayName($0)] }
        // A view that hides the attendees says nothing of them, not "none".
        if site.view?.hidesSection("attendees") == true { week["attendeesHidden"] = true }
        let body = html(note.body, root: root, base: base, mailOf: email ? .weekly(note.week) : nil)
        week["bodyHTML"] = (body as Any?) ?? ""
        let judged = WeekFigures.judgingDay(of: note.week, asOf: asOf, clock: site.settings.clock)
        var own: [String: Any] = [
            "week": week, "figures": figureContext, "breachedIssues": breached,
            "milestonesDone": figures.milestonesDone.compactMap { milestones[$0] }.map {
                compact(["id": $0.id, "title": $0.title, "slip": slipText($0, on: judged), "replanned": replannedText($0)])
            },
            "milestonesOverdue": figures.milestonesOverdue.compactMap { milestones[$0] }
                .map { ["id": $0.id, "title": $0.title, "due": t.date($0.due)] },
        ]
        // A note whose status or completion was changed after it was first committed says
        // so, with each version's commit: the report a client saw may differ from today's.
        let versions = (site.history.notes[note.week.description] ?? []).filter { $0.commit.time <= asOf }
        if versions.count > 1 {
            own["statusHistory"] = [
                "items": versions.compactMap { revision -> [String: Any]? in
                    guard let state = revision.state else { return nil }
                    return commitFields(revision.commit).merging(
                        compact([
                            "status": state.status?.rawValue, "statusLabel": ragLabel(state.status),
                            "completion": state.completion.map { "\($0)\(t["percent_sign"])" },
                        ])
                    ) { $1 }
                }
            ]
        }
        own["onTime"] = onTimeSummary(MilestoneOnTime(reached: figures.milestonesReached, onTime: figures.milestonesOnTime))
        if figures.breachedOpen > WeekFigures.listedBreached {
            own["breachedMore"] = compact([
                "href": href(.issueList).map { $0 + "?open=true" },
                "text": t.count("breached_more", figures.breachedOpen - WeekFigures.listedBreached),
            ])
        }
        if index > 0 {
            let previous = site.weeklyNotes[index - 1].week
            own["prev"] = compact(["week": previous.description, "href": href(.weekly(previous))])
        }
        if index + 1 < site.weeklyNotes.count {
            let next = site.weeklyNotes[index + 1].week
            own["next"] = compact(["week": next.description, "href": href(.weekly(next))])
        }
        // One report: "Weekly report 2026-W48" (title_weekly names the list of them).
        let title = "\(t["weekly_report"]) \(note.week)"
        guard email else {
            var plan = wrap(page, id: "weekly", template: "weekly", title: title, own)
            plan.search = SearchPlan(
                title: title, kind: "weekly", lead: note.summary.map { [("", "", $0)] } ?? [], bodies: [body])
            return plan
        }
        var context = common(page, id: "weekly", title: title)
        context["root"] = base?.uri ?? root
        // The one line about the site: where this report is on it, or that its links are
        // left out (the template words it, `t.mail_web_version` and `t.mail_no_links`).
        if let base { own["webHref"] = base.address(of: SitePage.weekly(note.week).path) }
        context.merge(own) { _, new in new }
        return PagePlan(page: page, template: "weekly-email", context: context, scripts: nil)
    }
}
