import DossierDiagnostics
import Foundation

/// A records diff as one JSON object for tools; the keys are listed in docs/diff.md and
/// written sorted, so the same diff gives the same bytes.
public struct DiffJSON: Sendable {
    public let diff: RecordsDiff
    /// The language of `summary` and of the diagnostics' messages; keys, ids, revisions
    /// and values (canonical: `in-progress`, a category's id) are the same in every one.
    public let language: Language

    public init(_ diff: RecordsDiff, language: Language = .en) {
        self.diff = diff
        self.language = language
    }

    public func render() -> String {
        func issue(_ entry: RecordsDiff.IssueEntry) -> [String: Any] {
            ["id": entry.id, "title": entry.title, "status": entry.status]
        }
        func change(_ entry: RecordsDiff.IssueChange) -> [String: Any] {
            [
                "id": entry.id, "title": entry.title, "resolved": entry.resolved, "reopened": entry.reopened,
                "changes": entry.changes.map(fieldChange),
            ]
        }
        // A value old → new; a text counted in lines instead, never repeated whole.
        func fieldChange(_ change: RecordsDiff.FieldChange) -> [String: Any] {
            var object: [String: Any] = ["field": change.field, "column": change.isColumn]
            if let lines = change.lines {
                object["lines_added"] = lines.added
                object["lines_removed"] = lines.removed
            } else {
                object["old"] = change.old ?? NSNull() as Any
                object["new"] = change.new ?? NSNull() as Any
            }
            return object
        }
        func note(_ entry: RecordsDiff.NoteEntry) -> [String: Any] {
            ["file": entry.file, "old_file": entry.oldFile ?? NSNull() as Any, "name": entry.name, "title": entry.title]
        }
        let object: [String: Any] = [
            "from": diff.from,
            "to": diff.to,
            "summary": DiffMarkdown(diff, language: language).summary,
            "issues": [
                "added": diff.issuesAdded.map(issue),
                "removed": diff.issuesRemoved.map(issue),
                "changed": diff.issuesChanged.map(change),
                "resolved": diff.issuesResolved.map(\.id),
                "reopened": diff.issuesReopened.map(\.id),
                "not_compared": diff.issuesNotCompared,
                "unreadable_at": diff.issuesUnreadable,
            ],
            "weekly": [
                "added": diff.weeklyAdded.map(note), "changed": diff.weeklyChanged.map(note),
                "removed": diff.weeklyRemoved.map(note),
            ],
            "articles": [
                "added": diff.articlesAdded.map(note), "changed": diff.articlesChanged.map(note),
                "removed": diff.articlesRemoved.map(note),
            ],
            "milestones": [
                "reached": diff.milestonesReached.map { ["id": $0.id, "title": $0.title, "done": $0.done] },
                "replanned": diff.milestonesReplanned.map {
                    ["id": $0.id, "title": $0.title, "old_due": $0.oldDue, "new_due": $0.newDue, "days": $0.days] as [String: Any]
                },
            ],
            "problems": diff.problems.flatMap { revision in
                revision.diagnostics.map { d -> [String: Any] in
                    [
                        "revision": revision.revision, "file": d.location.file, "line": d.location.line,
                        "column": d.location.column, "severity": d.severity.rawValue, "rule": d.rule.rawValue,
                        "message": d.text(in: language),
                    ]
                }
            },
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
