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
        public var field: String
        public var old: String?
        public var new: String?
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
            && articlesChanged.isEmpty && milestonesReached.isEmpty
    }

    /// The fields of an issue compared, in the order they are shown.
    public static let comparedFields = ["title", "status", "owner", "tier", "priority", "category", "due", "milestone"]

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
            let a = Self.fields(previous, clock: old.site.settings.clock)
            let b = Self.fields(issue, clock: new.site.settings.clock)
            let changes = Self.comparedFields.compactMap { field in
                a[field] == b[field] ? nil : FieldChange(field: field, old: a[field] ?? nil, new: b[field] ?? nil)
            }
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

    /// The compared fields of an issue as text, nil for an empty one.
    static func fields(_ issue: Issue, clock: ProjectClock) -> [String: String?] {
        [
            "title": issue.title, "status": issue.status.rawValue, "owner": issue.owner, "tier": issue.tier.map(String.init),
            "priority": issue.priority.rawValue, "category": issue.category, "due": issue.due.map(clock.describe),
            "milestone": issue.milestone,
        ]
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
        milestonesReached = new.site.milestones.filter { milestone in
            milestone.done != nil && before[milestone.id].map { $0.done == nil } ?? true
        }.sorted { $0.id < $1.id }.map { MilestoneEntry(id: $0.id, title: $0.title, done: $0.done!.description) }
    }
}
