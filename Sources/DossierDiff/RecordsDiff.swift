import DossierDiagnostics
import DossierModel
import Foundation

/// What changed in a site's records between two revisions: the compare stage of
/// `dossier diff`. Every list is sorted (issues by id, files by path), so the same two
/// revisions always give the same output.
public struct RecordsDiff: Sendable {
    /// An issue as listed in the diff.
    public struct IssueEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var status: String
    }

    /// One field of an issue, old → new; nil is an empty cell.
    public struct FieldChange: Sendable, Equatable {
        /// The field's id (`status`, `opened`, `description`); for a column Dossier has no
        /// field for, its header as written (`isColumn`).
        public var field: String
        /// The value as the site shows it: a time in the project's zone
        /// (`2026-03-04 12:00`), tags joined by `, `. Nil for an empty cell, and for a
        /// text (`lines` set), which is counted rather than repeated.
        public var old: String?
        public var new: String?
        /// For a text — a description, a resolution, a value of more than one line —
        /// the lines added and removed.
        public var lines: LineCount?
        /// True when `field` is the header of a column Dossier has no field for.
        public var isColumn: Bool

        public init(field: String, old: String?, new: String?, lines: LineCount? = nil, isColumn: Bool = false) {
            self.field = field
            self.old = old
            self.new = new
            self.lines = lines
            self.isColumn = isColumn
        }
    }

    /// An issue present at both revisions with at least one compared field changed.
    public struct IssueChange: Sendable, Equatable {
        public var id: String
        public var title: String
        public var changes: [FieldChange]
        /// Open before, resolved or closed now.
        public var resolved: Bool
        /// Resolved, closed or rejected before, open now.
        public var reopened: Bool
    }

    /// A weekly note or an article.
    public struct NoteEntry: Sendable, Equatable {
        /// The file relative to the site folder.
        public var file: String
        /// The file at the first revision, when it was renamed.
        public var oldFile: String?
        /// An article's path under handbook/, a note's week.
        public var name: String
        /// An article's title; a note's summary, else its week.
        public var title: String
    }

    /// A milestone reached between the revisions (`done` set).
    public struct MilestoneEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var done: String
    }

    /// A milestone present at both revisions whose due date moved.
    public struct MilestoneReplan: Sendable, Equatable {
        public var id: String
        public var title: String
        public var oldDue: String
        public var newDue: String
        /// Calendar days from the old due to the new (negative: earlier).
        public var days: Int
    }

    /// The problems of the records at one revision.
    public struct RevisionProblems: Sendable {
        public var revision: String
        public var diagnostics: [Diagnostic]
    }

    public var from: String
    public var to: String
    public var issuesAdded: [IssueEntry] = []
    public var issuesRemoved: [IssueEntry] = []
    public var issuesChanged: [IssueChange] = []
    /// Issues whose row has mistakes at either revision: not compared.
    public var issuesNotCompared: [String] = []
    /// The revisions at which issues.csv could not be read at all.
    public var issuesUnreadable: [String] = []
    public var weeklyAdded: [NoteEntry] = []
    public var weeklyRemoved: [NoteEntry] = []
    public var weeklyChanged: [NoteEntry] = []
    public var articlesAdded: [NoteEntry] = []
    public var articlesRemoved: [NoteEntry] = []
    /// Changed in place, or renamed (with `oldFile`), changed or not.
    public var articlesChanged: [NoteEntry] = []
    public var milestonesReached: [MilestoneEntry] = []
    /// Milestones whose due date moved, by id.
    public var milestonesReplanned: [MilestoneReplan] = []
    /// Errors and warnings per revision, only for revisions that have some.
    public var problems: [RevisionProblems] = []
    /// The project's `base_url` at the second revision: issues and articles link there.
    public var baseURL: BaseURL?
    /// The language project.yml names at the newer revision, if any.
    public var projectLanguage: Language?
    /// The site's own files of words at the newer revision (`RecordsSnapshot.wordFiles`):
    /// the Markdown words statuses, priorities and tiers as the site's pages do.
    public var siteWords: [String: String] = [:]
    /// Category labels by id, from project.yml's `categories` (the newer revision's,
    /// else the older's for a category it dropped).
    public var categoryLabels: [String: String] = [:]

    public var issuesResolved: [IssueChange] { issuesChanged.filter(\.resolved) }
    public var issuesReopened: [IssueChange] { issuesChanged.filter(\.reopened) }

    /// True when nothing compared differs.
    public var isEmpty: Bool {
        issuesAdded.isEmpty && issuesRemoved.isEmpty && issuesChanged.isEmpty && weeklyAdded.isEmpty
            && weeklyRemoved.isEmpty && weeklyChanged.isEmpty && articlesAdded.isEmpty && articlesRemoved.isEmpty
            && articlesChanged.isEmpty && milestonesReached.isEmpty && milestonesReplanned.isEmpty
    }

    /// Dossier's fields of an issue, all compared, in the order they are shown; the
    /// columns it has no field for follow, by header.
    public static let comparedFields = [
        "title", "status", "owner", "tier", "priority", "category", "due", "milestone", "opened", "resolved", "updated",
        "reporter", "module", "tags", "description", "resolution",
    ]

    /// The fields that are texts: a change to one is counted in lines, never shown whole.
    static let textFields: Set<String> = ["description", "resolution"]

    /// Compares `old` with `new`. `renames` maps files git found renamed (old → new,
    /// relative to the site folder).
    public init(from old: RecordsSnapshot, to new: RecordsSnapshot, renames: [String: String] = [:]) {
        from = old.label
        to = new.label
        baseURL = new.site.settings.baseURL
        projectLanguage = Language(code: new.site.settings.language)
        siteWords = new.wordFiles
        for category in old.site.settings.categories + new.site.settings.categories {
            categoryLabels[category.id] = category.label
        }
        compareIssues(old, new)
        compareWeekly(old, new)
        compareArticles(old, new, renames: renames)
        compareMilestones(old, new)
        for snapshot in [old, new] where !snapshot.diagnostics.items.isEmpty {
            problems.append(RevisionProblems(revision: snapshot.label, diagnostics: snapshot.diagnostics.sorted))
        }
    }

    private mutating func compareIssues(_ old: RecordsSnapshot, _ new: RecordsSnapshot) {
        issuesUnreadable = [old, new].filter { !$0.issuesReadable }.map(\.label)
        guard issuesUnreadable.isEmpty else { return }
        let skipped = old.site.invalidIssueIDs.union(new.site.invalidIssueIDs).union(old.issueIDsWithErrors).union(
            new.issueIDsWithErrors)
        issuesNotCompared = skipped.sorted()
        let before = Dictionary(old.site.issues.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.site.issues.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func entry(_ issue: Issue) -> IssueEntry { IssueEntry(id: issue.id, title: issue.title, status: issue.status.rawValue) }
        for id in after.keys.sorted() where !skipped.contains(id) {
            let issue = after[id]!
            guard let previous = before[id] else {
                issuesAdded.append(entry(issue))
                continue
            }
            let changes = Self.changes(from: previous, old.site.settings, to: issue, new.site.settings)
            guard !changes.isEmpty else { continue }
            issuesChanged.append(
                IssueChange(
                    id: id, title: issue.title, changes: changes,
                    resolved: previous.status.isOpen && issue.status.isResolved,
                    reopened: !previous.status.isOpen && issue.status.isOpen))
        }
        for id in before.keys.sorted() where after[id] == nil && !skipped.contains(id) {
            issuesRemoved.append(entry(before[id]!))
        }
    }

    /// Every field and extra column of an issue that differs between `old` (read under
    /// `before`'s settings) and `new`, in the order shown: `comparedFields`, then the
    /// columns by header in `new`'s order, then the columns `new` no longer has.
    static func changes(
        from old: Issue, _ before: ProjectSettings, to new: Issue, _ after: ProjectSettings
    ) -> [FieldChange] {
        let a = fields(old, clock: before.clock)
        let b = fields(new, clock: after.clock)
        var changes = comparedFields.compactMap { field in
            change(field, a[field] ?? nil, b[field] ?? nil, isText: textFields.contains(field))
        }
        let oldColumns = columns(old, before)
        let newColumns = columns(new, after)
        let headers = newColumns.map(\.key) + oldColumns.map(\.key).filter { key in !newColumns.contains { $0.key == key } }
        for key in headers {
            let written = newColumns.first { $0.key == key } ?? oldColumns.first { $0.key == key }!
            let before = oldColumns.first { $0.key == key }?.value
            let after = newColumns.first { $0.key == key }?.value
            if var column = change(written.header, before, after, isText: false) {
                column.isColumn = true
                changes.append(column)
            }
        }
        return changes
    }

    /// `old` → `new` of one field, nil when they are the same. A text, or a value of more
    /// than one line, is counted in lines; its lines are compared, so only a change of
    /// line ends is none.
    static func change(_ field: String, _ old: String?, _ new: String?, isText: Bool) -> FieldChange? {
        if isText || LineCount.spansLines(old) || LineCount.spansLines(new) {
            let lines = LineCount(from: old, to: new)
            return lines == LineCount(added: 0, removed: 0) ? nil : FieldChange(field: field, old: nil, new: nil, lines: lines)
        }
        return old == new ? nil : FieldChange(field: field, old: old, new: new)
    }

    /// Dossier's fields of an issue as text, nil for an empty one: times as the project
    /// shows them, in its zone (`ProjectClock.describe`), tags joined by `, `, a
    /// description or resolution as written.
    static func fields(_ issue: Issue, clock: ProjectClock) -> [String: String?] {
        [
            "title": issue.title, "status": issue.status.rawValue, "owner": issue.owner, "tier": issue.tier.map(String.init),
            "priority": issue.priority.rawValue, "category": issue.category, "due": issue.due.map(clock.describe),
            "milestone": issue.milestone, "opened": clock.describe(issue.opened),
            "resolved": issue.resolved.map(clock.describe), "updated": issue.updated.map(clock.describe),
            "reporter": issue.reporter, "module": issue.module,
            "tags": issue.tags.isEmpty ? nil : issue.tags.joined(separator: ", "),
            "description": issue.description?.source, "resolution": issue.resolution?.source,
        ]
    }

    /// The columns of an issue Dossier has no field for, keyed by folded header (a
    /// header written `Plant` at one revision and `plant` at the other is one column),
    /// the first of a repeated header. The column of the last change is left out: it is
    /// compared as `updated`, as a time.
    static func columns(_ issue: Issue, _ settings: ProjectSettings) -> [(key: String, header: String, value: String)] {
        var seen: Set<String> = []
        return issue.extra.compactMap { column in
            let key = FieldAliases.fold(column.header)
            guard !FieldAliases.isUpdatedHeader(column.header, columns: settings.columns), seen.insert(key).inserted
            else { return nil }
            return (key, column.header, column.value)
        }
    }

    private mutating func compareWeekly(_ old: RecordsSnapshot, _ new: RecordsSnapshot) {
        func entry(_ file: String, _ snapshot: RecordsSnapshot) -> NoteEntry {
            let week = snapshot.weeklyFiles[file] ?? file
            let note = snapshot.site.weeklyNotes.first { $0.file == file }
            return NoteEntry(file: file, name: week, title: note?.summary ?? week)
        }
        let (added, removed, changed) = Self.compareFiles(old.weeklyFiles.keys, new.weeklyFiles.keys, old, new)
        weeklyAdded = added.map { entry($0, new) }
        weeklyRemoved = removed.map { entry($0, old) }
        weeklyChanged = changed.map { entry($0, new) }
    }

    private mutating func compareArticles(_ old: RecordsSnapshot, _ new: RecordsSnapshot, renames: [String: String]) {
        func entry(_ file: String, _ snapshot: RecordsSnapshot) -> NoteEntry {
            let path = snapshot.articleFiles[file] ?? file
            let article = snapshot.site.articles.first { $0.file == file }
            return NoteEntry(file: file, name: path, title: article?.title ?? path)
        }
        var (added, removed, changed) = Self.compareFiles(old.articleFiles.keys, new.articleFiles.keys, old, new)
        var renamed: [NoteEntry] = []
        for (oldFile, newFile) in renames where removed.contains(oldFile) && added.contains(newFile) {
            removed.removeAll { $0 == oldFile }
            added.removeAll { $0 == newFile }
            var moved = entry(newFile, new)
            moved.oldFile = oldFile
            renamed.append(moved)
        }
        articlesAdded = added.map { entry($0, new) }
        articlesRemoved = removed.map { entry($0, old) }
        articlesChanged = (changed.map { entry($0, new) } + renamed).sorted { $0.file < $1.file }
    }

    /// Files only in `new`, only in `old`, and in both with different text; sorted.
    private static func compareFiles(
        _ old: some Collection<String>, _ new: some Collection<String>, _ a: RecordsSnapshot, _ b: RecordsSnapshot
    ) -> (added: [String], removed: [String], changed: [String]) {
        let before = Set(old)
        let after = Set(new)
        return (
            after.subtracting(before).sorted(), before.subtracting(after).sorted(),
            after.intersection(before).filter { a.sources[$0] != b.sources[$0] }.sorted()
        )
    }

    private mutating func compareMilestones(_ old: RecordsSnapshot, _ new: RecordsSnapshot) {
        let before = Dictionary(old.site.milestones.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        milestonesReplanned = new.site.milestones.compactMap { milestone in
            guard let old = before[milestone.id], old.due != milestone.due else { return nil }
            return MilestoneReplan(
                id: milestone.id, title: milestone.title, oldDue: old.due.description, newDue: milestone.due.description,
                days: milestone.due.daysSinceEpoch - old.due.daysSinceEpoch)
        }.sorted { $0.id < $1.id }
        milestonesReached = new.site.milestones.filter { milestone in
            milestone.done != nil && before[milestone.id].map { $0.done == nil } ?? true
        }.sorted { $0.id < $1.id }.map { MilestoneEntry(id: $0.id, title: $0.title, done: $0.done!.description) }
    }
}
