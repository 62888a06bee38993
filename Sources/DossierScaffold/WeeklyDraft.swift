import DossierFigures
import DossierModel

/// The note `dossier new weekly` writes: front matter carried over from the last note,
/// and the conventional sections pre-filled from the records (the week's figures, the
/// issues resolved and milestones reached in it, issues past their target, milestones
/// overdue), so the PM edits rather than counts.
public struct WeeklyDraft: Sendable {
    public let site: Site
    public let week: ISOWeek

    public init(site: Site, week: ISOWeek) {
        self.site = site
        self.week = week
    }

    /// The note's path relative to the site folder.
    public var file: String { "content/weekly/\(week).md" }

    public func render() -> String {
        let text = ScaffoldText(language: site.settings.language)
        let figures = WeekFigures(site: site, week: week)
        let previous = site.weeklyNotes.last { $0.week < week }

        var out = "---\nweek: \(week)\n"
        if let status = previous?.status {
            out += "status: \(status.rawValue)\n"
        } else {
            out += "# status: green, amber or red\n"
        }
        if let completion = previous?.completion {
            out += "completion: \(completion)\n"
        } else {
            out += "# completion: planned work done, 0-100\n"
        }
        out += "# summary: one line for the lists, the feed and the dashboard\n"
        if let attendees = previous?.attendees, !attendees.isEmpty {
            out += "attendees: [" + attendees.map(YAMLText.scalar).joined(separator: ", ") + "]\n"
        }
        out += "---\n\n"
        out +=
            text.figures(
                opened: figures.opened, resolved: figures.resolved, openAtEnd: figures.openAtEnd, slaMet: figures.slaMet,
                slaBreached: figures.slaBreached) + "\n"

        let range = site.settings.clock.interval(of: week)
        let resolved = site.issues.filter { issue in issue.resolvedTime.map { range.contains($0.instant) } ?? false }
        let milestones = Dictionary(site.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sections = text.sections
        out += "\n## \(sections.done)\n"
        for issue in resolved { out += "- [[\(issue.id)]] \(issue.title)\n" }
        for id in figures.milestonesDone { out += "- \(id) \(milestones[id]?.title ?? "") — \(text.reached)\n" }
        out += "\n## \(sections.next)\n"
        out += "\n## \(sections.risks)\n"
        for id in figures.breachedOpenIDs { out += "- [[\(id)]] \(site.issue(id)?.title ?? "") — \(text.pastTarget)\n" }
        out += "\n## \(sections.delays)\n"
        for id in figures.milestonesOverdue { out += "- \(id) \(milestones[id]?.title ?? "") — \(text.overdue)\n" }
        return out
    }
}
