/// Heading anchors made exactly as GitHub makes them, so a link written while reading the
/// records on a git host lands on the same heading of the site.
///
/// The rules are those of the public `github-slugger` package (2.0), GitHub's reference
/// implementation, applied to a heading's plain text (see `MarkdownHeading.text`):
/// 1. The text is lower-cased with Unicode's full mappings (`İ` becomes `i̇`), a capital
///    sigma at the end of a word becoming `ς`, as JavaScript's `toLowerCase` does.
/// 2. Dropped: other numbers (`²`, `½`, `①`), punctuation other than connector
///    punctuation (`.`, `’`, `(`, `–`, `«`; but `-` is kept), symbols (`♥`, `€`, `+`,
///    emoji such as `🎉` and `⚠`), controls, format characters (zero-width joiner, soft
///    hyphen), private-use and unassigned code points, and separators other than the
///    space (no-break space, ideographic space, line separator). A character with the
///    Unicode Alphabetic property is kept whatever its category (`Ⓐ` becomes `ⓐ`).
/// 3. Kept: letters and marks of every script (a variation selector such as U+FE0F is a
///    mark: `⚠️ Known problems` gives U+FE0F then `-known-problems`), decimal and letter
///    numbers (`7`, `Ⅻ`), connector punctuation (`_`, `‿`, `＿`) and `-`.
/// 4. Each space becomes `-`; leading and trailing spaces included, nothing is trimmed
///    or collapsed (`a - b` gives `a---b`).
/// 5. Repeats, in document order: an anchor already given gets `-1`, `-2`, … counted per
///    anchor, skipping any that is itself taken (`echo`, `echo`, `echo 1` give `echo`,
///    `echo-1`, `echo-1-1`). An empty anchor counts too: the second gives `-1`.
///
/// GitHub's anchor of a heading of only dropped characters (`## 🎉`) is empty; the page
/// gives such a heading an id of its own (see `FragmentIDs`). As in github-slugger, a
/// code point not yet assigned in Unicode 13.0 counts as unassigned and is dropped; the
/// categories of the others are the toolchain's.
public struct HeadingSlugger: Sendable {
    /// The Unicode version of github-slugger's tables: code points assigned later count
    /// as unassigned, and are dropped.
    static let unicodeVersion: Unicode.Version = (major: 13, minor: 0)

    /// How many repeats each anchor given so far has had.
    private var used: [String: Int] = [:]

    public init() {}

    /// The anchor of the next heading with this text (rule 5).
    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        while used[candidate] != nil {
            let next = used[base, default: 0] + 1
            used[base] = next
            candidate = "\(base)-\(next)"
        }
        used[candidate] = 0
        return candidate
    }

    /// The anchor of `text` without the repeat suffix (rules 1–4).
    public static func baseSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in lowercased(text).unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if isKept(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether a scalar other than the space stays in an anchor (rules 2 and 3).
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" { return true }
        // Unassigned in github-slugger's Unicode 13.0: dropped, whatever it is today.
        guard let age = scalar.properties.age, age <= Self.unicodeVersion else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .connectorPunctuation:
            return true
        default:
            return scalar.properties.isAlphabetic
        }
    }

    /// `text` lower-cased as JavaScript's `String.prototype.toLowerCase` does: each
    /// scalar by its full lower-case mapping, and the one context rule of Unicode's
    /// SpecialCasing that applies everywhere, Final_Sigma.
    static func lowercased(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{03A3}" {
                out.append(isFinalSigma(at: index, in: scalars) ? "\u{03C2}" : "\u{03C3}")
            } else if scalar.isASCII {
                out.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Unicode's Final_Sigma: a cased letter before the sigma and none after it, skipping
    /// case-ignorable characters both ways.
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func casedBefore() -> Bool {
            var i = index - 1
            while i >= 0 {
                if !scalars[i].properties.isCaseIgnorable { return scalars[i].properties.isCased }
                i -= 1
            }
            return false
        }
        func casedAfter() -> Bool {
            var i = index + 1
            while i < scalars.count {
                if !scalars[i].properties.isCaseIgnorable { return scalars[i].properties.isCased }
                i += 1
            }
            return false
        }
        return casedBefore() && !casedAfter()
    }
}
