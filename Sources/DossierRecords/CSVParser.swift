import DossierDiagnostics

/// Reads RFC 4180 CSV with every field located, reporting every problem it meets.
///
/// The delimiter is `,` or `;`, whichever the header row has more of outside quotes
/// (Excel writes `;` in European locales). Lines end in LF or CRLF; quoted fields may
/// hold delimiters, `""` and line breaks. Lines that hold only empty fields are
/// skipped. A quote inside an unquoted field, text after a closing quote and an
/// unclosed quote are errors, but the field is kept so later checks still run.
public struct CSVParser {
    public init() {}

    /// Reads the header; the records are read when the table is walked.
    public func parse(_ text: String, file: String) -> (CSVTable, [Diagnostic]) {
        var copy = text
        let (delimiter, header, position, problems) = copy.withUTF8 { bytes in
            let delimiter = CSVScanner.detectDelimiter(bytes)
            var scanner = CSVScanner(bytes, file: file, delimiter: delimiter, at: CSVScanner.Position())
            let header = scanner.nextRecord()
            return (delimiter, header?.cells ?? [], scanner.position, scanner.diagnostics)
        }
        let table = CSVTable(
            file: file, delimiter: delimiter == CSVScanner.semicolon ? ";" : ",", header: header, headerProblems: problems,
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

    /// The delimiter of the first record: `;` when it has more of them than `,`.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for byte in bytes {
            if byte == quote {
                quoted.toggle()
            } else if !quoted {
                if byte == lf { break }
                if byte == comma { commas += 1 }
                if byte == semicolon { semicolons += 1 }
            }
        }
        return semicolons > commas ? semicolon : comma
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

extension Diagnostic {
    static func unclosedQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "quoted field is never closed; a `\"` inside a quoted field is written `\"\"`")
    }
    static func textAfterQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "text after the closing quote of a field; quote the whole field and write `\"\"` for a quote")
    }
    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "quote inside an unquoted field; quote the whole field and write `\"\"` for a quote")
    }
}
