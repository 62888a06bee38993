import DossierDiagnostics
import DossierModel

/// The note `dossier new weekly` writes: front matter carried over from the last note,
/// and the conventional sections with what the records know that the report's figures
/// do not show: the issues resolved in the week under Done.
///
/// What the figures say is left to them — the counts, the open issues past their
/// target, the milestones reached and overdue are in every version of the report
/// (page, mail, Markdown, text), and a note that listed them again would say them twice.
/// Risks and Delays get a prompt for what only the PM knows, written as a link reference
/// definition (`[//]: # (…)`), which CommonMark shows nowhere: the PM reads it in the
/// editor, and a prompt left in place never reaches a page or a message.
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
        let text = ScaffoldText(language: Language(code: site.settings.language) ?? .en)
        let previous = site.weeklyNotes.last { $0.week < week }

        var out = "---\nweek: \(week)\n"
        if let status = previous?.status {
            out += "status: \(status.rawValue)\n"
        } else {
            out += "# status: \(text.statusComment)\n"
        }
        if let completion = previous?.completion {
            out += "completion: \(completion)\n"
        } else {
            out += "# completion: \(text.completionComment)\n"
        }
        out += "# summary: \(text.summaryComment)\n"
        if let attendees = previous?.attendees, !attendees.isEmpty {
            out += "attendees: [" + attendees.map(YAMLText.scalar).joined(separator: ", ") + "]\n"
        }
        out += "---\n"

        let range = site.settings.clock.interval(of: week)
        let resolved = site.issues.filter { issue in issue.resolvedTime.map { range.contains($0.instant) } ?? false }
        let sections = text.sections
        out += "\n## \(sections.done)\n"
        for issue in resolved { out += "- [[\(issue.id)]] \(issue.title)\n" }
        out += "\n## \(sections.next)\n"
        out += "\n## \(sections.risks)\n" + Self.prompt(text.risksPrompt)
        out += "\n## \(sections.delays)\n" + Self.prompt(text.delaysPrompt)
        return out
    }

    /// A line the editor shows and no rendering does: a CommonMark link reference
    /// definition with the prompt as its title (§4.7), never used by a link. `text` holds
    /// no parenthesis or line break, which would end the title.
    static func prompt(_ text: String) -> String { "[//]: # (\(text))\n" }
}
