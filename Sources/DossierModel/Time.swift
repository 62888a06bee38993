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

/// The project's time zone, which turns record dates into instants and instants into
/// days and weeks. Weeks run Monday 00:00 to the next Monday 00:00 local time.
public struct ProjectClock: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Reads a date or datetime as the records write them, and as Redmine, Jira and
    /// Excel export them:
    /// - `2022-04-29`, `2022/04/29`, with ` 14:50`, ` 14:50:05`, `T14:50:00+08:00`
    ///   (`Z`, `+0800` too): ISO 8601 and Redmine zh;
    /// - `29.04.2022 14:50`: Redmine ru, Excel in Russian and German;
    /// - `04/29/2022 02:50 PM`: Redmine en (month first, as in the US);
    /// - `29/Apr/22 2:50 PM`: Jira.
    ///
    /// Without an offset the time is the project's local time. Nil when the text is none
    /// of these, or the day or time does not exist.
    public func parse(_ raw: String) -> RecordTime? {
        let text = raw.trimmed
        guard text.utf8.count >= 8 else { return nil }
        // The date ends at the first space, or at a "T" followed by a digit (ISO 8601).
        var dateEnd = text.endIndex
        if let space = text.firstIndex(of: " ") {
            dateEnd = space
        } else if let t = text.firstIndex(of: "T"), text.index(after: t) < text.endIndex, text[text.index(after: t)].isASCII,
            text[text.index(after: t)].isNumber
        {
            dateEnd = t
        }
        guard let date = Self.parseDate(text[..<dateEnd]) else { return nil }
        if dateEnd == text.endIndex { return RecordTime(instant: startOfDay(date), day: date, isDateOnly: true) }

        var rest = text[text.index(after: dateEnd)...].drop { $0 == " " }
        guard let (hour, minute, second, length) = Self.parseClock(rest) else { return nil }
        rest = rest.dropFirst(length)
        var hours = hour
        let trimmedRest = rest.drop { $0 == " " }
        let meridiem = trimmedRest.prefix(2).uppercased()
        if meridiem == "AM" || meridiem == "PM" {
            guard (1...12).contains(hour) else { return nil }
            hours = hour % 12 + (meridiem == "PM" ? 12 : 0)
            rest = trimmedRest.dropFirst(2)
        }
        let local = date.daysSinceEpoch * 86400 + hours * 3600 + minute * 60 + second
        let offsetText = rest.drop { $0 == " " }
        let instant: Date
        if offsetText.isEmpty {
            instant = localToInstant(local)
        } else {
            guard let offset = Self.parseOffset(Array(offsetText.utf8)) else { return nil }
            instant = Date(timeIntervalSince1970: TimeInterval(local - offset))
        }
        return RecordTime(instant: instant, day: day(of: instant), isDateOnly: false)
    }

    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date part: `2022-04-29`, `2022/04/29`, `29.04.2022`, `04/29/2022`, `29/Apr/22`.
    static func parseDate(_ text: Substring) -> CivilDate? {
        func number(_ part: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        var year: Int?, month: Int?, day: Int?
        if text.contains("-") || (text.contains("/") && text.prefix(while: { $0 != "/" }).count == 4) {
            let parts = text.split(separator: text.contains("-") ? "-" : "/", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            (year, month, day) = (number(parts[0], digits: 4...4), number(parts[1], digits: 2...2), number(parts[2], digits: 2...2))
        } else if text.contains(".") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            (day, month, year) = (number(parts[0], digits: 1...2), number(parts[1], digits: 1...2), number(parts[2], digits: 4...4))
        } else if text.contains("/") {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            if let index = monthAbbreviations.firstIndex(of: parts[1].lowercased()) {
                // Jira: 29/Apr/22 (a two-digit year is in this century).
                day = number(parts[0], digits: 1...2)
                month = index + 1
                year = number(parts[2], digits: 2...4).map { $0 < 100 ? 2000 + $0 : $0 }
            } else {
                (month, day, year) = (number(parts[0], digits: 1...2), number(parts[1], digits: 1...2), number(parts[2], digits: 4...4))
            }
        }
        guard let year, let month, let day, CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `14:50`, `2:50`, `14:50:05`, `14:50:05.123` at the start of `text`: hour, minute,
    /// second and the characters read.
    static func parseClock(_ text: Substring) -> (Int, Int, Int, Int)? {
        var index = text.startIndex
        func digits(max: Int) -> Int? {
            var value = 0
            var count = 0
            while index < text.endIndex, count < max, let digit = text[index].wholeNumberValue, text[index].isASCII {
                value = value * 10 + digit
                count += 1
                index = text.index(after: index)
            }
            return count == 0 ? nil : value
        }
        guard let hour = digits(max: 2), hour <= 23, index < text.endIndex, text[index] == ":" else { return nil }
        index = text.index(after: index)
        let minuteStart = index
        guard let minute = digits(max: 2), text.distance(from: minuteStart, to: index) == 2, minute <= 59 else { return nil }
        var second = 0
        if index < text.endIndex, text[index] == ":" {
            index = text.index(after: index)
            guard let s = digits(max: 2), s <= 59 else { return nil }
            second = s
            if index < text.endIndex, text[index] == "." {  // fractions are ignored
                index = text.index(after: index)
                while index < text.endIndex, text[index].isASCII, text[index].isNumber { index = text.index(after: index) }
            }
        }
        return (hour, minute, second, text.distance(from: text.startIndex, to: index))
    }

    /// `Z`, `+08:00`, `+0800`, `-05` → seconds east of UTC.
    static func parseOffset(_ bytes: [UInt8]) -> Int? {
        if bytes == [UInt8(ascii: "Z")] { return 0 }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let values = digits.map { Int($0 - 48) }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 14, minutes <= 59 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// The instant of local wall-clock seconds since 1970 in the project's zone.
    func localToInstant(_ local: Int) -> Date {
        let guess = Date(timeIntervalSince1970: TimeInterval(local))
        let first = timeZone.secondsFromGMT(for: guess)
        let second = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - first)))
        return Date(timeIntervalSince1970: TimeInterval(local - second))
    }

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
