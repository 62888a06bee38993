import DossierDiagnostics
import DossierMarkdown

/// A row of content/milestones.csv.
public struct Milestone: Sendable {
    public var id: String
    public var title: String
    public var due: CivilDate
    /// The day it was reached; nil until then.
    public var done: CivilDate?
    public var owner: String?
    public var scope: String?
    public var description: MarkdownDocument?
    public var location: SourceLocation

    public enum State: String, Sendable {
        case done
        case overdue
        case dueSoon = "due-soon"
        case planned
    }

    /// SPEC §1.4: done once reached, overdue when past due, due soon within 14 days.
    public func state(on day: CivilDate) -> State {
        if let done, done <= day { return .done }
        if due < day { return .overdue }
        if due.daysSinceEpoch - day.daysSinceEpoch <= 14 { return .dueSoon }
        return .planned
    }
}
