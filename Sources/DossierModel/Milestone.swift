import DossierDiagnostics
import DossierMarkdown
import DossierRecords

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
    /// Columns of milestones.csv Dossier has no field for (функция, территория), with
    /// their headers, in file order; empty cells left out.
    public var extra: [(header: String, value: String)] = []
    public var location: SourceLocation

    /// The id of its entry on the milestones page, `milestone-M3`: what `[[M3]]` links
    /// to. Letters, digits, `-` and `.` are kept; any other character is written as `_`,
    /// its code in hex and `_` (`M/1` → `milestone-M_2f_1`), so two ids never share an
    /// anchor and the anchor is a valid HTML id and fragment.
    public var anchor: String { Self.anchor(for: id) }

    public static func anchor(for id: String) -> String {
        var out = "milestone-"
        for scalar in id.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "." {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// The value of the extra column whose header is `header`, ignoring case and runs of
    /// white space; nil when the milestone has none.
    public func extraValue(_ header: String) -> String? {
        let folded = FieldAliases.fold(header)
        return extra.first { FieldAliases.fold($0.header) == folded }?.value
    }

    /// Whether it was reached on or before `day`: a `done` date after `day` does not count yet.
    public func isReached(by day: CivilDate) -> Bool {
        done.map { $0 <= day } ?? false
    }

    /// The one meaning of "overdue" for every page, report, export and scaffold: a
    /// milestone is due at the end of its `due` day in the project's zone, so it is overdue
    /// on `day` (a day of that zone: the as-of day, or the last day a week is judged on)
    /// when it is not reached by then and `due` is before `day`. On its due day it is not
    /// yet overdue.
    public func isOverdue(on day: CivilDate) -> Bool {
        !isReached(by: day) && due < day
    }

    /// Where the milestone stands on the as-of date: done, overdue, due soon or planned.
    public enum State: String, Sendable {
        case done
        case overdue
        case dueSoon = "due-soon"
        case planned
    }

    /// SPEC §1.4: done once reached, overdue when past due, due soon within 14 days.
    public func state(on day: CivilDate) -> State {
        if isReached(by: day) { return .done }
        if isOverdue(on: day) { return .overdue }
        if due.daysSinceEpoch - day.daysSinceEpoch <= 14 { return .dueSoon }
        return .planned
    }
}
