/// A CLDR plural category: which form of a word goes with a number.
///
/// The rules are the Unicode CLDR's plural rules for cardinal numbers
/// (`common/supplemental/plurals.xml`, shown at
/// https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html),
/// for whole numbers, where CLDR's operands are `i` = the number and `v` = 0:
///
/// - `en`: **one** when i = 1 and v = 0; **other** for every other number.
/// - `ru`: **one** when v = 0 and i % 10 = 1 and i % 100 ≠ 11 (1, 21, 101: проблема);
///   **few** when v = 0 and i % 10 = 2..4 and i % 100 ≠ 12..14 (2, 22: проблемы);
///   **many** when v = 0 and i % 10 = 0, or i % 10 = 5..9, or i % 100 = 11..14 (0, 5, 11,
///   111: проблем); **other** for fractions only, which counts never are.
/// - `zh`: **other** for every number; the measure word belongs to the text (`{n} 个问题`).
///
/// A language Dossier has no rules for is read as English. A negative count takes the
/// form of its magnitude.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    /// The categories a word said with a count must give in `language`, in CLDR's order.
    public static func categories(for language: String) -> [PluralCategory] {
        switch language {
        case "ru": return [.one, .few, .many, .other]
        case "zh": return [.other]
        default: return [.one, .other]
        }
    }

    /// The category of the whole number `count` in `language`.
    public static func of(_ count: Int, language: String) -> PluralCategory {
        let i = count.magnitude
        switch language {
        case "ru":
            let last = i % 10
            let lastTwo = i % 100
            if last == 1 && lastTwo != 11 { return .one }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
            return .many
        case "zh":
            return .other
        default:
            return i == 1 ? .one : .other
        }
    }

    /// The whole numbers below `limit` (0 included) that take this category in `language`,
    /// smallest first: `[1]` for English `one`, `[1, 21, 31, …]` for Russian `one`, none for
    /// Russian `other`, which CLDR keeps for fractions.
    public func wholeNumbers(in language: String, below limit: Int = 200) -> [Int] {
        (0..<limit).filter { Self.of($0, language: language) == self }
    }

    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
