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

    public func parse(_ text: String, file: String) -> (CSVTable, [Diagnostic]) {
        var copy = text
        return copy.withUTF8 { bytes in parse(bytes, file: file) }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let semicolon = UInt8(ascii: ";")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

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

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> (CSVTable, [Diagnostic]) {
        let delimiter = Self.detectDelimiter(bytes)
        var diagnostics: [Diagnostic] = []
        var records: [CSVRow] = []

        var line = 1
        var column = 1  // column of the byte at `index`, in Unicode scalars
        var index = 0
        let count = bytes.count

        var cells: [CSVCell] = []
        var recordLine = 1
        var recordMalformed = false
        var field: [UInt8] = []

        func location(_ l: Int, _ c: Int) -> SourceLocation { SourceLocation(file: file, line: l, column: c) }

        /// Moves past one byte, keeping line and column right.
        @inline(__always) func advance() {
            let byte = bytes[index]
            index += 1
            if byte == Self.lf {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        while index < count {
            // Start of a field.
            let fieldLine = line
            let fieldColumn = column
            field.removeAll(keepingCapacity: true)
            let quoted = bytes[index] == Self.quote
            if quoted {
                advance()
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < count && bytes[index + 1] == Self.quote {
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
                    recordMalformed = true
                } else if index < count, bytes[index] != delimiter, bytes[index] != Self.lf, bytes[index] != Self.cr {
                    diagnostics.append(.textAfterQuote(at: location(line, column)))
                    while index < count, bytes[index] != delimiter, bytes[index] != Self.lf, bytes[index] != Self.cr {
                        field.append(bytes[index])
                        advance()
                    }
                }
            } else {
                var reportedStray = false
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == Self.lf { break }
                    if byte == Self.cr && (index + 1 == count || bytes[index + 1] == Self.lf) { break }
                    if byte == Self.quote && !reportedStray {
                        diagnostics.append(.strayQuote(at: location(line, column)))
                        reportedStray = true
                    }
                    field.append(byte)
                    advance()
                }
            }
            cells.append(
                CSVCell(String(decoding: field, as: UTF8.self), at: location(fieldLine, fieldColumn), quoted: quoted))

            // End of the field: a delimiter, the end of the record, or the end of the file.
            if index < count && bytes[index] == delimiter {
                advance()
                if index == count {  // a trailing delimiter before the end of the file
                    cells.append(CSVCell("", at: location(line, column)))
                }
                continue
            }
            if index < count && bytes[index] == Self.cr { advance() }
            if index < count && bytes[index] == Self.lf { advance() }
            var row = CSVRow(cells: cells, line: recordLine)
            row.malformed = recordMalformed
            if !row.isBlank { records.append(row) }
            cells.removeAll(keepingCapacity: true)
            recordLine = line
            recordMalformed = false
        }
        if !cells.isEmpty {
            var row = CSVRow(cells: cells, line: recordLine)
            row.malformed = recordMalformed
            if !row.isBlank { records.append(row) }
        }

        let header = records.first?.cells ?? []
        let rows = Array(records.dropFirst())
        let table = CSVTable(
            file: file, delimiter: delimiter == Self.semicolon ? ";" : ",", header: header, rows: rows)
        return (table, diagnostics)
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
