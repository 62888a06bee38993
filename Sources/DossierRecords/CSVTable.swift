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

/// A CSV file read as RFC 4180: the header row and the records under it.
public struct CSVTable: Sendable {
    public var file: String
    public var delimiter: Character
    public var header: [CSVCell]
    public var rows: [CSVRow]
}
