import DossierFigures
import DossierModel

/// A week's report as Markdown, for a chat message or a pull-request comment.
public struct WeeklyMarkdown: Sendable {
    public let site: Site
    public let figures: WeekFigures

    public init(site: Site, figures: WeekFigures) {
        self.site = site
        self.figures = figures
    }

    public func render() -> String {
        let t = Localizer(language: site.settings.language)
        let note = site.weeklyNotes.first { $0.week.description == figures.week }
        var out = "# \(site.settings.name) · \(t["title_weekly"]) \(figures.week)\n\n"
        if let note {
            let rag = t["rag_" + (note.status?.rawValue ?? "none")]
            out +=
                "**\(rag)**" + (note.completion.map { " · " + t.percent($0) } ?? "") + (note.summary.map { " · \($0)" } ?? "")
                + "\n\n"
        }
        func row(_ key: String, _ value: Int) -> String { "| \(t[key]) | \(value) |\n" }
        out += "| | |\n|---|---:|\n"
        out += row("fig_opened", figures.opened) + row("fig_resolved", figures.resolved) + row("fig_rejected", figures.rejected)
        out += row("fig_open_at_end", figures.openAtEnd) + row("fig_sla_met", figures.slaMet)
        out += row("fig_sla_breached", figures.slaBreached) + row("fig_breached_open", figures.breachedOpen)
        if !figures.breachedOpenIDs.isEmpty {
            out += "\n**\(t["fig_breached_open"])**\n\n"
            for id in figures.breachedOpenIDs {
                out += "- \(id) \(site.issue(id)?.title ?? "")\n"
            }
        }
        let titles = Dictionary(site.milestones.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        if !figures.milestonesDone.isEmpty {
            out +=
                "\n**\(t["milestone_done"])**: "
                + figures.milestonesDone.map { "\($0) \(titles[$0] ?? "")" }.joined(separator: ", ") + "\n"
        }
        if !figures.milestonesOverdue.isEmpty {
            out +=
                "\n**\(t["milestone_overdue"])**: "
                + figures.milestonesOverdue.map { "\($0) \(titles[$0] ?? "")" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
