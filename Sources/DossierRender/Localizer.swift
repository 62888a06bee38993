import DossierModel
import DossierTemplates
import Foundation

/// The site language's words (the theme's, see `ThemeWords`) and its way of writing dates
/// and numbers.
public struct Localizer: Sendable {
    public let language: String
    public let words: ThemeWords
    /// The words that are text as they read inside a line, by key: what templates read as
    /// `{{ti.KEY}}` (see `inline(_:)`).
    public let inlineStrings: [String: String]

    /// The words of `language` in `theme`.
    public init(language: String, theme: Theme) {
        self.language = language
        words = theme.words(for: language)
        inlineStrings = words.texts.mapValues(Self.inline)
    }

    /// The words that are text, by key: what templates read as `{{t.KEY}}`.
    public var strings: [String: String] { words.texts }

    /// A word as it reads inside a line, after a colon or within an aside's parentheses:
    /// with a lower-case first letter (`Целевой срок` → `(целевой срок: …)`, `None` →
    /// `Attendees: none`), as a label or a placeholder starts a line but not a phrase in it.
    /// A word that opens with an abbreviation (`SLA`, `ИТ-служба`) and text without case
    /// (Chinese) stay as written.
    public static func inline(_ word: String) -> String {
        guard let first = word.first, first.isUppercase else { return word }
        if let second = word.dropFirst().first, second.isUppercase { return word }
        return first.lowercased() + word.dropFirst()
    }

    /// `label` joined to `value` as the language writes it: `Target: Jan 5`, `目标解决时间：1月5日`.
    public func labelled(_ label: String, _ value: String) -> String { label + self["label_separator"] + value }

    /// `text` as an aside after a line's text, with the space before it the language writes:
    /// ` (due: Jan 5)`, `（截止日期：1月5日）`.
    public func aside(_ text: String) -> String { self["aside_open"] + text + self["aside_close"] }

    /// The word `key`; the key itself when the theme has no such word.
    public subscript(key: String) -> String { words.texts[key] ?? key }

    /// The word `key` said with `count`, in the form the language's plural rules choose
    /// (`count("tag_articles", 5)`: `5 articles`, `5 статей`, `5 篇文章`); the key and the
    /// number when the theme has no such word.
    public func count(_ key: String, _ count: Int) -> String {
        words.count(key, count) ?? "\(count) \(key)"
    }

    /// A label for a value: `label("status", "in-progress")` reads `status_in_progress`.
    public func label(_ group: String, _ value: String) -> String {
        self[ThemeWords.labelKey(group, value)]
    }

    /// A day as the language writes it: 2026年11月22日, 22.11.2026, Nov 22, 2026.
    public func date(_ day: CivilDate) -> String {
        switch language {
        case "zh": return "\(day.year)年\(day.month)月\(day.day)日"
        case "ru": return day.day.zeroPadded(2) + "." + day.month.zeroPadded(2) + "." + day.year.zeroPadded(4)
        default: return "\(Self.englishMonths[day.month - 1]) \(day.day), \(day.year)"
        }
    }

    /// A day without the year, for ranges within a year.
    public func shortDate(_ day: CivilDate) -> String {
        switch language {
        case "zh": return "\(day.month)月\(day.day)日"
        case "ru": return day.day.zeroPadded(2) + "." + day.month.zeroPadded(2)
        default: return "\(Self.englishMonths[day.month - 1]) \(day.day)"
        }
    }

    /// A record time: the day, and the local time when the record gave one.
    public func time(_ time: RecordTime, clock: ProjectClock) -> String {
        time.isDateOnly ? date(time.day) : "\(date(time.day)) \(clock.timeOfDay(time.instant))"
    }

    /// Monday to Sunday of a week; with the years when the week spans New Year
    /// (`Dec 29, 2025 – Jan 4, 2026`), since the ISO year named beside it is the Thursday's.
    public func range(_ week: ISOWeek) -> String {
        guard week.monday.year == week.sunday.year else { return "\(date(week.monday)) – \(date(week.sunday))" }
        return "\(shortDate(week.monday)) – \(shortDate(week.sunday))"
    }

    /// A decimal as the language writes it: `3.5` (en, zh), `3,5` (ru); a whole number without a fraction.
    public func number(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return language == "ru" ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// How the git history saw a milestone's due date move, as every page and report
    /// words it: "due moved 2 times · baseline: Mar 10, 2026 (+3 days)"; nil when it never
    /// moved (see `ProjectHistory.dueMoves(of:)`).
    public func dueMoves(_ moves: (baseline: CivilDate, moves: Int, days: Int)?) -> String? {
        guard let moves, moves.moves > 0 else { return nil }
        let sign = moves.days > 0 ? "+" : moves.days < 0 ? "−" : "±"
        return "\(count("ms_due_moves", moves.moves)) · " + labelled(self["ms_baseline"], date(moves.baseline))
            + aside(sign + count("ms_days_shift", abs(moves.days)))
    }

    /// A percentage as the language writes it: `92%` (en, zh), `92 %` with a no-break space (ru),
    /// as the Unicode CLDR does; templates write `{{value}}{{t.percent_sign}}` for the same result.
    public func percent(_ value: Int) -> String { "\(value)\(self["percent_sign"])" }

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
