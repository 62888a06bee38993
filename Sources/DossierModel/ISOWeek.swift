import DossierDiagnostics
import Foundation

/// An ISO 8601 week: Monday to Sunday, numbered within the year that holds its Thursday.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Reads `2022-W14`; nil when malformed or the year has no such week.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
            let y = Int(parts[0]), let w = Int(parts[1].dropFirst()), w >= 1, w <= ISOWeek.weeks(in: y)
        else { return nil }
        self.init(year: y, week: w)
    }

    /// 52 or 53.
    public static func weeks(in year: Int) -> Int {
        CivilDate(year: year, month: 12, day: 28).isoWeek.week
    }

    /// The week's Monday.
    public var monday: CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)
        return jan4.adding(days: -jan4.weekdayFromMonday + (week - 1) * 7)
    }

    public var sunday: CivilDate { monday.adding(days: 6) }
    public var next: ISOWeek { monday.adding(days: 7).isoWeek }
    public var previous: ISOWeek { monday.adding(days: -7).isoWeek }

    public var description: String { year.zeroPadded(4) + "-W" + week.zeroPadded(2) }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
