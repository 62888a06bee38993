import DossierDiagnostics
import Foundation

/// A calendar day, without time or zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2022-04-29`; nil when the text is not that shape or the day does not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            CivilDate.isValid(year: y, month: m, day: d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 0 for Monday … 6 for Sunday.
    public var weekdayFromMonday: Int { ((daysSinceEpoch + 3) % 7 + 7) % 7 }

    /// The ISO week holding this day.
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 3 - weekdayFromMonday)
        let firstOfYear = CivilDate(year: thursday.year, month: 1, day: 1)
        return ISOWeek(year: thursday.year, week: (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1)
    }

    public var description: String {
        year.zeroPadded(4) + "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

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

/// How a local wall-clock time fits the project's zone, around a change of its UTC offset
/// (daylight saving time). Offsets are seconds east of UTC.
public enum LocalTimeFit: Equatable, Sendable {
    /// The time exists once (or the text gave its own offset).
    case exact
    /// The clocks jump over the time by `gap` seconds (spring forward); it was read
    /// `gap` seconds later, at UTC`offset`.
    case skipped(gap: Int, offset: Int)
    /// The clocks pass the time twice (fall back); it was read as the first, at
    /// UTC`firstOffset`; the second is at UTC`secondOffset`.
    case repeated(firstOffset: Int, secondOffset: Int)
}

/// The project's time zone, which turns record dates into instants and instants into
/// days and weeks. Weeks run Monday 00:00 to the next Monday 00:00 local time.
public struct ProjectClock: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Why a date written on its own cannot be read (see `read(_:order:)`).
    public enum DateProblem: Error, Equatable, Sendable {
        /// None of the forms, or a day the calendar lacks; `reason` says why when more
        /// can be said (`two-digit year: write the year in full (2026)`).
        case unreadable(reason: String?)
        /// A slash or dash date that reads as two different days, and no order was given.
        case ambiguous(monthFirst: CivilDate, dayFirst: CivilDate)
    }

    /// Reads one date or datetime on its own (a command-line value, a test) in any form
    /// `WrittenTime` knows. A dotted date is day-first; a slash or dash date whose year is
    /// last is read the only way it can be when a number is above 12, else in `order`,
    /// and is `.ambiguous` without one (CSV columns decide theirs with `DateColumn`).
    ///
    /// Without an offset the time is the project's local time; a local time the zone
    /// skips or repeats is read as `instant(ofLocal:)` says.
    public func read(_ raw: String, order: DateOrder?) -> Result<RecordTime, DateProblem> {
        let written: WrittenTime
        switch WrittenTime.read(raw) {
        case .success(let value): written = value
        case .failure(let refusal): return .failure(.unreadable(reason: refusal.reason))
        }
        var chosen = DateOrder.dayFirst
        if !written.isDotted {
            if let proven = written.provenOrder {
                chosen = proven
            } else if let order {
                chosen = order
            } else if written.isAmbiguous, let monthFirst = written.date(.monthFirst), let dayFirst = written.date(.dayFirst) {
                return .failure(.ambiguous(monthFirst: monthFirst, dayFirst: dayFirst))
            }
        }
        switch written.civilDate(chosen) {
        case .success(let date): return .success(time(written, on: date).time)
        case .failure(let refusal): return .failure(.unreadable(reason: refusal.reason))
        }
    }

    /// As `read(_:order:)` with an order always given; nil when the text cannot be read.
    public func parse(_ raw: String, order: DateOrder = .monthFirst) -> RecordTime? {
        try? read(raw, order: order).get()
    }

    /// The record time of `written`, read as the day `date`, and how its local time fits
    /// the zone (`.exact` for a date alone or a time with an offset).
    func time(_ written: WrittenTime, on date: CivilDate) -> (time: RecordTime, fit: LocalTimeFit) {
        guard let second = written.secondOfDay else {
            return (RecordTime(instant: startOfDay(date), day: date, isDateOnly: true), .exact)
        }
        let local = date.daysSinceEpoch * 86400 + second
        var instant: Date
        var fit = LocalTimeFit.exact
        if let offset = written.offset {
            instant = Date(timeIntervalSince1970: TimeInterval(local - offset))
        } else {
            (instant, fit) = self.instant(ofLocal: local)
        }
        return (RecordTime(instant: instant, day: day(of: instant), isDateOnly: false), fit)
    }

    /// The instant of local wall-clock seconds since 1970 in the project's zone, and
    /// whether that wall-clock time exists once, never or twice there.
    ///
    /// A time the clocks skip is moved forward by the length of the gap, and a time they
    /// repeat is the first of the two, as java.time and Temporal's "compatible" choice
    /// do: both are the wall-clock time read with the UTC offset in force before the
    /// change.
    func instant(ofLocal local: Int) -> (instant: Date, fit: LocalTimeFit) {
        // Zones change their offset at most once in two days, so the offsets a day either
        // side bracket the one wanted.
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - 86400)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + 86400)))
        let first = Date(timeIntervalSince1970: TimeInterval(local - before))
        if before == after { return (first, .exact) }
        let second = Date(timeIntervalSince1970: TimeInterval(local - after))
        let firstFits = timeZone.secondsFromGMT(for: first) == before
        let secondFits = timeZone.secondsFromGMT(for: second) == after
        switch (firstFits, secondFits) {
        case (true, true): return (first, .repeated(firstOffset: before, secondOffset: after))
        case (false, false): return (first, .skipped(gap: after - before, offset: after))
        case (true, false): return (first, .exact)
        case (false, true): return (second, .exact)
        }
    }

    /// The instant of local wall-clock seconds since 1970 in the project's zone.
    func localToInstant(_ local: Int) -> Date { instant(ofLocal: local).instant }

    /// 00:00 of `day` in the project's zone.
    public func startOfDay(_ day: CivilDate) -> Date { localToInstant(day.daysSinceEpoch * 86400) }

    /// The calendar day of `instant` in the project's zone.
    public func day(of instant: Date) -> CivilDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return CivilDate(daysSinceEpoch: Int((Double(seconds) / 86400).rounded(.down)))
    }

    /// The local wall-clock time of `instant`, `09:05`.
    public func timeOfDay(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let minutes = ((seconds % 86400) + 86400) % 86400 / 60
        return (minutes / 60).zeroPadded(2) + ":" + (minutes % 60).zeroPadded(2)
    }

    /// A record time as written in the project's zone: `2022-04-05` or `2022-04-05 09:00`.
    public func describe(_ time: RecordTime) -> String {
        time.isDateOnly ? time.day.description : "\(time.day) \(timeOfDay(time.instant))"
    }

    /// The week holding `instant`.
    public func week(of instant: Date) -> ISOWeek { day(of: instant).isoWeek }

    /// Monday 00:00 of `week` up to, not including, the next Monday 00:00.
    public func interval(of week: ISOWeek) -> Range<Date> {
        startOfDay(week.monday)..<startOfDay(week.monday.adding(days: 7))
    }
}

extension Int {
    /// The number in decimal, with zeros in front up to `width` characters (a minus sign
    /// counts), as `String(format: "%0*d")` writes it, without Foundation's cost.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        let padding = width - digits.utf8.count - sign.utf8.count
        return padding > 0 ? sign + String(repeating: "0", count: padding) + digits : sign + digits
    }
}
