import DossierDiagnostics
import DossierMarkdown
import Foundation

/// The PM's overall status for a week: red, amber or green.
public enum RAGStatus: String, Sendable, CaseIterable {
    case green, amber, red

    /// Reads the word a PM writes in a note's `status`: the canonical `green`, `amber`,
    /// `red`; their initials `G`, `A`, `R`; `yellow` (RYG reports); and the words of each
    /// language (绿灯, 黄灯, 红灯, also 绿, 黄, 红 and 绿色, 黄色, 红色, and 橙灯, 橙, 橙色 for
    /// amber; зелёный, жёлтый, красный, with or without ё, and оранжевый). Case and surrounding spaces do not matter. Nil for
    /// any other word.
    public init?(word: String) {
        let folded = word.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
        switch folded {
        case "green", "g", "绿灯", "绿", "绿色", "зеленый": self = .green
        case "amber", "a", "yellow", "y", "黄灯", "黄", "黄色", "橙灯", "橙", "橙色", "желтый", "оранжевый": self = .amber
        case "red", "r", "红灯", "红", "红色", "красный": self = .red
        default: return nil
        }
    }

    /// The words `init(word:)` reads, for the did-you-mean of a message: the canonical ones first.
    public static let writtenForms = [
        "green", "amber", "red", "G", "A", "R", "yellow", "绿灯", "黄灯", "红灯", "橙灯", "зелёный", "жёлтый", "красный",
    ]
}

/// content/weekly/YYYY-Www.md.
public struct WeeklyNote: Sendable {
    public var week: ISOWeek
    public var status: RAGStatus?
    /// Planned work done, 0–100 %.
    public var completion: Int?
    public var summary: String?
    public var attendees: [String]
    /// Who the note is written for (`audience:`, as an article's); `all` by default. A
    /// view that hides the audience leaves the note out (see `SiteView`).
    public var audience: Audience = .all
    public var body: MarkdownDocument
    public var file: String
}
