import DossierDiagnostics
import DossierMarkdown
import DossierModel
import DossierTemplates

/// A records diff as Markdown for a pull-request comment: a one-line summary, then one
/// group per kind of change, each entry led by its id. Issues and articles link to
/// their pages when the project has a `base_url`.
///
/// Every sentence comes from the message catalogue (`diff.*`) in `language`, field names
/// from its vocabulary (`term.<id>`), and statuses, priorities, tiers and categories
/// read as on the site's pages: the theme's words with the site's own over them, and
/// project.yml's category labels. Ids, paths and revision names stay as written.
public struct DiffMarkdown: Sendable {
    public let diff: RecordsDiff
    /// The language of every sentence, and of the diagnostics it lists.
    public let language: Language

    public init(_ diff: RecordsDiff, language: Language = .en) {
        self.diff = diff
        self.language = language
    }

    /// The changes in words, most telling first: "2 issues resolved · 1 article changed".
    public var summary: String {
        let otherChanges = diff.issuesChanged.filter { !$0.resolved && !$0.reopened }.count
        let counts: [(key: String, count: Int)] = [
            ("diff.issues-resolved", diff.issuesResolved.count),
            ("diff.issues-reopened", diff.issuesReopened.count),
            ("diff.issues-added", diff.issuesAdded.count),
            ("diff.issues-removed", diff.issuesRemoved.count),
            ("diff.issues-changed", otherChanges),
            ("diff.milestones-reached", diff.milestonesReached.count),
            ("diff.milestones-replanned", diff.milestonesReplanned.count),
            ("diff.weekly-added", diff.weeklyAdded.count),
            ("diff.weekly-changed", diff.weeklyChanged.count),
            ("diff.weekly-removed", diff.weeklyRemoved.count),
            ("diff.articles-added", diff.articlesAdded.count),
            ("diff.articles-changed", diff.articlesChanged.count),
            ("diff.articles-removed", diff.articlesRemoved.count),
        ]
        let parts = counts.filter { $0.count > 0 }.map { say($0.key, ["count": .number($0.count)]) }
        return parts.isEmpty ? say("diff.no-changes") : parts.joined(separator: " · ")
    }

    public func render() -> String {
        let words = Theme.words(for: language.rawValue, overrides: diff.siteWords)
        var out = say("diff.lead", ["from": revision(diff.from), "to": revision(diff.to), "summary": .value(summary)]) + "\n"
        func section(_ key: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n### \(say(key, ["count": .number(lines.count)]))\n\n" + lines.map { "- \($0)\n" }.joined()
        }
        let changeLine = { (change: RecordsDiff.IssueChange) in self.changeLine(change, words) }
        section("diff.title-issues-resolved", diff.issuesResolved.map(changeLine))
        section("diff.title-issues-reopened", diff.issuesReopened.map(changeLine))
        section(
            "diff.title-issues-added",
            diff.issuesAdded.map { "\(issueLink($0.id)) \(escape($0.title)) — \(value("status", $0.status, words))" })
        section(
            "diff.title-issues-removed",
            diff.issuesRemoved.map {
                "**\(escape($0.id))** \(escape($0.title)) — "
                    + say("diff.was", ["status": .value(value("status", $0.status, words))])
            })
        section("diff.title-issues-changed", diff.issuesChanged.filter { !$0.resolved && !$0.reopened }.map(changeLine))
        section(
            "diff.title-milestones-reached",
            diff.milestonesReached.map { "**\(escape($0.id))** \(escape($0.title)) — \($0.done)" })
        section(
            "diff.title-milestones-replanned",
            diff.milestonesReplanned.map {
                "**\(escape($0.id))** \(escape($0.title)) — \($0.oldDue) → \($0.newDue) "
                    + "(\($0.days > 0 ? "+" : $0.days < 0 ? "−" : "")\(say("diff.days", ["count": .number(abs($0.days))])))"
            })
        section("diff.title-weekly-added", diff.weeklyAdded.map(noteLine))
        section("diff.title-weekly-changed", diff.weeklyChanged.map(noteLine))
        section("diff.title-weekly-removed", diff.weeklyRemoved.map(noteLine))
        section("diff.title-articles-added", diff.articlesAdded.map(articleLine))
        section("diff.title-articles-changed", diff.articlesChanged.map(articleLine))
        section("diff.title-articles-removed", diff.articlesRemoved.map { "**\(escape($0.title))** — `\($0.file)`" })

        if !diff.issuesUnreadable.isEmpty {
            out += "\n> " + say("diff.issues-unreadable", ["revisions": .list(diff.issuesUnreadable.map(revision), .and)]) + "\n"
        } else if !diff.issuesNotCompared.isEmpty {
            out += "\n> " + say("diff.not-compared", ["ids": .values(diff.issuesNotCompared.map(escape))]) + "\n"
        }
        for problems in diff.problems {
            let errors = problems.diagnostics.filter { $0.severity == .error }.count
            let warnings = problems.diagnostics.count - errors
            var counts: [Message.Argument] = []
            if errors > 0 { counts.append(.message(Message("summary.errors", ["count": .number(errors)]))) }
            if warnings > 0 { counts.append(.message(Message("summary.warnings", ["count": .number(warnings)]))) }
            out +=
                "\n### \(say("diff.problems-at", ["revision": revision(problems.revision), "counts": .list(counts, .comma)]))\n\n"
            for diagnostic in problems.diagnostics {
                out +=
                    "- `\(diagnostic.location)`: \(diagnostic.severity.rawValue): \(escape(diagnostic.text(in: language))) [\(diagnostic.rule.rawValue)]\n"
            }
        }
        return out
    }

    private func changeLine(_ change: RecordsDiff.IssueChange, _ words: ThemeWords) -> String {
        let fields = change.changes.map { field in
            let name: Message.Argument = field.isColumn ? .value(escape(field.field)) : .term(field.field)
            if let lines = field.lines {
                return say(
                    "diff.text-change",
                    [
                        "field": name, "added": .message(Message("diff.lines-added", ["count": .number(lines.added)])),
                        "removed": .message(Message("diff.lines-removed", ["count": .number(lines.removed)])),
                    ])
            }
            return say(
                "diff.field-change",
                [
                    "field": name, "old": .value(value(field.isColumn ? nil : field.field, field.old, words)),
                    "new": .value(value(field.isColumn ? nil : field.field, field.new, words)),
                ])
        }
        return "\(issueLink(change.id)) \(escape(change.title)) — "
            + fields.joined(separator: say("diff.field-changes-separator"))
    }

    /// A compared field's value as the site's pages word it, escaped: a status, priority
    /// or tier in the theme's words, a category by its label; other values (ids, people,
    /// times, titles, tags) as written, and so is a column's cell (`field` nil). An empty
    /// one is a dash.
    private func value(_ field: String?, _ value: String?, _ words: ThemeWords) -> String {
        guard let value else { return "—" }
        let worded: String? =
            switch field {
            case let name? where ["status", "priority", "tier"].contains(name): words.label(name, value)
            case "category": diff.categoryLabels[value]
            default: nil
            }
        return escape(worded ?? value)
    }

    private func noteLine(_ note: RecordsDiff.NoteEntry) -> String {
        let title = note.title == note.name ? "" : " \(escape(note.title))"
        return "\(link("**\(escape(note.name))**", to: ISOWeek(note.name).map(SitePage.weekly)))\(title) — `\(note.file)`"
    }

    private func articleLine(_ article: RecordsDiff.NoteEntry) -> String {
        let page = SitePage.article(Article.slug(for: article.name))
        let renamed = article.oldFile.map { say("diff.renamed-from", ["file": .value("`\($0)`")]) } ?? ""
        return "\(link("**\(escape(article.title))**", to: page)) — `\(article.file)`\(renamed)"
    }

    /// A revision as the lead and the problems name it: its name as code, the work tree
    /// in words.
    private func revision(_ label: String) -> Message.Argument {
        label == RecordsSnapshot.workTree ? .message(Message("diff.work-tree")) : .value("`\(label)`")
    }

    private func issueLink(_ id: String) -> String { link("**\(escape(id))**", to: .issue(id)) }

    /// `text` as a link to `page` under `base_url`; plain when there is none.
    private func link(_ text: String, to page: SitePage?) -> String {
        guard let page, let base = diff.baseURL else { return text }
        return "[\(text)](\(base.address(of: page.path)))"
    }

    /// A sentence of the catalogue in the reader's language.
    private func say(_ key: String, _ arguments: [String: Message.Argument] = [:]) -> String {
        Message(key, arguments).text(in: language)
    }

    /// Record text as literal Markdown: the characters that would format or link are escaped.
    func escape(_ text: String) -> String { MarkdownText.escape(text) }
}
