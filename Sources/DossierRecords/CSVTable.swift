import DossierDiagnostics

/// One field of a CSV file with where it starts.
public struct CSVCell: Sendable, Equatable {
    /// The field's text, quotes removed and `""` turned into `"`.
    public var value: String
    /// Where the field starts: its opening quote when quoted.
    public var location: SourceLocation
    /// True when the field was written in quotes (its text starts one column later).
    public var quoted: Bool

    public init(_ value: String, at location: SourceLocation, quoted: Bool = false) {
        self.value = value
        self.location = location
        self.quoted = quoted
    }
}

/// One record of a CSV file.
public struct CSVRow: Sendable, Equatable {
    public var cells: [CSVCell]
    /// The line where the record starts (a quoted line break makes a record span lines).
    public var line: Int
    /// True when the record holds a quote that is never closed: its fields are not
    /// what the author meant, so they are not checked further.
    public var malformed = false

    /// True for a line with nothing but empty fields, which is skipped.
    public var isBlank: Bool { cells.allSatisfy { $0.value.allSatisfy(\.isWhitespace) } }
}

/// A CSV file read as RFC 4180: the header row at once, the records when walked.
///
/// The records are parsed each time `forEachRow` walks them and are not kept: a
/// problem list of hundreds of megabytes is checked row by row, never held as a table
/// of cells beside the records made from it.
public struct CSVTable: Sendable {
    public let file: String
    /// The field delimiter: `,` `;` TAB, or what an Excel `sep=X` line names.
    public let delimiter: Character
    public let header: [CSVCell]
    /// Problems of the header record itself.
    public let headerProblems: [Diagnostic]
    let text: String
    /// Where the records after the header start.
    let bodyStart: CSVScanner.Position

    /// Calls `body` with each record after the header, blank lines skipped, and returns
    /// the syntax problems met on the way.
    @discardableResult
    public func forEachRow(_ body: (CSVRow) -> Void) -> [Diagnostic] {
        var copy = text
        return copy.withUTF8 { bytes in
            var scanner = CSVScanner(bytes, file: file, delimiter: delimiter.asciiValue ?? CSVScanner.comma, at: bodyStart)
            while let row = scanner.nextRecord() { body(row) }
            return scanner.diagnostics
        }
    }

    /// The line end that closes the header row, nil when the file is the header alone:
    /// the file's row separator. A tracker may end rows with LF and still keep the CRLF a
    /// browser put inside a quoted description; this tells the two apart. (A CR alone was
    /// read as LF; the file's form keeps that.)
    public var headerLineEnd: LineEnd? {
        let bytes = Array(text.utf8.prefix(bodyStart.index))
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        return bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\r") ? .crlf : .lf
    }

    /// Every record after the header, for small tables and tests.
    public var rows: [CSVRow] {
        var rows: [CSVRow] = []
        forEachRow { rows.append($0) }
        return rows
    }
}
