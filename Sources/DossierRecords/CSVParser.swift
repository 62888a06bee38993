import DossierDiagnostics

/// Reads RFC 4180 CSV with every field located, reporting every problem it meets.
///
/// The delimiter is the one an Excel `sep=X` first line names (Excel writes and honours
/// that line; the header is then line 2, and every place keeps the file's own line
/// numbers), else whichever of `,` `;` and TAB the header row has most of outside quotes
/// (Excel writes `;` where the decimal mark is a comma, and TAB in "Unicode Text"); a tie
/// goes to the earlier of `,` `;` TAB, and no candidate at all means `,`. When the header
/// holds more than one of them the choice was a guess, and is announced once
/// (`csv-delimiter`). Lines end in LF or CRLF (a CR alone is read as LF when the file is
/// decoded); quoted fields may hold delimiters, `""` and line breaks. Lines that hold only
/// empty fields are skipped. A quote inside an unquoted field, text after a closing quote
/// and an unclosed quote are errors, but the field is kept so later checks still run.
public struct CSVParser {
    public init() {}

    /// Reads the header; the records are read when the table is walked.
    public func parse(_ text: String, file: String) -> (CSVTable, [Diagnostic]) {
        var copy = text
        let (delimiter, header, position, problems) = copy.withUTF8 { bytes in
            var problems: [Diagnostic] = []
            var start = CSVScanner.Position()
            var delimiter = CSVScanner.comma
            if let line = CSVScanner.separatorLine(bytes) {
                switch line {
                case .named(let byte, let end):
                    delimiter = byte
                    start = CSVScanner.Position(index: end, line: 2, column: 1)
                case .unusable(let text, let end):
                    // Still a separator line, not the header: the header is line 2.
                    problems.append(.unusableSeparatorLine(text, at: SourceLocation(file: file, line: 1, column: 1)))
                    start = CSVScanner.Position(index: end, line: 2, column: 1)
                    delimiter = CSVScanner.mostFrequent(CSVScanner.delimiterCounts(bytes, from: end))
                }
            } else {
                let counts = CSVScanner.delimiterCounts(bytes, from: 0)
                delimiter = CSVScanner.mostFrequent(counts)
                let present = counts.filter { $0.count > 0 }
                if present.count > 1 {
                    problems.append(
                        .delimiterGuessed(
                            CSVScanner.delimiterName(delimiter),
                            among: present.map { (CSVScanner.delimiterName($0.byte), $0.count) },
                            sepLine: CSVScanner.separatorLineText(delimiter),
                            others: present.filter { $0.byte != delimiter }.map { CSVScanner.separatorLineText($0.byte) },
                            at: SourceLocation(file: file, line: 1, column: 1)))
                }
            }
            var scanner = CSVScanner(bytes, file: file, delimiter: delimiter, at: start)
            let header = scanner.nextRecord()
            return (delimiter, header?.cells ?? [], scanner.position, problems + scanner.diagnostics)
        }
        let table = CSVTable(
            file: file, delimiter: Character(Unicode.Scalar(delimiter)), header: header, headerProblems: problems,
            text: text, bodyStart: position)
        return (table, problems)
    }
}

/// Reads one CSV record at a time from UTF-8 bytes, keeping line and column.
struct CSVScanner {
    /// A place to resume from: byte offset, line and column (in scalars).
    struct Position: Sendable {
        var index = 0
        var line = 1
        var column = 1
    }

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let tab = UInt8(ascii: "\t")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let delimiter: UInt8
    private(set) var position: Position
    private(set) var diagnostics: [Diagnostic] = []
    private var field: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, delimiter: UInt8, at position: Position) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
        self.position = position
    }

    /// How many of each candidate delimiter (`,` `;` TAB, in that order) the line starting
    /// at byte offset `start` holds outside quotes.
    static func delimiterCounts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [(byte: UInt8, count: Int)] {
        var counts: [(byte: UInt8, count: Int)] = [(comma, 0), (semicolon, 0), (tab, 0)]
        var quoted = false
        for byte in bytes[start...] {
            if byte == quote {
                quoted.toggle()
            } else if !quoted {
                if byte == lf { break }
                if let slot = counts.firstIndex(where: { $0.byte == byte }) { counts[slot].count += 1 }
            }
        }
        return counts
    }

    /// The most frequent delimiter of `counts`; the earlier one on a tie, `,` when none.
    static func mostFrequent(_ counts: [(byte: UInt8, count: Int)]) -> UInt8 {
        var best = counts[0]
        for candidate in counts.dropFirst() where candidate.count > best.count { best = candidate }
        return best.byte
    }

    /// What an Excel `sep=X` first line says.
    enum SeparatorLine {
        /// The delimiter, and the byte offset where the next line starts.
        case named(UInt8, next: Int)
        /// A first line that starts `sep=` but names no usable delimiter; where the next
        /// line starts.
        case unusable(String, next: Int)
    }

    /// Reads an Excel separator line: `sep=X` alone on the first line, `sep` in any case,
    /// possibly in quotes (`"sep=;"`), possibly followed by more of `X` (a program that
    /// padded the line to the table's width). `X` is one ASCII character that is not a
    /// letter, digit, space or quote: Excel takes any, Dossier's scanner reads one byte.
    /// Nil when the first line is not a separator line.
    static func separatorLine(_ bytes: UnsafeBufferPointer<UInt8>) -> SeparatorLine? {
        var end = 0
        while end < bytes.count && bytes[end] != lf { end += 1 }
        let next = end < bytes.count ? end + 1 : end
        var line = Array(bytes[0..<end])
        if line.last == cr { line.removeLast() }
        var body = line[...]
        if body.first == quote, body.count >= 2, let close = body.dropFirst().firstIndex(of: quote) {
            body = body[(body.startIndex + 1)..<close] + body[(close + 1)...]
        }
        guard body.count >= 4, String(decoding: body.prefix(4), as: UTF8.self).lowercased() == "sep=" else { return nil }
        let rest = body.dropFirst(4)
        guard let byte = rest.first, byte < 0x80, byte != quote, byte != UInt8(ascii: " "), byte != cr,
            !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20),
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte),
            rest.allSatisfy({ $0 == byte })
        else { return .unusable(String(decoding: line, as: UTF8.self), next: next) }
        return .named(byte, next: next)
    }

    /// How a delimiter is named in messages: `,` `;` or `tab`.
    static func delimiterName(_ byte: UInt8) -> Message.Argument {
        byte == tab ? .term("tab") : .value("`\(Character(Unicode.Scalar(byte)))`")
    }

    /// The separator line that names `byte`, as it would be written (`sep=;`).
    static func separatorLineText(_ byte: UInt8) -> Message.Argument {
        byte == tab ? .term("sep-tab") : .value("`sep=\(Character(Unicode.Scalar(byte)))`")
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Moves past one byte, keeping line and column right.
    @inline(__always) private mutating func advance() {
        let byte = bytes[position.index]
        position.index += 1
        if byte == Self.lf {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            position.column += 1
        }
    }

    private func at(_ offset: Int = 0) -> UInt8? {
        let i = position.index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    /// The next record that is not blank, or nil at the end.
    mutating func nextRecord() -> CSVRow? {
        while position.index < bytes.count {
            let row = readRecord()
            if !row.isBlank { return row }
        }
        return nil
    }

    private mutating func readRecord() -> CSVRow {
        var cells: [CSVCell] = []
        let recordLine = position.line
        var malformed = false
        while true {
            let fieldLine = position.line
            let fieldColumn = position.column
            field.removeAll(keepingCapacity: true)
            let quoted = at() == Self.quote
            if quoted {
                advance()
                var closed = false
                while let byte = at() {
                    if byte == Self.quote {
                        if at(1) == Self.quote {
                            field.append(Self.quote)
                            advance()
                            advance()
                            continue
                        }
                        advance()
                        closed = true
                        break
                    }
                    field.append(byte)
                    advance()
                }
                if !closed {
                    diagnostics.append(.unclosedQuote(at: location(fieldLine, fieldColumn)))
                    malformed = true
                } else if let byte = at(), byte != delimiter, byte != Self.lf, byte != Self.cr {
                    diagnostics.append(.textAfterQuote(at: location(position.line, position.column)))
                    while let byte = at(), byte != delimiter, byte != Self.lf, byte != Self.cr {
                        field.append(byte)
                        advance()
                    }
                }
            } else {
                var reportedStray = false
                while let byte = at() {
                    if byte == delimiter || byte == Self.lf { break }
                    if byte == Self.cr && (at(1) == nil || at(1) == Self.lf) { break }
                    if byte == Self.quote && !reportedStray {
                        diagnostics.append(.strayQuote(at: location(position.line, position.column)))
                        reportedStray = true
                    }
                    field.append(byte)
                    advance()
                }
            }
            cells.append(
                CSVCell(String(decoding: field, as: UTF8.self), at: location(fieldLine, fieldColumn), quoted: quoted))

            // End of the field: a delimiter, the end of the record, or the end of the file.
            if at() == delimiter {
                advance()
                if position.index == bytes.count {  // a trailing delimiter before the end of the file
                    cells.append(CSVCell("", at: location(position.line, position.column)))
                    break
                }
                continue
            }
            if at() == Self.cr { advance() }
            if at() == Self.lf { advance() }
            break
        }
        var row = CSVRow(cells: cells, line: recordLine)
        row.malformed = malformed
        return row
    }
}
