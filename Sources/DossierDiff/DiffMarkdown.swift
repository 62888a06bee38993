import DossierDiagnostics
import DossierMarkdown
import DossierModel

/// A records diff as Markdown for a pull-request comment: a one-line summary, then one
/// group per kind of change, each entry led by its id. Issues and articles link to
/// their pages when the project has a `base_url`.
public struct DiffMarkdown: Sendable {
    public let diff: RecordsDiff
    /// The language of the diagnostics it lists.
    public let language: Language

    public init(_ diff: RecordsDiff, language: Language = .en) {
        self.diff = diff
        self.language = language
    }

    /// The changes in words, most telling first: "2 issues resolved · 1 article changed".
    public var summary: String {
        var parts: [String] = []
        func add(_ count: Int, _ one: String, _ many: String, _ what: String) {
            if count > 0 { parts.append("\(count) \(count == 1 ? one : many) \(what)") }
        }
        let otherChanges = diff.issuesChanged.filter { !$0.resolved && !$0.reopened }.count
        add(diff.issuesResolved.count, "issue", "issues", "resolved")
        add(diff.issuesReopened.count, "issue", "issues", "reopened")
        add(diff.issuesAdded.count, "issue", "issues", "added")
        add(diff.issuesRemoved.count, "issue", "issues", "removed")
        add(otherChanges, "issue", "issues", "changed")
        add(diff.milestonesReached.count, "milestone", "milestones", "reached")
        add(diff.weeklyAdded.count, "weekly note", "weekly notes", "added")
        add(diff.weeklyChanged.count, "weekly note", "weekly notes", "changed")
        add(diff.weeklyRemoved.count, "weekly note", "weekly notes", "removed")
        add(diff.articlesAdded.count, "article", "articles", "added")
        add(diff.articlesChanged.count, "article", "articles", "changed")
        add(diff.articlesRemoved.count, "article", "articles", "removed")
        return parts.isEmpty ? "no changes to the records" : parts.joined(separator: " · ")
    }

    public func render() -> String {
        var out = "**Records `\(diff.from)` → `\(diff.to)`:** \(summary)\n"
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n### \(title) (\(lines.count))\n\n" + lines.map { "- \($0)\n" }.joined()
        }
        section("Issues resolved", diff.issuesResolved.map(changeLine))
        section("Issues reopened", diff.issuesReopened.map(changeLine))
        section("Issues added", diff.issuesAdded.map { "\(issueLink($0.id)) \(escape($0.title)) — \($0.status)" })
        section("Issues removed", diff.issuesRemoved.map { "**\(escape($0.id))** \(escape($0.title)) — was \($0.status)" })
        section("Issues changed", diff.issuesChanged.filter { !$0.resolved && !$0.reopened }.map(changeLine))
        section("Milestones reached", diff.milestonesReached.map { "**\(escape($0.id))** \(escape($0.title)) — \($0.done)" })
        section("Weekly notes added", diff.weeklyAdded.map(noteLine))
        section("Weekly notes changed", diff.weeklyChanged.map(noteLine))
        section("Weekly notes removed", diff.weeklyRemoved.map(noteLine))
        section("Articles added", diff.articlesAdded.map(articleLine))
        section("Articles changed", diff.articlesChanged.map(articleLine))
        section("Articles removed", diff.articlesRemoved.map { "**\(escape($0.title))** — `\($0.file)`" })

        if !diff.issuesUnreadable.isEmpty {
            out +=
                "\n> **Issues not compared:** issues.csv could not be read at "
                + diff.issuesUnreadable.map { "`\($0)`" }.joined(separator: " and ") + ".\n"
        } else if !diff.issuesNotCompared.isEmpty {
            out +=
                "\n> **Not compared** (their rows have mistakes): " + diff.issuesNotCompared.map(escape).joined(separator: ", ")
                + "\n"
        }
        for revision in diff.problems {
            let errors = revision.diagnostics.filter { $0.severity == .error }.count
            let warnings = revision.diagnostics.count - errors
            var counts: [String] = []
            if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            out += "\n### Problems at `\(revision.revision)` (\(counts.joined(separator: ", ")))\n\n"
            for diagnostic in revision.diagnostics {
                out +=
                    "- `\(diagnostic.location)`: \(diagnostic.severity.rawValue): \(escape(diagnostic.text(in: language))) [\(diagnostic.rule.rawValue)]\n"
            }
        }
        return out
    }

    private func changeLine(_ change: RecordsDiff.IssueChange) -> String {
        let fields = change.changes.map { "\($0.field) \(escape($0.old ?? "—")) → \(escape($0.new ?? "—"))" }
        return "\(issueLink(change.id)) \(escape(change.title)) — " + fields.joined(separator: ", ")
    }

    private func noteLine(_ note: RecordsDiff.NoteEntry) -> String {
        let title = note.title == note.name ? "" : " \(escape(note.title))"
        return "\(link("**\(escape(note.name))**", to: ISOWeek(note.name).map(SitePage.weekly)))\(title) — `\(note.file)`"
    }

    private func articleLine(_ article: RecordsDiff.NoteEntry) -> String {
        let page = SitePage.article(Article.slug(for: article.name))
        let renamed = article.oldFile.map { " (renamed from `\($0)`)" } ?? ""
        return "\(link("**\(escape(article.title))**", to: page)) — `\(article.file)`\(renamed)"
    }

    private func issueLink(_ id: String) -> String { link("**\(escape(id))**", to: .issue(id)) }

    /// `text` as a link to `page` under `base_url`; plain when there is none.
    private func link(_ text: String, to page: SitePage?) -> String {
        guard let page, let base = diff.baseURL else { return text }
        return "[\(text)](\(base.address(of: page.path)))"
    }

    /// Record text as literal Markdown: the characters that would format or link are escaped.
    func escape(_ text: String) -> String { MarkdownText.escape(text) }
}
