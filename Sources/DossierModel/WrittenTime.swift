/// The order of day and month in a numeric date whose year comes last (`04/11/2026`).
///
/// Set for a whole site by project.yml's `dates` key; otherwise decided per CSV column
/// by `DateColumn`.
public enum DateOrder: String, Sendable, CaseIterable {
    /// `04/11/2026` is 4 November 2026, as most of the world and every dotted date write it.
    case dayFirst = "day-first"
    /// `04/11/2026` is 11 April 2026, as US English (Excel, Redmine en) writes it.
    case monthFirst = "month-first"
}

/// A date or datetime read from its written form, before a day order or a time zone is
/// applied. Reads, with any amount of zero padding:
/// - year first: `2026-11-04`, `2026/11/4`, `2026.11.4`, `2026年11月4日`;
/// - year last: `4.11.2026`, `11/4/2026`, `4-11-2026` (day and month order left open);
/// - Jira's month name: `29/Apr/22`, `29/Apr/2022` (the only two-digit years: 20YY);
/// - then an optional time after a space (or `T`, or nothing after `日`): `14:50`,
///   `14:50:05`, `14:50:05.250`, `2:50 PM`, `下午2:50` (上午/下午 before the time, as
///   Chinese Excel writes them), and an optional offset `Z`, `+08:00`, `+0800`, `-05`.
///
/// Works on UTF-8 bytes without building strings, so reading a column costs little.
struct WrittenTime: Equatable {
    /// The day as written.
    enum Day: Equatable {
        /// Year first, or a month name: the day is known.
        case known(year: Int, month: Int, day: Int)
        /// Numbers `first` and `second` before a four-digit year, separated by `separator`
        /// (`/`, `.` or `-`): which is the day depends on the `DateOrder`.
        case yearLast(first: Int, second: Int, year: Int, separator: UInt8)
    }

    var day: Day
    /// Seconds since local midnight, nil for a date alone.
    var secondOfDay: Int?
    /// Seconds east of UTC when the text gave an offset.
    var offset: Int?

    /// The calendar day in `order`; nil when that day does not exist.
    func date(_ order: DateOrder) -> CivilDate? {
        let (year, month, day): (Int, Int, Int)
        switch self.day {
        case .known(let y, let m, let d): (year, month, day) = (y, m, d)
        case .yearLast(let first, let second, let y, _):
            (year, month, day) = order == .dayFirst ? (y, second, first) : (y, first, second)
        }
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The order a year-last date proves by a number above 12 (it can only be the day),
    /// nil when both numbers could be either or the date is not year-last.
    var provenOrder: DateOrder? {
        guard case .yearLast(let first, let second, _, _) = day else { return nil }
        if first > 12, first <= 31, second <= 12 { return .dayFirst }
        if second > 12, second <= 31, first <= 12 { return .monthFirst }
        return nil
    }

    /// True when the two orders give two different existing days (`04/11/2026`);
    /// `05/05/2026` reads the same either way.
    var isAmbiguous: Bool {
        guard case .yearLast(let first, let second, _, _) = day else { return false }
        return first != second && (1...12).contains(first) && (1...12).contains(second)
    }

    /// Reads `text`, ignoring spaces, tabs and line breaks around it; nil when it is none
    /// of the forms above.
    init?(_ text: String) {
        var copy = text
        let value = copy.withUTF8 { bytes -> WrittenTime? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return Self.read(ByteCursor(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        guard let value else { return nil }
        self = value
    }

    private init(day: Day, secondOfDay: Int?, offset: Int?) {
        self.day = day
        self.secondOfDay = secondOfDay
        self.offset = offset
    }

    private static let year = Array("年".utf8), month = Array("月".utf8), dayMark = Array("日".utf8)
    private static let morning = Array("上午".utf8), afternoon = Array("下午".utf8)
    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    private static func read(_ start: ByteCursor) -> WrittenTime? {
        var cursor = start
        guard let (first, firstDigits) = cursor.number() else { return nil }
        let day: Day
        var chinese = false
        if firstDigits == 4 {
            var m = 0, d = 0
            if cursor.skip(year) {
                guard let (mm, md) = cursor.number(), md <= 2, cursor.skip(month), let (dd, dd2) = cursor.number(), dd2 <= 2,
                    cursor.skip(dayMark)
                else { return nil }
                (m, d, chinese) = (mm, dd, true)
            } else {
                guard let separator = cursor.next(), separator == .slash || separator == .dot || separator == .dash,
                    let (mm, md) = cursor.number(), md <= 2, cursor.skip(separator), let (dd, dd2) = cursor.number(), dd2 <= 2
                else { return nil }
                (m, d) = (mm, dd)
            }
            day = .known(year: first, month: m, day: d)
        } else if firstDigits <= 2 {
            guard let separator = cursor.next(), separator == .slash || separator == .dot || separator == .dash else { return nil }
            if separator == .slash, let letter = cursor.peek(), letter.isASCIILetter {
                // Jira: 29/Apr/22.
                let name = cursor.letters()
                guard let index = monthAbbreviations.firstIndex(where: { $0 == name }), cursor.skip(separator),
                    let (y, yearDigits) = cursor.number(), yearDigits == 2 || yearDigits == 4
                else { return nil }
                day = .known(year: yearDigits == 2 ? 2000 + y : y, month: index + 1, day: first)
            } else {
                guard let (second, secondDigits) = cursor.number(), secondDigits <= 2, cursor.skip(separator),
                    let (y, yearDigits) = cursor.number(), yearDigits == 4
                else { return nil }
                day = .yearLast(first: first, second: second, year: y, separator: separator)
            }
        } else {
            return nil
        }
        if cursor.atEnd { return WrittenTime(day: day, secondOfDay: nil, offset: nil) }

        // The time: after spaces, a T followed by a digit, or straight after 日.
        let spaces = cursor.skipSpaces()
        if spaces == 0, !chinese {
            guard cursor.peek() == UInt8(ascii: "T"), cursor.peek(1)?.isASCIIDigit == true else { return nil }
            cursor.index += 1
        }
        var afternoon: Bool?
        if cursor.skip(morning) {
            afternoon = false
        } else if cursor.skip(self.afternoon) {
            afternoon = true
        }
        if afternoon != nil { cursor.skipSpaces() }
        guard let (hour, hourDigits) = cursor.number(), hourDigits <= 2, cursor.skip(.colon),
            let (minute, minuteDigits) = cursor.number(), minuteDigits == 2, minute <= 59
        else { return nil }
        var second = 0
        if cursor.skip(.colon) {
            guard let (s, secondDigits) = cursor.number(), secondDigits == 2, s <= 59 else { return nil }
            second = s
            if cursor.skip(.dot) {  // fractions of a second are dropped
                guard cursor.number() != nil else { return nil }
            }
        }
        cursor.skipSpaces()
        if afternoon == nil, let a = cursor.peek()?.lowercased, a == UInt8(ascii: "a") || a == UInt8(ascii: "p"),
            cursor.peek(1)?.lowercased == UInt8(ascii: "m")
        {
            afternoon = a == UInt8(ascii: "p")
            cursor.index += 2
            cursor.skipSpaces()
        }
        var hours = hour
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hours = hour % 12 + (afternoon ? 12 : 0)
        } else if hour > 23 {
            return nil
        }
        var offset: Int?
        if !cursor.atEnd {
            guard let o = parseOffset(cursor.rest) else { return nil }
            offset = o
        }
        return WrittenTime(day: day, secondOfDay: hours * 3600 + minute * 60 + second, offset: offset)
    }

    /// `Z`, `+08:00`, `+0800`, `-05` → seconds east of UTC.
    static func parseOffset(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        if bytes.count == 1, bytes.first == UInt8(ascii: "Z") { return 0 }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var values: [Int] = []
        for (position, byte) in bytes.dropFirst().enumerated() {
            if byte == .colon, position == 2 { continue }
            guard byte.isASCIIDigit else { return nil }
            values.append(Int(byte - UInt8(ascii: "0")))
        }
        guard values.count == 2 || values.count == 4 else { return nil }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 14, minutes <= 59 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

/// A read position in UTF-8 bytes.
private struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index >= bytes.count }
    var rest: UnsafeBufferPointer<UInt8>.SubSequence { bytes[index...] }

    func peek(_ ahead: Int = 0) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    mutating func next() -> UInt8? {
        defer { index += 1 }
        return peek()
    }

    /// The decimal number here (at most 9 digits) and how many digits it has.
    mutating func number() -> (Int, Int)? {
        var value = 0, digits = 0
        while let byte = peek(), byte.isASCIIDigit, digits < 9 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        if peek()?.isASCIIDigit == true { return nil }
        return digits == 0 ? nil : (value, digits)
    }

    /// The ASCII letters here, lower-cased.
    mutating func letters() -> [UInt8] {
        var word: [UInt8] = []
        while let byte = peek(), byte.isASCIILetter {
            word.append(byte.lowercased)
            index += 1
        }
        return word
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    mutating func skip(_ sequence: [UInt8]) -> Bool {
        guard index + sequence.count <= bytes.count, bytes[index..<index + sequence.count].elementsEqual(sequence) else { return false }
        index += sequence.count
        return true
    }

    @discardableResult
    mutating func skipSpaces() -> Int {
        let start = index
        while peek() == UInt8(ascii: " ") { index += 1 }
        return index - start
    }
}

extension UInt8 {
    fileprivate static let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
    fileprivate var isASCIIDigit: Bool { self >= 48 && self <= 57 }
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= 97 && (self | 0x20) <= 122 }
    fileprivate var lowercased: UInt8 { isASCIILetter ? self | 0x20 : self }
}
