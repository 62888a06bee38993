/// Heading anchors made the way GitHub makes them, so a link written while reading the
/// records on a git host keeps working on the site.
///
/// The heading's text is lower-cased; letters and digits of every script, `-` and `_`
/// are kept, each space becomes `-`, everything else (punctuation, symbols, emoji) is
/// dropped. A repeated anchor gets `-1`, `-2`, … in document order.
public struct HeadingSlugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The anchor of the next heading with this text.
    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        if let count = used[base] {
            var n = count
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while used[candidate] != nil
            used[base] = n
        }
        used[candidate] = used[candidate] ?? 0
        return candidate
    }

    /// The anchor of `text` without the repeat suffix.
    public static func baseSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                out.append(scalar)
            default:
                if scalar == " " || scalar == "-" {
                    out.append("-")
                } else if scalar == "_" {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
