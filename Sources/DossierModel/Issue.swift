import DossierDiagnostics
import DossierMarkdown

/// Where an issue is in its life; the words of SPEC §1.1 (`in-progress`), aliases mapped.
public enum IssueStatus: String, Sendable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case waiting
    case resolved
    case closed
    case rejected

    /// Open, in progress or waiting: still to be solved.
    public var isOpen: Bool { self == .open || self == .inProgress || self == .waiting }
    /// Resolved or closed: solved, and counted for the SLA.
    public var isResolved: Bool { self == .resolved || self == .closed }
}

/// How urgent an issue is, lowest first; its SLA target depends on it.
public enum IssuePriority: String, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: IssuePriority, b: IssuePriority) -> Bool { a.rank < b.rank }
}

/// A row of the user problem list.
public struct Issue: Sendable {
    public var id: String
    public var title: String
    public var status: IssueStatus
    public var opened: RecordTime
    /// When it was resolved, closed or rejected; nil while open.
    public var resolved: RecordTime?
    /// 1 key user, 2 internal consultant, 3 vendor consultant.
    public var tier: Int?
    public var category: String?
    public var priority: IssuePriority
    public var module: String?
    public var reporter: String?
    public var owner: String?
    public var due: RecordTime?
    /// When the tracker last changed the issue (Redmine's and Jira's Updated column);
    /// nil when the file has no such column. The column is also kept among `extra`.
    public var updated: RecordTime?
    /// The id of a milestone of milestones.csv (a title or an `issues.values.milestone`
    /// name in the file is stored as the id it stands for).
    public var milestone: String?
    public var tags: [String]
    public var description: MarkdownDocument?
    public var resolution: MarkdownDocument?
    /// Columns Dossier has no field for, with their headers, in file order.
    public var extra: [(header: String, value: String)]
    /// The line of its row.
    public var location: SourceLocation

    /// Resolved or closed, with the time it was (rejected issues are not resolved).
    public var resolvedTime: RecordTime? { status.isResolved ? resolved : nil }
}
