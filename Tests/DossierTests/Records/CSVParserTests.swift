import DossierDiagnostics
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
        #expect(TextDecoder.decode(Data(Array("abc".utf8) + [0, 1, 2] + Array(repeating: 0x41, count: 100)), as: .utf8) == .failure(.binary))
        #expect(TextDecoder.decode(Data(), as: .utf8) == .failure(.empty))
    }

    @Test func gb18030IsConverted() throws {
        // "编号" in GB18030.
        let text = try TextDecoder.decode(Data([0xB1, 0xE0, 0xBA, 0xC5]), as: .gb18030).get()
        #expect(text == "编号")
    }
}

import Foundation
