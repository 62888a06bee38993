import DossierDiagnostics
import Foundation
import Testing

@testable import DossierRecords

@Suite struct CSVParserTests {
    /// The table with its records read, and every problem of header and records.
    func parse(_ text: String) -> (table: CSVTable, rows: [CSVRow], problems: [Diagnostic]) {
        let (table, headerProblems) = CSVParser().parse(text, file: "t.csv")
        var rows: [CSVRow] = []
        let rowProblems = table.forEachRow { rows.append($0) }
        return (table, rows, headerProblems + rowProblems)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let (table, rows, problems) = parse("id,title\r\n1,\"a, \"\"b\"\"\nc\"\r\n2,plain\r\n")
        #expect(problems.isEmpty)
        #expect(table.header.map(\.value) == ["id", "title"])
        #expect(rows.map { $0.cells.map(\.value) } == [["1", "a, \"b\"\nc"], ["2", "plain"]])
        // The second record starts on line 4: the first spans lines 2 and 3.
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0].cells[1].quoted)
    }

    @Test func semicolonIsDetectedFromTheHeader() {
        let (table, rows, _) = parse("id;title;note\n1;a,b;x\n")
        #expect(table.delimiter == ";")
        #expect(rows[0].cells.map(\.value) == ["1", "a,b", "x"])
    }

    @Test(arguments: ["sep=;", "\"sep=;\"", "SEP=;", "sep=;;;"])
    func excelsSeparatorLineNamesTheDelimiterAndKeepsLineNumbers(_ line: String) {
        let (table, rows, problems) = parse("\(line)\r\nid;title, long\r\nFK-1;a,b\r\n")
        #expect(problems.isEmpty)  // no guess to announce: the file said which
        #expect(table.delimiter == ";")
        #expect(table.header.map(\.value) == ["id", "title, long"])
        #expect(table.header[0].location == .init(file: "t.csv", line: 2, column: 1))
        #expect(rows.map(\.line) == [3])
        #expect(rows[0].cells.map(\.value) == ["FK-1", "a,b"])
    }

    @Test func separatorLineMayNameATab() {
        let (table, rows, _) = parse("sep=\t\nid\ttitle\n1\ta;b,c\n")
        #expect(table.delimiter == "\t")
        #expect(rows[0].cells.map(\.value) == ["1", "a;b,c"])
    }

    @Test func aSeparatorLineNamingNoCharacterIsReportedAndSkipped() {
        let (table, _, problems) = parse("sep=tab\nid\ttitle\n1\tx\n")
        #expect(problems.map(\.rule) == [.csvDelimiter])
        #expect(problems.first?.severity == .error)
        #expect(table.header.map(\.value) == ["id", "title"])
    }

    @Test func tabIsDetectedFromTheHeader() {
        let (table, rows, problems) = parse("id\ttitle\tnote\n1\ta,b\tx;y\n")
        #expect(problems.isEmpty)
        #expect(table.delimiter == "\t")
        #expect(rows[0].cells.map(\.value) == ["1", "a,b", "x;y"])
        #expect(rows[0].cells[2].location.column == 7)
    }

    @Test func aHeaderWithTwoCandidatesIsAGuessAnnouncedOnce() {
        let (table, _, problems) = parse("id;title;cost, EUR\n1;a;2,5\n2;b;3,0\n")
        #expect(table.delimiter == ";")
        #expect(problems.count == 1)
        #expect(problems.first?.rule == .csvDelimiter)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.description.contains("`sep=;`") == true)
        // Delimiters inside quotes are not candidates: no guess.
        #expect(parse("id;title;\"cost, EUR\"\n1;a;2\n").problems.isEmpty)
    }

    @Test func aTieGoesToCommaThenSemicolon() {
        #expect(parse("a,b;c\n").table.delimiter == ",")
        #expect(parse("a;b\tc\n").table.delimiter == ";")
        #expect(parse("id\n1\n").table.delimiter == ",")
    }

    @Test func columnsCountCharactersNotBytes() {
        // 编号 is two characters (six bytes): the next field starts at column 4.
        let (table, rows, _) = parse("编号,标题\n问题1,登录😀失败,x\n")
        #expect(table.header[1].location.column == 4)
        #expect(rows[0].cells[1].location == .init(file: "t.csv", line: 2, column: 5))
        #expect(rows[0].cells[2].location.column == 11)
    }

    @Test func blankLinesAreSkipped() {
        let (_, rows, problems) = parse("id,title\n\n1,a\n,\n\n")
        #expect(problems.isEmpty)
        #expect(rows.count == 1)
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let (_, rows, problems) = parse("id,title\n1,\"never closed\n2,b\n")
        #expect(rows.first?.malformed == true)
        #expect(problems.map(\.rule) == [.csvSyntax])
        #expect(problems.first?.location == .init(file: "t.csv", line: 2, column: 3))
    }

    @Test func strayQuoteAndTextAfterQuoteAreReported() {
        let (_, _, stray) = parse("id,title\n1,ab\"c\n")
        #expect(stray.first?.location.column == 5)
        let (_, _, after) = parse("id,title\n1,\"ab\"c\n")
        #expect(after.first?.location.column == 7)
        #expect(after.first?.rule == .csvSyntax)
    }
}

@Suite struct TextDecoderTests {
    @Test func byteOrderMarkIsDropped() throws {
        let text = try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("a,b".utf8)), as: .utf8).get()
        #expect(text == "a,b")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("ok\nline two\nab".utf8) + [0xFF] + Array("c".utf8)
        #expect(TextDecoder.decode(Data(bytes), as: .utf8) == .failure(.invalidUTF8(line: 3, column: 3)))
    }

    @Test func utf16WithoutMarkAndBinaryAreRefused() {
        let unmarked = Data(Array("id\ttitle\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(TextDecoder.decode(unmarked, as: .utf8) == .failure(.utf16WithoutMark(bigEndian: false)))
        #expect(
            TextDecoder.decode(Data(Array("abc".utf8) + [0, 1, 2] + Array(repeating: 0x41, count: 100)), as: .utf8)
                == .failure(.binary))
        #expect(TextDecoder.decode(Data(), as: .utf8) == .failure(.empty))
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let text = "id\ttitle\r\nFK-1\tВход не работает\r\n"
        let little = Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let big = Data([0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let readLittle = try TextDecoder.read(little, as: .utf8).get()
        #expect(readLittle.text == text)
        #expect(readLittle.form == TextForm(encoding: .utf16LE, byteOrderMark: true, lineEnd: .crlf))
        #expect(
            try TextDecoder.read(big, as: .gb18030).get()
                == DecodedText(text: text, form: TextForm(encoding: .utf16BE, byteOrderMark: true, lineEnd: .crlf)))
        // Without the mark, only when project.yml names it.
        #expect(try TextDecoder.decode(little.dropFirst(2), as: .utf16LE).get() == text)
    }

    @Test func aLoneCRBecomesLFAndTheFormRemembersIt() throws {
        let read = try TextDecoder.read(Data("id,title\r1,a\r2,b\r".utf8), as: .utf8).get()
        #expect(read.text == "id,title\n1,a\n2,b\n")
        #expect(read.form.lineEnd == .cr)
        #expect(try TextDecoder.read(Data("a\r\nb\n".utf8), as: .utf8).get().form.lineEnd == .crlf)
        #expect(
            try TextDecoder.read(Data([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8)), as: .utf8).get().form
                == TextForm(byteOrderMark: true))
        // Invalid bytes on the third CR-only line are placed there.
        let bad = Data(Array("a\rb\rc".utf8) + [0xFF])
        #expect(TextDecoder.decode(bad, as: .utf8) == .failure(.invalidUTF8(line: 3, column: 2)))
    }

    @Test(arguments: [
        ("Ошибка", TextEncoding.windows1251), ("Ошибка", .koi8R), ("登錄失敗", .big5), ("ログイン①", .shiftJIS),
        ("Größe €", .windows1252), ("登录失败", .gb18030), ("500€ 报销", .gbk),
    ])
    func eachLegacyEncodingRoundTrips(_ text: String, _ encoding: TextEncoding) throws {
        let bytes = try #require(TextEncoder.encode(text, as: encoding))
        #expect(bytes != Data(text.utf8))
        #expect(try TextDecoder.decode(bytes, as: encoding).get() == text)
    }

    @Test func shiftJISKeepsTheBackslash() throws {
        // glibc's SHIFT_JIS reads 0x5C as ¥; Windows (CP932) and CSV mean `\`.
        #expect(try TextDecoder.decode(Data([0x61, 0x5C, 0x62]), as: .shiftJIS).get() == "a\\b")
    }

    @Test func aDeclaredEncodingsInvalidBytesAreLocated() {
        // 0x98 is no character of Windows-1251; it sits on line 2, column 3.
        #expect(
            TextDecoder.decode(Data(Array("ab\r\ncd".utf8) + [0x98]), as: .windows1251)
                == .failure(.invalidEncoding(.windows1251, line: 2, column: 3)))
    }

    @Test func encodingNamesPeopleWriteAreRead() {
        #expect(TextEncoding(name: "CP932") == .shiftJIS)
        #expect(TextEncoding(name: "Shift_JIS") == .shiftJIS)
        #expect(TextEncoding(name: "gbk") == .gbk)
        #expect(TextEncoding(name: "CP936") == .gbk)
        #expect(TextEncoding(name: "gb2312") == .gbk)
        #expect(TextEncoding(name: "GB18030") == .gb18030)
        #expect(TextEncoding(name: "latin1") == .windows1252)
        #expect(TextEncoding(name: "ISO-8859-1") == .windows1252)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "KOI8-R") == .koi8R)
        #expect(TextEncoding(name: "utf-16") == .utf16LE)
        #expect(TextEncoding(name: "utf-7") == nil)
    }

    @Test func codePage936ReadsTheEuroSignGB18030Lacks() throws {
        // Chinese Excel's "CSV" is code page 936, where the single byte 0x80 is `€`
        // (python3's gbk codec lacks it; glibc's CP936 and WHATWG's GBK have it).
        let bytes = try #require(TextEncoder.encode("欧洲差旅报销 500", as: .gbk)) + Data([0x80])
        #expect(try TextDecoder.decode(bytes, as: .gbk).get() == "欧洲差旅报销 500€")
        #expect(TextDecoder.decode(bytes, as: .gb18030) == .failure(.invalidEncoding(.gb18030, line: 1, column: 11)))
        #expect(TextDecoder.sibling(of: .gb18030, reading: bytes) == .gbk)
        // And GB18030's four-byte sequences are not GBK.
        let extensionB = try #require(TextEncoder.encode("扩展 𠀀 汉字", as: .gb18030))
        #expect([UInt8](extensionB) == [192, 169, 213, 185, 32, 149, 50, 130, 54, 32, 186, 186, 215, 214])
        #expect(TextDecoder.sibling(of: .gbk, reading: extensionB) == .gb18030)
    }

    @Test func latin1IsReadAsWindows1252() throws {
        // python3 -c "print(list('Invoice “total” wrong by 5 €'.encode('cp1252')))": as
        // ISO-8859-1 its quotes and euro sign would be C1 control characters.
        let bytes = Data(Array("Invoice ".utf8) + [147, 116, 111, 116, 97, 108, 148, 32] + Array("wrong by 5 ".utf8) + [128])
        let encoding = try #require(TextEncoding(name: "iso-8859-1"))
        #expect(try TextDecoder.decode(bytes, as: encoding).get() == "Invoice “total” wrong by 5 €")
    }

    @Test func gb18030IsConverted() throws {
        // "编号" in GB18030.
        let text = try TextDecoder.decode(Data([0xB1, 0xE0, 0xBA, 0xC5]), as: .gb18030).get()
        #expect(text == "编号")
    }
}
