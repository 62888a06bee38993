/// Dossier's one line index: the lines of a text, split at LF with a CR before it
/// dropped, found by number without scanning from the top.
///
/// Lines are 1-based. Columns are 1-based and count Unicode scalars, as
/// `SourceLocation`'s do: a Chinese character, a Cyrillic letter or an emoji of one
/// scalar is one column. `column(line:utf8Column:)` turns a byte column (cmark's) into one.
///
/// `String.split(separator: "\n")` does not work for CRLF text: in Swift "\r\n" is a
/// single Character, so it never equals "\n". This works on UTF-8 bytes and Unicode
/// scalars instead.
public struct TextLines: Sendable {
    /// The text as UTF-8.
    public let utf8: [UInt8]
    /// UTF-8 offset of the start of each line.
    private let starts: [Int]

    public init(_ text: String) { self.init(utf8: Array(text.utf8)) }

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    /// The number of lines: one more than the number of LFs (a final LF ends with an
    /// empty line).
    public var count: Int { starts.count }

    /// The UTF-8 bytes of line `number` (1-based), its line break included; empty past
    /// the end.
    public func utf8(line number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= starts.count else { return [] }
        let end = number < starts.count ? starts[number] : utf8.count
        return utf8[starts[number - 1]..<end]
    }

    /// Line `number` (1-based) without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        var line = utf8(line: number)
        if line.last == UInt8(ascii: "\n") { line = line.dropLast() }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// The column (1-based, in Unicode scalars) of the 1-based UTF-8 byte column
    /// `utf8Column` of line `number`.
    public func column(line number: Int, utf8Column: Int) -> Int {
        let prefix = utf8(line: number).prefix(max(0, utf8Column - 1))
        return prefix.lazy.filter { $0 & 0xC0 != 0x80 }.count + 1
    }

    /// The UTF-8 column (1-based) where `needle` first occurs on line `number` at or
    /// after the UTF-8 column `from`, if it does.
    public func find(_ needle: [UInt8], line number: Int, from: Int) -> Int? {
        let text = Array(utf8(line: number))
        guard !needle.isEmpty, text.count >= needle.count else { return nil }
        var index = max(0, from - 1)
        while index + needle.count <= text.count {
            if text[index..<index + needle.count].elementsEqual(needle) { return index + 1 }
            index += 1
        }
        return nil
    }

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

    /// Line `number` (1-based) of `text` without its line break, nil past the end.
    public static func line(_ number: Int, of text: String) -> String? {
        TextLines(text).line(number)
    }
}
