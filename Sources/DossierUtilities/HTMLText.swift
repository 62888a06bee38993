/// Escaping for text placed in HTML.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, for text and attribute values alike.
    ///
    /// Code point by code point, not Character by Character: a `"` followed by a
    /// combining mark or U+FE0F is one Swift Character, and escaping whole Characters
    /// would leave that quote to close the attribute (an HTML parser reads code points).
    public static func escapeAttribute(_ text: String) -> String { escape(text, apostrophe: true) }

    /// Escapes `&`, `<`, `>` and `"`, code point by code point as `escapeAttribute`
    /// does: text and double-quoted attribute values that keep their `'` as written (a
    /// mail's `style="font-family:'Segoe UI'"`), as cmark-gfm escapes text.
    public static func escapeText(_ text: String) -> String { escape(text, apostrophe: false) }

    /// The escapes of both, `'` as `&#39;` when `apostrophe`; the text itself when
    /// nothing needs escaping.
    private static func escape(_ text: String, apostrophe: Bool) -> String {
        func special(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "&" || scalar == "<" || scalar == ">" || scalar == "\"" || (apostrophe && scalar == "'")
        }
        guard text.unicodeScalars.contains(where: special) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where apostrophe: out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
