/// Splits text into lines at LF, dropping a CR before it.
///
/// `String.split(separator: "\n")` does not work for CRLF text: in Swift "\r\n" is a
/// single Character, so it never equals "\n". This works on Unicode scalars instead.
public enum TextLines {
    /// The lines of `text`; a final line break does not make an empty last line
    /// unless `keepingTrailingEmpty` is set.
    public static func split(_ text: String, keepingTrailingEmpty: Bool = true) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                var end = index
                if end > start, scalars[scalars.index(before: end)] == "\r" { end = scalars.index(before: end) }
                lines.append(Substring(text.unicodeScalars[start..<end]))
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if start < scalars.endIndex || keepingTrailingEmpty {
            var end = scalars.endIndex
            if end > start, scalars[scalars.index(before: end)] == "\r" { end = scalars.index(before: end) }
            lines.append(Substring(text.unicodeScalars[start..<end]))
        }
        return lines
    }

    /// Line `number` (1-based) of `text`, nil past the end.
    public static func line(_ number: Int, of text: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        var index = start
        while index < scalars.endIndex {
            if scalars[index] == "\n" {
                if current == number { return trimCR(Substring(scalars[start..<index])) }
                current += 1
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        return current == number ? trimCR(Substring(scalars[start..<scalars.endIndex])) : nil
    }

    private static func trimCR(_ line: Substring) -> Substring {
        line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
    }
}
