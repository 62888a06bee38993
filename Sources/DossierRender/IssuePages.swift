import DossierFigures
import DossierModel
import DossierTemplates
import DossierUtilities
import Foundation

extension SiteRenderer {
    /// The issue list's number of pages: `issues.page_size` rows each, in the list's
    /// order; one page when the size is 0, the list fits, or `ignoresPages`.
    static func issueListPages(_ site: Site, ignoresPages: Bool) -> Int {
        let size = site.settings.issuePageSize
        // A size of the list or more (up to Int.max) is one page, without overflowing.
        guard size > 0, site.issues.count > size, !ignoresPages else { return 1 }
        return (site.issues.count - 1) / size + 1
    }

    /// True when the list would be paged but the site's own issues.mustache never names
    /// `pagination` (a template written before pages): it then stays one page, as that
    /// template expects, rather than showing the first page with no way to the others.
    static func issueTemplateIgnoresPages(_ site: Site, theme: Theme) -> Bool {
        let size = site.settings.issuePageSize
        return size > 0 && site.issues.count > size && theme.texts["issues"]?.contains("pagination") == false
    }

    /// Page `index` (from 0) of the issue list.
    static func issueListPage(at index: Int) -> SitePage { index == 0 ? .issueList : .issueListPage(index + 1) }

    /// Where the rows script of a paged issue list's page goes: `rows.js` in the page's
    /// folder, so the links in it resolve from the script's address as from the page's.
    static func rowsScriptPath(of page: SitePage) -> String? {
        switch page {
        case .issueList, .issueListPage: return (page.path as NSString).deletingLastPathComponent + "/rows.js"
        default: return nil
        }
    }

    /// A paged issue list's page as a script, for the theme's script to sort and filter
    /// across every page: `window.dossierPage("<!DOCTYPE html>…");`. A script rather than
    /// JSON, because browsers refuse `fetch()` from `file://`.
    static func rowsScript(_ html: String) -> String { "window.dossierPage(" + JSONText.scriptString(html) + ");\n" }

    func issueListPage(_ index: Int) -> PagePlan {
        let page = Self.issueListPage(at: index)
        let pages = issueListPages
        let size = site.settings.issuePageSize
        let slice = pages > 1 ? site.issues[(index * size)..<min(site.issues.count, (index + 1) * size)] : site.issues[...]
        let rows: [[String: Any]] = slice.map { issue in
            let sla = timeline.slaState(issue, at: asOf)
            var row: [String: Any] = compact([
                "id": issue.id, "href": href(.issue(issue.id), from: page), "title": issue.title,
                "status": issue.status.rawValue, "statusLabel": statusLabel(issue.status),
                "open": issue.status.isOpen ? true : nil,
                "priority": issue.priority.rawValue, "priorityLabel": t.label("priority", issue.priority.rawValue),
                "tier": issue.tier.map(String.init), "tierLabel": tierLabel(issue.tier),
                "category": issue.category, "categoryLabel": categoryLabel(issue.category), "owner": person(issue.owner),
                "opened": t.time(issue.opened, clock: site.settings.clock), "openedSort": timeSortKey(issue.opened),
                "resolved": issue.resolved.map { t.time($0, clock: site.settings.clock) },
                "resolvedSort": issue.resolved.map(timeSortKey),
                "sla": sla.rawValue, "slaLabel": t.label("sla", sla.rawValue),
            ])
            row["priorityRank"] = issue.priority.rank
            return row
        }
        let filters: [String: Any] = [
            "statuses": IssueStatus.allCases.map { ["value": $0.rawValue, "label": statusLabel($0)] },
            // Rows without a tier or category are filtered as `none`: offered when there are any.
            "tiers": [1, 2, 3].map { ["value": String($0), "label": tierLabel($0)] }
                + (site.issues.contains { $0.tier == nil } ? [["value": "none", "label": tierLabel(nil)]] : []),
            "categories": site.settings.categories.map { ["value": $0.id, "label": $0.label] }
                + (site.issues.contains { $0.category == nil } ? [["value": "none", "label": categoryLabel(nil)]] : []),
            "priorities": IssuePriority.allCases.map { ["value": $0.rawValue, "label": t.label("priority", $0.rawValue)] },
        ]
        // A view that hides owners has no owner column.
        let showsOwner = site.view?.issueFields.contains("owner") != true
        var own: [String: Any] = [
            "issues": rows, "filters": filters, "count": site.issues.count, "showsOwner": showsOwner,
            "columnCount": showsOwner ? 10 : 9,
        ]
        if pages > 1 { own["pagination"] = pagination(index, of: pages, size: size, from: page) }
        // Page 2 on is titled with its number, so a tab, the history and a bookmark tell them apart.
        let title =
            index == 0
            ? t["title_issues"]
            : t["title_issues_page"].replacingOccurrences(of: "{number}", with: String(index + 1))
                .replacingOccurrences(of: "{pages}", with: String(pages))
        // pages.js sorts and filters across the pages (see docs/theme.md).
        return wrap(page, id: "issues", template: "issues", title: title, own, scripts: pages > 1 ? ["assets/pages.js"] : [])
    }

    /// A paged list's `pagination` (docs/theme.md): this page's `number` and the `pages`'
    /// count, the rows it holds (`first`–`last` of `total`, from 1, and as `rowsLabel` in
    /// the site's words), `previous` and `next` (each an `href`, absent at either end),
    /// `links` to show (the first and last page and two on either side of this one, a
    /// `gap` between runs) and where the pages' rows scripts are (`rows`: page 1's as
    /// `first`, page N's as `pattern` with `{n}` for N).
    func pagination(_ index: Int, of pages: Int, size: Int, from page: SitePage) -> [String: Any] {
        func link(_ other: Int) -> String { href(Self.issueListPage(at: other), from: page) }
        var links: [[String: Any]] = []
        var shown = -1
        for other in 0..<pages where other == 0 || other == pages - 1 || abs(other - index) <= 2 {
            if other > shown + 1 { links.append(["gap": true]) }
            var item: [String: Any] = ["number": other + 1, "href": link(other)]
            if other == index { item["current"] = true }
            links.append(item)
            shown = other
        }
        // Page 1's script and the others' by a pattern, not every page's path on every page:
        // that grew with the square of the number of pages (1.8 GB at one issue a page).
        let scripts: [String: Any] = [
            "first": page.root + LinkTarget.percentEncodePath(Self.rowsScriptPath(of: .issueList)!),
            "pattern": page.root
                + LinkTarget.percentEncodePath(Self.rowsScriptPath(of: .issueListPage(0))!)
                .replacingOccurrences(of: "/page/0/", with: "/page/{n}/"),
        ]
        let first = index * size + 1
        let last = min(site.issues.count, (index + 1) * size)
        let rows = t["pager_rows"].replacingOccurrences(of: "{first}", with: String(first))
            .replacingOccurrences(of: "{last}", with: String(last)).replacingOccurrences(
                of: "{total}", with: String(site.issues.count))
        return compact([
            "number": index + 1, "pages": pages, "rowsLabel": rows, "size": size, "first": first, "last": last,
            "total": site.issues.count,
            "previous": index > 0 ? ["href": link(index - 1)] : nil,
            "next": index + 1 < pages ? ["href": link(index + 1)] : nil,
            "links": links, "rows": scripts,
        ])
    }

    func issuePage(_ issue: Issue) -> PagePlan {
        let page = SitePage.issue(issue.id)
        let clock = site.settings.clock
        let sla = timeline.slaState(issue, at: asOf)
        let target = timeline.target(issue, at: asOf)
        var fields: [[String: Any]] = []
        func field(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { fields.append(["label": t[key], "value": value]) }
        }
        field("field_status", statusLabel(issue.status))
        field("field_priority", t.label("priority", issue.priority.rawValue))
        field("field_tier", issue.tier.map { tierLabel($0) })
        field("field_category", issue.category.map { categoryLabel($0) })
        field("field_module", issue.module)
        field("field_reporter", person(issue.reporter))
        field("field_owner", person(issue.owner))
        field("field_opened", t.time(issue.opened, clock: clock))
        field("field_resolved", issue.resolved.map { t.time($0, clock: clock) })
        field("field_due", issue.due.map { t.time($0, clock: clock) })
        // A target moved by `sla.pause` says by how much, so it adds up for the reader.
        var paused = ""
        if timeline.pausesSLA, issue.due == nil, target != nil {
            let end = issue.resolvedTime.map { min($0.instant, asOf) } ?? asOf
            let seconds = site.history.seconds(of: issue, in: site.settings.slaPause, until: end)
            if seconds > 0 {
                let statuses = IssueStatus.allCases.filter(site.settings.slaPause.contains).map(statusLabel)
                paused = t.aside(
                    t["sla_paused"].replacingOccurrences(of: "{hours}", with: t.number((seconds / 360).rounded() / 10))
                        .replacingOccurrences(of: "{statuses}", with: statuses.joined(separator: ", ")))
            }
        }
        field("field_target", target.map { targetText($0) + paused })
        field(
            "field_milestone",
            issue.milestone.map { id in site.milestones.first { $0.id == id }.map { "\(id) \($0.title)" } ?? id })
        field("field_tags", issue.tags.isEmpty ? nil : issue.tags.joined(separator: ", "))

        // The model records only articles as an issue's backlinks.
        let articles = (site.backlinks[page] ?? []).map { ["href": href($0.page, from: page), "title": $0.title] }
        // Two fragments on one page: each its own ids.
        let description = html(issue.description, root: page.root, ids: .namespaced("description"))
        let resolution = html(issue.resolution, root: page.root, ids: .namespaced("resolution"))
        let own: [String: Any] = [
            "issue": compact([
                "id": issue.id, "title": issue.title, "status": issue.status.rawValue, "statusLabel": statusLabel(issue.status),
                "sla": sla.rawValue, "slaLabel": t.label("sla", sla.rawValue), "target": target.map { targetText($0) + paused },
                "fields": fields, "extra": issue.extra.map { ["label": $0.header, "value": $0.value] },
                "descriptionHTML": description, "resolutionHTML": resolution, "history": historyContext(issue),
                // A view that hides descriptions has no description section, not "No description".
                "descriptionHidden": site.view?.issueFields.contains("description") == true ? true : nil,
            ]),
            "articles": articles,
        ]
        var plan = wrap(page, id: "issue", template: "issue", title: "\(issue.id) \(issue.title)", own)
        // Every field shown but the times, with the status, priority and tier in both the
        // project's words and the file's.
        let searched: [String?] = [
            statusLabel(issue.status), issue.status.rawValue, t.label("priority", issue.priority.rawValue),
            issue.priority.rawValue, issue.tier.map { tierLabel($0) }, issue.category.map { categoryLabel($0) },
            issue.module, person(issue.reporter), person(issue.owner),
            issue.milestone.map { id in site.milestones.first { $0.id == id }.map { "\(id) \($0.title)" } ?? id },
        ]
        plan.search = SearchPlan(
            title: "\(issue.id) \(issue.title)", kind: "issue", status: issue.status.rawValue, id: issue.id,
            exactTitle: issue.title, fields: searched.compactMap { $0 } + issue.tags + issue.extra.map(\.value),
            bodies: [description, resolution])
        return plan
    }

    /// The issue's timeline from the records' git history: `available`, or `unavailable`
    /// saying why; each event with its commit time (ISO 8601 in `iso`), author, short
    /// commit id and the fields it changed (old → new, in the page's words).
    func historyContext(_ issue: Issue) -> [String: Any] {
        let history = site.history
        switch history.availability {
        case .noRepository: return ["unavailable": t["history_no_repository"]]
        case .shallow: return ["unavailable": t["history_shallow"]]
        case .available: break
        }
        func shown(_ field: String, _ value: String?) -> String {
            guard let value, !value.isEmpty else { return "—" }
            switch field {
            case "status": return IssueStatus(rawValue: value).map(statusLabel) ?? value
            case "tier": return tierLabel(Int(value))
            case "priority": return t.label("priority", value)
            case "owner": return person(value) ?? value
            default: return value
            }
        }
        var events: [[String: Any]] = []
        var previous: ProjectHistory.IssueState?
        // The story as of the build's moment, as every figure is counted.
        for revision in history.issues[issue.id] ?? [] where revision.commit.time <= asOf {
            var event = commitFields(revision.commit)
            guard let state = revision.state else {
                event["text"] = t["event_removed"]
                events.append(event)
                previous = nil
                continue
            }
            var changes: [[String: Any]] = []
            if let previous {
                for (old, new) in zip(previous.fields, state.fields) where old.value != new.value {
                    changes.append([
                        "field": t["field_\(new.name)"], "old": shown(old.name, old.value), "new": shown(new.name, new.value),
                    ])
                }
                if !previous.status.isOpen, state.status.isOpen {
                    event["text"] = t["event_reopened"]
                } else if previous.status != state.status, !state.status.isOpen {
                    event["text"] = t["event_\(state.status.rawValue)"]
                } else if let old = previous.tier, let new = state.tier, new > old {
                    event["text"] = t["event_escalated"].replacingOccurrences(of: "{tier}", with: tierLabel(new))
                } else {
                    event["text"] = t["event_changed"]
                }
            } else {
                event["text"] = t["event_recorded"]
                changes = state.fields.compactMap { field in
                    field.value.map { ["field": t["field_\(field.name)"], "new": shown(field.name, $0)] }
                }
            }
            if !changes.isEmpty { event["changes"] = ["items": changes] }
            events.append(event)
            previous = state
        }
        return ["available": true, "timeline": events.isEmpty ? nil : ["events": events]].compactMapValues { $0 }
    }

    /// A commit as a timeline entry shows it: `when` in the page's words, `iso` its RFC 3339
    /// form in the project's zone, `author`, and `commit` its short id.
    func commitFields(_ commit: ProjectHistory.Commit) -> [String: Any] {
        let clock = site.settings.clock
        return [
            "when": t.time(RecordTime(instant: commit.time, day: clock.day(of: commit.time), isDateOnly: false), clock: clock),
            "iso": Self.rfc3339(commit.time, zone: clock.timeZone), "author": commit.author, "commit": commit.short,
        ]
    }

    func targetText(_ target: SLATarget) -> String { t.target(target, clock: site.settings.clock) }

    /// Seconds since 1970, zero-padded: sorts as text in time order.
    func timeSortKey(_ time: RecordTime) -> String {
        Int(time.instant.timeIntervalSince1970).zeroPadded(12)
    }
}
