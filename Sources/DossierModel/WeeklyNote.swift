import DossierDiagnostics
import DossierMarkdown

/// The PM's overall status for a week: red, amber or green.
public enum RAGStatus: String, Sendable, CaseIterable {
    case green, amber, red
}

/// content/weekly/YYYY-Www.md.
public struct WeeklyNote: Sendable {
    public var week: ISOWeek
    public var status: RAGStatus?
    /// Planned work done, 0–100 %.
    public var completion: Int?
    public var summary: String?
    public var attendees: [String]
    public var body: MarkdownDocument
    public var file: String
}
