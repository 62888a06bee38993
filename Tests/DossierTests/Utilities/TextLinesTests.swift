import DossierUtilities
import Testing

/// The one line index: lines by number, LF and CRLF alike, columns in Unicode scalars.
@Suite struct TextLinesTests {
    /// A CJK line, an emoji line (a ZWJ sequence is three scalars) and a Cyrillic line,
    /// with CRLF and LF, and `⓪` marking a place on each.
    static let text = "first\r\n中文 ⓪ 审批\n👩‍💻 🎉⓪ done\r\nлиния ⓪\n"

    @Test func linesByNumber() {
        let lines = TextLines(Self.text)
        #expect(lines.count == 5)
        #expect(lines.line(1) == "first")
        #expect(lines.line(2) == "中文 ⓪ 审批")
        #expect(lines.line(3) == "👩‍💻 🎉⓪ done")
        #expect(lines.line(4) == "линия ⓪")
        #expect(lines.line(5) == "")
        #expect(lines.line(0) == nil && lines.line(6) == nil)
        #expect(String(decoding: lines.utf8(line: 1), as: UTF8.self) == "first\r\n")
        #expect(lines.utf8(line: 6).isEmpty)
        // Every line as split gives it, and the same by number without an index.
        for (index, line) in TextLines.split(Self.text).enumerated() {
            #expect(lines.line(index + 1) == String(line))
            #expect(TextLines.line(index + 1, of: Self.text) == String(line))
        }
        #expect(TextLines("a\rb").line(1) == "a\rb")
        #expect(TextLines("end\r").line(1) == "end")
    }

    @Test func columnsCountScalars() {
        let lines = TextLines(Self.text)
        for number in 2...4 {
            let line = lines.line(number)!
            let before = line[..<line.range(of: "⓪")!.lowerBound]
            let byteColumn = lines.find(Array("⓪".utf8), line: number, from: 1)
            #expect(byteColumn == before.utf8.count + 1)
            #expect(lines.column(line: number, utf8Column: byteColumn!) == before.unicodeScalars.count + 1)
        }
        // Line 3: the ZWJ sequence is 3 scalars and 11 bytes.
        #expect(lines.column(line: 3, utf8Column: 12) == 4)
        #expect(lines.find(Array("⓪".utf8), line: 2, from: 9) == nil)
        #expect(lines.column(line: 1, utf8Column: 1) == 1)
    }
}
