import DossierDiagnostics

/// The order of day and month in a numeric date whose year comes last (`04/11/2026`).
///
/// Set for a whole site's slash and dash dates by project.yml's `dates` key; otherwise
/// decided per CSV column by `DateColumn`. Dotted dates are day-first, always.
public enum DateOrder: String, Sendable, CaseIterable {
    /// `04/11/2026` is 4 November 2026, as most of the world and every dotted date write it.
    case dayFirst = "day-first"
    /// `04/11/2026` is 11 April 2026, as US English (Excel, Redmine en) writes it.
    case monthFirst = "month-first"
}

/// A date or datetime read from its written form, before a day order or a time zone is
/// applied. Reads, with any amount of zero padding:
/// - year first: `2026-11-04`, `2026/11/4`, `2026.11.4`, `2026年11月4日`, the last
///   optionally followed by its weekday (`星期三`, `周三`, `礼拜三`, in brackets or not),
///   which must be the date's;
/// - year last: `4.11.2026`, `11/4/2026`, `4-11-2026` (day and month order left open;
///   dotted dates are day-first by convention, see `DateColumn`);
/// - a month name, English (`Nov`, `November`, `Sept`) or Russian (genitive `ноября`,
///   nominative `ноябрь`, abbreviated `нояб.`, `ноя`): `29/Apr/22` (Jira), `4-Nov-26`,
///   `04-Nov-2026` (Excel), `04 Nov 2026`, `04 November 2026`, `Nov 04, 2026`,
///   `November 04, 2026` (Redmine), `4 ноября 2026 г.`; only with a month name may the
///   year have two digits (20YY);
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

    /// Why a text is not a date, when more can be said than that it is none of the forms.
    enum Refusal: Error, Equatable {
        /// None of the forms.
        case unreadable
        /// A numeric date whose year has two digits (`11/4/26`, `04.11.26`): which century?
        case twoDigitYear(Int)
        /// A word where a month name belongs that is none (`26/Foo/22`).
        case unknownMonth(String)
        /// A weekday after the date that is not the date's: `written` as in the text,
        /// `actual` the date's own (0 Monday … 6 Sunday).
        case wrongWeekday(date: CivilDate, written: String, actual: Int)
        /// A day the calendar does not have (`31.11.2026`, `2026-02-29`, `2026/13/4`);
        /// `dotted` when the text wrote it with dots, which are read day.month.year
        /// (`04.13.2026` has no month 13).
        case noSuchDay(year: Int, month: Int, day: Int, dotted: Bool)

        /// Why, in words, or nil when there is nothing to say but that the text is no date.
        var reason: Message? {
            switch self {
            case .unreadable: return nil
            case .twoDigitYear(let year): return Message("date.two-digit-year", ["year": .number(2000 + year)])
            case .unknownMonth(let word): return Message("date.unknown-month", ["word": .value(word)])
            case .wrongWeekday(let date, let written, let actual):
                return Message(
                    "date.wrong-weekday",
                    ["date": .value("\(date)"), "weekday": .value(Self.chineseWeekdays[actual]), "written": .value(written)])
            case .noSuchDay(let year, let month, let day, let dotted):
                if !(1...12).contains(month) {
                    return Message(dotted ? "date.no-month-dotted" : "date.no-month", ["month": .number(month)])
                }
                if day < 1 { return Message("date.no-day", ["day": .number(day)]) }
                let days = CivilDate.daysInMonth(year: year, month: month)
                let name = Message.Argument.term("month-\(month)")
                return month == 2
                    ? Message("date.february-days", ["month": name, "year": .value(String(year)), "count": .number(days)])
                    : Message("date.month-days", ["month": name, "count": .number(days)])
            }
        }

        static let chineseWeekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
    }

    var day: Day
    /// Seconds since local midnight, nil for a date alone.
    var secondOfDay: Int?
    /// Seconds east of UTC when the text gave an offset.
    var offset: Int?

    /// The calendar day in `order`; nil when that day does not exist.
    func date(_ order: DateOrder) -> CivilDate? { try? civilDate(order).get() }

    /// The calendar day in `order`, or why there is none (`.noSuchDay`).
    func civilDate(_ order: DateOrder) -> Result<CivilDate, Refusal> {
        let (year, month, day): (Int, Int, Int)
        var dotted = false
        switch self.day {
        case .known(let y, let m, let d): (year, month, day) = (y, m, d)
        case .yearLast(let first, let second, let y, let separator):
            (year, month, day) = order == .dayFirst ? (y, second, first) : (y, first, second)
            dotted = separator == .dot
        }
        guard CivilDate.isValid(year: year, month: month, day: day) else {
            return .failure(.noSuchDay(year: year, month: month, day: day, dotted: dotted))
        }
        return .success(CivilDate(year: year, month: month, day: day))
    }

    /// True for a year-last date written with dots (`04.11.2026`), which is day-first.
    var isDotted: Bool {
        if case .yearLast(_, _, _, .dot) = day { return true }
        return false
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
        guard case .success(let value) = Self.read(text) else { return nil }
        self = value
    }

    /// Reads `text`, ignoring spaces, tabs and line breaks around it, or says why it is
    /// none of the forms above. A day the calendar lacks is found by `civilDate(_:)`
    /// (its order may be needed), except after a weekday, which is checked here.
    static func read(_ text: String) -> Result<WrittenTime, Refusal> {
        var copy = text
        return copy.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
            var start = 0
            var end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return Self.read(ByteCursor(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
    }

    private init(day: Day, secondOfDay: Int?, offset: Int?) {
        self.day = day
        self.secondOfDay = secondOfDay
        self.offset = offset
    }

    private static let year = Array("年".utf8), month = Array("月".utf8), dayMark = Array("日".utf8)
    private static let morning = Array("上午".utf8), afternoon = Array("下午".utf8)
    private static let hourMark = Array("时".utf8), minuteMark = Array("分".utf8), secondMark = Array("秒".utf8)
    fileprivate static let weekdayWords = ["星期", "礼拜", "周"].map { Array($0.utf8) }
    /// 一 … 六 are Monday to Saturday; 日 and 天 Sunday.
    fileprivate static let weekdayDigits = ["一", "二", "三", "四", "五", "六", "日", "天"].map { Array($0.utf8) }
    fileprivate static let openBrackets = ["(", "（"].map { Array($0.utf8) }, closeBrackets = [")", "）"].map { Array($0.utf8) }
    private static let russianYear = Array("г".utf8)

    /// Lower-cased month names and abbreviations (written with or without a final dot)
    /// → month number: English, and Russian in the genitive (`4 ноября`), the nominative
    /// and the abbreviations Russian Excel and CLDR write.
    private static let monthNumbers: [String: Int] = {
        var numbers: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "января", "январь", "янв"], ["february", "feb", "февраля", "февраль", "фев", "февр"],
            ["march", "mar", "марта", "март", "мар"], ["april", "apr", "апреля", "апрель", "апр"],
            ["may", "мая", "май"], ["june", "jun", "июня", "июнь", "июн"], ["july", "jul", "июля", "июль", "июл"],
            ["august", "aug", "августа", "август", "авг"], ["september", "sep", "sept", "сентября", "сентябрь", "сен", "сент"],
            ["october", "oct", "октября", "октябрь", "окт"], ["november", "nov", "ноября", "ноябрь", "ноя", "нояб"],
            ["december", "dec", "декабря", "декабрь", "дек"],
        ]
        for (index, words) in names.enumerated() {
            for word in words { numbers[word] = index + 1 }
        }
        return numbers
    }()

    private static func read(_ start: ByteCursor) -> Result<WrittenTime, Refusal> {
        var cursor = start
        let day: Day
        var chinese = false
        /// A year after a month name: four digits, or two (20YY).
        func namedYear() -> Int? {
            guard let (y, digits) = cursor.number(), digits == 4 || digits == 2 else { return nil }
            return digits == 2 ? 2000 + y : y
        }
        /// The month a word names, or why the text is refused.
        func monthNamed(_ word: String) -> Result<Int, Refusal> {
            if let month = monthNumbers[word.lowercased()] { return .success(month) }
            return .failure(word.count >= 3 ? .unknownMonth(word) : .unreadable)
        }
        if cursor.startsWord {
            // Redmine: `Nov 04, 2026`, `November 04, 2026`.
            let word = cursor.word()
            guard case .success(let m) = monthNamed(word) else { return .failure(.unreadable) }
            _ = cursor.skip(.dot)
            guard cursor.skipSpaces() > 0, let (d, dayDigits) = cursor.number(), dayDigits <= 2 else {
                return .failure(.unreadable)
            }
            _ = cursor.skip(.comma)
            guard cursor.skipSpaces() > 0, let y = namedYear() else { return .failure(.unreadable) }
            day = .known(year: y, month: m, day: d)
        } else {
            guard let (first, firstDigits) = cursor.number() else { return .failure(.unreadable) }
            if firstDigits == 4 {
                var m = 0
                var d = 0
                if cursor.skip(year) {
                    guard let (mm, md) = cursor.number(), md <= 2, cursor.skip(month), let (dd, dd2) = cursor.number(), dd2 <= 2,
                        cursor.skip(dayMark)
                    else { return .failure(.unreadable) }
                    (m, d, chinese) = (mm, dd, true)
                } else {
                    guard let separator = cursor.next(), separator == .slash || separator == .dot || separator == .dash,
                        let (mm, md) = cursor.number(), md <= 2, cursor.skip(separator), let (dd, dd2) = cursor.number(), dd2 <= 2
                    else { return .failure(.unreadable) }
                    (m, d) = (mm, dd)
                }
                day = .known(year: first, month: m, day: d)
                if chinese, let (written, weekday) = cursor.chineseWeekday() {
                    // `2026年11月4日 星期三`: the weekday must be the date's.
                    guard CivilDate.isValid(year: first, month: m, day: d) else {
                        return .failure(.noSuchDay(year: first, month: m, day: d, dotted: false))
                    }
                    let date = CivilDate(year: first, month: m, day: d)
                    guard date.weekdayFromMonday == weekday else {
                        return .failure(.wrongWeekday(date: date, written: written, actual: date.weekdayFromMonday))
                    }
                }
            } else if firstDigits <= 2 {
                if cursor.peek() == .space {
                    // `04 Nov 2026`, `04 November 2026`, `4 ноября 2026 г.`
                    cursor.skipSpaces()
                    guard cursor.startsWord else { return .failure(.unreadable) }
                    let m: Int
                    switch monthNamed(cursor.word()) {
                    case .success(let value): m = value
                    case .failure(let refusal): return .failure(refusal)
                    }
                    _ = cursor.skip(.dot)
                    guard cursor.skipSpaces() > 0, let y = namedYear() else { return .failure(.unreadable) }
                    day = .known(year: y, month: m, day: first)
                    // Russian writes `г.` (год) after the year.
                    let afterYear = cursor.index
                    cursor.skipSpaces()
                    if cursor.skip(russianYear), !cursor.startsWord {
                        _ = cursor.skip(.dot)
                    } else {
                        cursor.index = afterYear
                    }
                } else {
                    guard let separator = cursor.next(), separator == .slash || separator == .dot || separator == .dash else {
                        return .failure(.unreadable)
                    }
                    if cursor.startsWord {
                        // Jira `29/Apr/22`, Excel `4-Nov-26`, `04-Nov-2026`; Jira in Russian
                        // writes the abbreviation with its dot (`04/нояб./26`).
                        let m: Int
                        switch monthNamed(cursor.word()) {
                        case .success(let value): m = value
                        case .failure(let refusal): return .failure(refusal)
                        }
                        if separator != .dot { _ = cursor.skip(.dot) }
                        guard cursor.skip(separator), let y = namedYear() else { return .failure(.unreadable) }
                        day = .known(year: y, month: m, day: first)
                    } else if let m = cursor.chineseMonth(monthMark: month) {
                        // Jira in Chinese: `04/11月/26`, `04/十一月/26`.
                        guard cursor.skip(separator), let y = namedYear() else { return .failure(.unreadable) }
                        day = .known(year: y, month: m, day: first)
                    } else {
                        guard let (second, secondDigits) = cursor.number(), secondDigits <= 2, cursor.skip(separator),
                            let (y, yearDigits) = cursor.number()
                        else { return .failure(.unreadable) }
                        // `11/4/26`, `04.11.26` (LibreOffice): no month name says which is which, nor the century.
                        if yearDigits == 2 { return .failure(.twoDigitYear(y)) }
                        guard yearDigits == 4 else { return .failure(.unreadable) }
                        day = .yearLast(first: first, second: second, year: y, separator: separator)
                    }
                }
            } else {
                return .failure(.unreadable)
            }
        }
        guard let (secondOfDay, offset) = readTime(&cursor, afterChinese: chinese) else { return .failure(.unreadable) }
        return .success(WrittenTime(day: day, secondOfDay: secondOfDay, offset: offset))
    }

    /// The optional time after a date, and its offset: nil when what follows the date is
    /// no time; (nil, nil) when nothing follows.
    private static func readTime(_ cursor: inout ByteCursor, afterChinese chinese: Bool) -> (Int?, Int?)? {
        if cursor.atEnd { return (nil, nil) }

        // The time: after spaces, a T followed by a digit, or straight after 日.
        let spaces = cursor.skipSpaces()
        if spaces == 0, !chinese {
            guard cursor.peek() == UInt8(ascii: "T"), cursor.peek(1)?.isASCIIDigit == true else { return nil }
            cursor.index += 1
        }
        var afternoon = chineseMeridiem(&cursor)
        guard let (hour, hourDigits) = cursor.number(), hourDigits <= 2 else { return nil }
        if chinese, cursor.skip(hourMark) {
            // Excel's 年月日 formats also write the time in Chinese: `14时50分`, `下午2时50分30秒`.
            guard let (minute, minuteDigits) = cursor.number(), minuteDigits <= 2, minute <= 59, cursor.skip(minuteMark)
            else { return nil }
            var second = 0
            if let (s, secondDigits) = cursor.number() {
                guard secondDigits <= 2, s <= 59, cursor.skip(secondMark) else { return nil }
                second = s
            }
            cursor.skipSpaces()
            guard cursor.atEnd, let hours = hours24(hour, afternoon: afternoon) else { return nil }
            return (hours * 3600 + minute * 60 + second, nil)
        }
        guard cursor.skip(.colon), let (minute, minuteDigits) = cursor.number(), minuteDigits == 2, minute <= 59
        else { return nil }
        var second = 0
        if cursor.skip(.colon) {
            guard let (s, secondDigits) = cursor.number(), secondDigits == 2, s <= 59 else { return nil }
            second = s
            // Fractions of a second are dropped; Russian and German software write them
            // after a comma (`14:50:05,250`).
            if cursor.skip(.dot) || cursor.skip(.comma) {
                guard cursor.number() != nil else { return nil }
            }
        }
        cursor.skipSpaces()
        if afternoon == nil {
            afternoon = chineseMeridiem(&cursor)  // Jira in Chinese writes it after the time: `2:50 下午`
        }
        if afternoon == nil, let a = cursor.peek()?.lowercased, a == UInt8(ascii: "a") || a == UInt8(ascii: "p"),
            cursor.peek(1)?.lowercased == UInt8(ascii: "m")
        {
            afternoon = a == UInt8(ascii: "p")
            cursor.index += 2
            cursor.skipSpaces()
        }
        guard let hours = hours24(hour, afternoon: afternoon) else { return nil }
        var offset: Int?
        if !cursor.atEnd {
            guard let o = parseOffset(cursor.rest) else { return nil }
            offset = o
        }
        return (hours * 3600 + minute * 60 + second, offset)
    }

    /// 上午 (false) or 下午 (true) here, and the spaces after it; nil when neither is written.
    private static func chineseMeridiem(_ cursor: inout ByteCursor) -> Bool? {
        let afternoon: Bool
        if cursor.skip(morning) { afternoon = false } else if cursor.skip(self.afternoon) { afternoon = true } else { return nil }
        cursor.skipSpaces()
        return afternoon
    }

    /// The hour on a 24-hour clock: a 12-hour one (1–12) with AM/PM or 上午/下午; nil
    /// when the hour does not exist on its clock.
    private static func hours24(_ hour: Int, afternoon: Bool?) -> Int? {
        guard let afternoon else { return hour <= 23 ? hour : nil }
        guard (1...12).contains(hour) else { return nil }
        return hour % 12 + (afternoon ? 12 : 0)
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
        var value = 0
        var digits = 0
        while let byte = peek(), byte.isASCIIDigit, digits < 9 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        if peek()?.isASCIIDigit == true { return nil }
        return digits == 0 ? nil : (value, digits)
    }

    /// True when a word starts here: an ASCII letter, or a letter of a two-byte UTF-8
    /// sequence (Latin, Cyrillic; not Chinese, whose characters take three bytes).
    var startsWord: Bool {
        guard let byte = peek() else { return false }
        return byte.isASCIILetter || (0xC2...0xDF).contains(byte)
    }

    /// A month written in Chinese, `11月` or `十一月`, its number; nil (the cursor where it
    /// was) when none is written here.
    mutating func chineseMonth(monthMark: [UInt8]) -> Int? {
        let start = index
        if let (m, digits) = number(), digits <= 2, (1...12).contains(m), skip(monthMark) { return m }
        index = start
        let numerals = ["十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let values = [12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        for (numeral, value) in zip(numerals, values) where skip(Array(numeral.utf8)) {
            if skip(monthMark) { return value }
            index = start
        }
        return nil
    }

    /// The word here (see `startsWord`), as written.
    mutating func word() -> String {
        let start = index
        while let byte = peek() {
            if byte.isASCIILetter {
                index += 1
            } else if (0xC2...0xDF).contains(byte), let next = peek(1), next & 0xC0 == 0x80 {
                index += 2
            } else {
                break
            }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A Chinese weekday after a date, `星期三`, `周三`, `礼拜日`, `（星期三）`, after
    /// optional spaces: the weekday as written and its number (0 Monday … 6 Sunday); nil,
    /// having read nothing, when there is none.
    mutating func chineseWeekday() -> (String, Int)? {
        let start = index
        skipSpaces()
        let bracketed = WrittenTime.openBrackets.contains { skip($0) }
        let wordStart = index
        guard WrittenTime.weekdayWords.contains(where: { skip($0) }),
            let digit = WrittenTime.weekdayDigits.firstIndex(where: { skip($0) })
        else {
            index = start
            return nil
        }
        let written = String(decoding: bytes[wordStart..<index], as: UTF8.self)
        if bracketed, !WrittenTime.closeBrackets.contains(where: { skip($0) }) {
            index = start
            return nil
        }
        return (written, min(digit, 6))
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    mutating func skip(_ sequence: [UInt8]) -> Bool {
        guard index + sequence.count <= bytes.count, bytes[index..<index + sequence.count].elementsEqual(sequence) else {
            return false
        }
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
    fileprivate static let space = UInt8(ascii: " "), comma = UInt8(ascii: ",")
    fileprivate var isASCIIDigit: Bool { self >= 48 && self <= 57 }
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= 97 && (self | 0x20) <= 122 }
    fileprivate var lowercased: UInt8 { isASCIILetter ? self | 0x20 : self }
}
