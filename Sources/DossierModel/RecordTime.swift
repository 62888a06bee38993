import DossierDiagnostics
import Foundation

/// A date or datetime from the records, fixed to an instant in the project's zone.
public struct RecordTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The instant: for a date-only value, the start of that day in the project's zone.
    public var instant: Date
    /// The calendar day in the project's zone.
    public var day: CivilDate
    /// True when the record gave only a date (SLA comparisons are then by day).
    public var isDateOnly: Bool

    public init(instant: Date, day: CivilDate, isDateOnly: Bool) {
        self.instant = instant
        self.day = day
        self.isDateOnly = isDateOnly
    }

    public var description: String { isDateOnly ? day.description : "\(day) \(instant)" }

    public static func < (a: RecordTime, b: RecordTime) -> Bool { a.instant < b.instant }
}
