import DossierFigures
import DossierMarkdown
import DossierModel
import DossierTemplates
import Foundation

/// One week's whole report as text to paste into a chat or a mail: the note's header
/// (week and its Monday–Sunday range, RAG status, completion, summary, attendees), the
/// figures with their change against the previous week, the tier and category rows,
/// the open issues past their target and the milestones reached and overdue, then the
/// note's own text as written.
///
/// Two forms: GitHub Flavored Markdown, and plain lines for chat programs that format
/// nothing. Links cannot be relative outside the site: with project.yml's `base_url`
/// every link to the site is an absolute URI under it (see `BaseURL.address`); without
/// it an issue, article or milestone is named by its text alone. Links elsewhere stay.
package struct WeeklyChatReport: Sendable {
    /// How the report is written.
    package enum Format: Sendable {
        /// GitHub Flavored Markdown: headings, pipe tables, lists, links.
        case markdown
        /// Plain lines: no markup; figures as `label: value (change)`, rows as
        /// `label: header value · …` (with the language's colon and parentheses), lists as
        /// `- ` lines, URLs written after their text.
        case text
    }

    let site: Site
    let week: ISOWeek
    let figures: WeekFigures
    let previous: WeekFigures
    let asOf: Date
    let t: Localizer

    /// Counts `week` and the week before it as known at `asOf` (see `WeekFigures`); words
    /// it in `theme`'s words.
    package init(site: Site, week: ISOWeek, asOf: Date, theme: Theme) {
        self.site = site
        self.week = week
        self.asOf = asOf
        let weeks = WeekFigures.all(site: site, weeks: [week, week.previous], asOf: asOf)
        (figures, previous) = (weeks[0], weeks[1])
        t = Localizer(language: site.settings.language, theme: theme)
    }

    package func render(_ format: Format) -> String {
        ReportWriter(format: format, t: t).write(blocks())
    }

    // MARK: What the report says

    /// A piece of a line: text, emphasised text, or text linking to a URL (nil: none).
    enum Inline {
        case text(String)
        case strong(String)
        case link(String, url: String?)
    }

    /// One block of the report.
    enum Block {
        case title([Inline])
        case heading([Inline])
        case paragraph([Inline])
        /// Label, value and the change against the previous week.
        case figures(header: [String], rows: [(label: String, value: Int, change: String)])
        /// A table of counts: the row's label, then one count per column.
        case counts(header: [String], rows: [(label: String, values: [Int])])
        case list([[Inline]])
        /// The note's own Markdown with where each of its links goes.
        case note(MarkdownDocument, destinations: [String?], titles: [String?])
    }

    var base: BaseURL? { site.settings.baseURL }

    func url(_ page: SitePage, fragment: String? = nil) -> String? { base?.address(of: page.path, fragment: fragment) }

    func blocks() -> [Block] {
        let note = site.weeklyNotes.first { $0.week == week }
        var blocks: [Block] = [
            .title([.text("\(site.settings.name) · \(t["weekly_report"]) \(week)" + t.aside(t.range(week)))])
        ]
        if let note {
            var status: [Inline] = [.text(t.labelled(t["overall_status"], "")), .strong(t.rag(note.status))]
            if let completion = note.completion {
                status.append(.text(" · " + t.labelled(t["completion"], t.percent(completion))))
            }
            blocks.append(.paragraph(status))
            if let summary = note.summary, !summary.isEmpty { blocks.append(.paragraph([.text(summary)])) }
            if !note.attendees.isEmpty {
                let names = note.attendees.map { site.team.displayName($0) }.joined(separator: t["list_separator"])
                blocks.append(.paragraph([.text(t.labelled(t["attendees"], names))]))
            }
        }
        if let page = url(.weekly(week)), note != nil { blocks.append(.paragraph([.link(t["read_report"], url: page)])) }

        blocks.append(.heading([.text(t["week_figures"])]))
        blocks.append(
            .figures(
                header: [t["fig_metric"], t["fig_this_week"], t["fig_vs_previous"]],
                rows: WeekFigureRows.headline(figures, since: previous).map {
                    (t[$0.labelKey], $0.value, WeekFigureRows.changeText($0.change))
                }))
        let columns = [t["fig_opened_short"], t["fig_resolved_short"], t["fig_open_at_end_short"]]
        let groups: [(String, String, [(key: String, counts: GroupCounts)], (String) -> String)] = [
            ("by_tier", "field_tier", WeekFigureRows.tiers(figures), { t.tierRow($0) }),
            (
                "by_category", "field_category", WeekFigureRows.categories(figures, settings: site.settings),
                { t.categoryRow($0, settings: site.settings) }
            ),
        ]
        for (title, first, rows, label) in groups where !rows.isEmpty {
            blocks.append(.heading([.text(t[title])]))
            blocks.append(
                .counts(
                    header: [t[first]] + columns,
                    rows: rows.map { (label($0.key), [$0.counts.opened, $0.counts.resolved, $0.counts.openAtEnd]) }))
        }

        if !site.settings.slaPause.isEmpty, !site.history.isAvailable {
            blocks.append(.paragraph([.text(t["history_unavailable_figures"])]))
        }
        if let history = figures.history {
            blocks.append(.heading([.text(t["hist_escalations"])]))
            let counts: [(String, Int)] = [
                (t["hist_to_tier_2"], history.escalatedToTier2.count), (t["hist_to_tier_3"], history.escalatedToTier3.count),
                (t["hist_solved_tier_1"], history.solvedAtTier1), (t["hist_reopened"], history.reopened.count),
            ]
            blocks.append(.list(counts.map { [.text(t.labelled($0.0, String($0.1)))] }))
            let vendor: [[Inline]] = history.escalatedToTier3.compactMap { id in
                site.issue(id).map { [.link(id, url: url(.issue(id))), .text(" \($0.title)")] }
            }
            if !vendor.isEmpty { blocks += [.paragraph([.text(t["hist_to_vendor"])]), .list(vendor)] }
            let medians: [[Inline]] = IssueStatus.allCases.filter(\.isOpen).compactMap { status in
                history.medianHoursInStatus[status.rawValue].map { hours in
                    let value = t["hist_hours"].replacingOccurrences(of: "{n}", with: t.number((hours * 10).rounded() / 10))
                    return [.text(t.labelled(t.label("status", status.rawValue), value))]
                }
            }
            if !medians.isEmpty { blocks += [.paragraph([.text(t["hist_median_status"])]), .list(medians)] }
            blocks.append(.paragraph([.text(t["hist_note"])]))
        }

        let timeline = IssueTimeline(site: site)
        let breached: [[Inline]] = figures.breachedOpenIDs.prefix(WeekFigures.listedBreached).compactMap { id in
            guard let issue = site.issue(id) else { return nil }
            let target = timeline.target(issue, at: site.settings.clock.interval(of: week).upperBound).map {
                t.aside(t.labelled(Localizer.inline(t["field_target"]), t.target($0, clock: site.settings.clock)))
            }
            return [.link(id, url: url(.issue(id))), .text(" \(issue.title)" + (target ?? ""))]
        }
        if !breached.isEmpty {
            blocks.append(.heading([.text(t["breached_issues"])]))
            blocks.append(.list(breached))
            if figures.breachedOpen > WeekFigures.listedBreached {
                let text = t.count("breached_more", figures.breachedOpen - WeekFigures.listedBreached)
                blocks.append(.paragraph([.link(text, url: base.map { $0.address(of: SitePage.issueList.path) + "?open=true" })]))
            }
        }
        let milestones = Dictionary(site.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func milestone(_ id: String, due: Bool) -> [Inline]? {
            guard let m = milestones[id] else { return nil }
            let dueText = due ? t.aside(t.labelled(Localizer.inline(t["field_due"]), t.date(m.due))) : ""
            return [.link(id, url: url(.milestones, fragment: m.anchor)), .text(" \(m.title)\(dueText)")]
        }
        let judged = WeekFigures.judgingDay(of: week, asOf: asOf, clock: site.settings.clock)
        let done = figures.milestonesDone.compactMap { id -> [Inline]? in
            guard var line = milestone(id, due: false), let m = milestones[id] else { return nil }
            // A milestone reached late says by how much: "M2 Rollout (3 days late)".
            let standing = MilestoneStanding(m, on: judged)
            if standing.state == .done, let slip = standing.slipDays, slip > 0 {
                line.append(.text(t.aside(t.count("milestone_slip", slip))))
            }
            // As the milestones page says it: "due moved 2 times · baseline: Mar 3, 2026 (+3 days)".
            if let moves = t.dueMoves(site.history.dueMoves(of: id)) { line.append(.text(" · " + moves)) }
            return line
        }
        if !done.isEmpty { blocks += [.heading([.text(t["milestones_done"])]), .list(done)] }
        let overdue = figures.milestonesOverdue.compactMap { milestone($0, due: true) }
        if !overdue.isEmpty { blocks += [.heading([.text(t["milestones_overdue"])]), .list(overdue)] }
        if let percent = figures.milestonesOnTimePercent {
            let reached = t.count("milestones_reached_count", figures.milestonesReached)
            blocks.append(
                .paragraph([.text(t.labelled(t["milestones_on_time"], "")), .strong(t.percent(percent)), .text(t.aside(reached))])
            )
        }

        if let note, !note.body.source.allSatisfy(\.isWhitespace) {
            blocks.append(
                .note(
                    note.body, destinations: destinations(of: note.body, week: week), titles: site.referenceTitles(of: note.body))
            )
        }
        return blocks
    }

    /// Where each link of a note goes outside the site: under `base_url` when there is
    /// one (a link to one of the note's headings to that heading on the week's page),
    /// else nowhere, so the link's text stands alone; external links as written.
    func destinations(of document: MarkdownDocument, week: ISOWeek) -> [String?] {
        site.targets(of: document).map { target in
            switch target {
            case .external(let url): return url
            case .site: return base.flatMap { target.href(under: $0) }
            case .fragment(let anchor):
                let id = FragmentIDs.page.id(forAnchor: anchor, in: document) ?? anchor
                return url(.weekly(week), fragment: id)
            case .none: return nil
            }
        }
    }
}

/// Writes a report's blocks as Markdown or as plain lines.
private struct ReportWriter {
    let format: WeeklyChatReport.Format
    /// The language's punctuation between a label and its value, and around an aside.
    let t: Localizer

    /// Markdown: a blank line between blocks. Plain text: a blank line before each
    /// heading and the note, so each part reads as one group of lines.
    func write(_ blocks: [WeeklyChatReport.Block]) -> String {
        var out = ""
        for block in blocks {
            if !out.isEmpty {
                switch (format, block) {
                case (.markdown, _), (.text, .heading), (.text, .note): out += "\n"
                default: break
                }
            }
            out += write(block)
        }
        return out
    }

    func write(_ block: WeeklyChatReport.Block) -> String {
        switch (format, block) {
        case (.markdown, .title(let inlines)): return "# " + line(inlines) + "\n"
        case (.markdown, .heading(let inlines)): return "## " + line(inlines) + "\n"
        case (.text, .title(let inlines)), (.text, .heading(let inlines)), (_, .paragraph(let inlines)):
            return line(inlines) + "\n"
        case (.markdown, .figures(let header, let rows)):
            return table(header, numeric: [false, true, true], rows.map { [$0.label, String($0.value), $0.change] })
        case (.text, .figures(_, let rows)):
            return rows.map { t.labelled($0.label, String($0.value)) + t.aside($0.change) + "\n" }.joined()
        case (.markdown, .counts(let header, let rows)):
            return table(
                header, numeric: [false] + header.dropFirst().map { _ in true },
                rows.map { [$0.label] + $0.values.map(String.init) })
        case (.text, .counts(let header, let rows)):
            return rows.map { row in
                t.labelled(row.label, zip(header.dropFirst(), row.values).map { "\($0) \($1)" }.joined(separator: " · ")) + "\n"
            }.joined()
        case (_, .list(let items)):
            return items.map { "- " + line($0) + "\n" }.joined()
        case (.markdown, .note(let document, let destinations, let titles)):
            return document.renderCommonMark(destinations: destinations, titles: titles)
        case (.text, .note(let document, let destinations, let titles)):
            return document.renderPlainText(destinations: destinations, titles: titles)
        }
    }

    /// Inlines as one line. Markdown escapes the text, so a record's text stays literal;
    /// plain text writes the line's URLs at its end, after a space each, where a chat
    /// program that links URLs finds them whole.
    func line(_ inlines: [WeeklyChatReport.Inline]) -> String {
        var out = ""
        var urls: [String] = []
        for inline in inlines {
            switch (format, inline) {
            case (.markdown, .text(let text)):
                out += out.isEmpty ? MarkdownText.escapeAtLineStart(text) : MarkdownText.escape(text)
            case (.markdown, .strong(let text)): out += "**" + MarkdownText.escape(text) + "**"
            case (.markdown, .link(let text, let url?)): out += "[" + MarkdownText.escape(text) + "](" + url + ")"
            case (.markdown, .link(let text, url: nil)): out += MarkdownText.escape(text)
            case (.text, .text(let text)), (.text, .strong(let text)), (.text, .link(let text, url: nil)): out += text
            case (.text, .link(let text, let url?)):
                out += text
                urls.append(url)
            }
        }
        return out + urls.map { " " + $0 }.joined()
    }

    /// A GFM pipe table; `numeric` columns are right-aligned.
    func table(_ header: [String], numeric: [Bool], _ rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |\n" }
        return row(header) + "|" + numeric.map { $0 ? " --: |" : " --- |" }.joined() + "\n" + rows.map(row).joined()
    }
}
