/// Escaping for text placed in Markdown that Dossier writes (a weekly report, a records
/// diff), as `HTMLText` is for HTML.
package enum MarkdownText {
    /// `text` as literal GitHub Flavored Markdown inside a line: a backslash before each
    /// character that could start emphasis, code, a link, raw HTML, a table cell, a
    /// heading, a strikethrough or an entity reference such as `&amp;`
    /// (``\ ` * _ [ ] < > | # ~ &``; CommonMark §2.4 lets any
    /// ASCII punctuation be escaped so), and line breaks as spaces, so a record's text
    /// stays on its line.
    package static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#~&".contains(character) { out.append("\\") }
            out.append(character == "\n" || character == "\r" || character == "\r\n" ? " " : character)
        }
        return out
    }

    /// `text` escaped as `escape` does, for the start of a line, where `-`, `+`, `=`
    /// and a number followed by `.` or `)` would also start a list or underline a
    /// heading (CommonMark §4.3, §5.2).
    package static func escapeAtLineStart(_ text: String) -> String {
        let escaped = escape(text)
        if let first = escaped.first, "-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let marker = escaped.dropFirst(digits.count).first, marker == "." || marker == ")"
        {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }
}
