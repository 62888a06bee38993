import DossierDiagnostics
import DossierRecords

/// A CSV table whose headers have been matched to field names.
struct MappedTable {
    let table: CSVTable
    /// Field name → column index.
    let columns: [String: Int]
    /// Column index → field name, for matched columns.
    let fields: [Int: String]
    /// Columns with an empty header: fine while empty (Excel's trailing columns).
    let unnamedColumns: [Int]
    /// True when the first row is no header at all: the records are not walked.
    let unusable: Bool

    /// Matches headers with `resolve` (header text → field name, nil for an unknown
    /// column). A field matched twice is an error unless `repeatable` allows it; a field
    /// in `required` with no column is an error at the header row.
    ///
    /// `mappingKey` is the project.yml key that maps a team's own headers to fields
    /// (`issues.columns`): a missing required column's hint shows the line to add there.
    static func map(
        _ table: CSVTable, required: [String], repeatable: Set<String> = [], mappingKey: String,
        diagnostics: inout DiagnosticList, resolve: (String) -> String?
    ) -> MappedTable {
        var columns: [String: Int] = [:]
        var fields: [Int: String] = [:]
        var unnamed: [Int] = []
        for (index, cell) in table.header.enumerated() {
            let header = cell.value.trimmed
            if header.isEmpty {
                unnamed.append(index)
                continue
            }
            guard let field = resolve(header) else { continue }
            if let first = columns[field], !repeatable.contains(field) {
                diagnostics.append(.secondColumn(header, field: field, first: table.header[first].value, at: cell.location))
                continue
            }
            if columns[field] == nil { columns[field] = index }
            fields[index] = field
        }
        let headerLocation = table.header.first?.location ?? .start(of: table.file)
        let written = table.header.map(\.value.trimmed).filter { !$0.isEmpty }
        if table.header.isEmpty {
            diagnostics.append(.noHeaderRow(at: headerLocation))
        } else if written.count <= 1, required.count > 1, columns.isEmpty {
            // A sheet's title above the header row (问题清单（更新于…）): one error, not one
            // per missing column and per column of every row.
            diagnostics.append(.titleAboveHeader(written.first ?? "", at: headerLocation))
            return MappedTable(table: table, columns: [:], fields: [:], unnamedColumns: [], unusable: true)
        } else {
            // Unknown headers are offered, in order, for the missing fields in order.
            var unknown = table.header.indices.filter { fields[$0] == nil && !table.header[$0].value.trimmed.isEmpty }
                .map { table.header[$0].value.trimmed }
            let allUnknown = unknown
            for field in required where columns[field] == nil {
                let candidate = unknown.isEmpty ? nil : unknown.removeFirst()
                diagnostics.append(
                    .missingColumn(
                        field, unknownHeaders: allUnknown, candidate: candidate, mappingKey: mappingKey, at: headerLocation))
            }
        }
        return MappedTable(table: table, columns: columns, fields: fields, unnamedColumns: unnamed, unusable: false)
    }

    /// Columns with a header that names no field, in file order: kept and shown.
    var extraColumns: [Int] {
        table.header.indices.filter { fields[$0] == nil && !table.header[$0].value.trimmed.isEmpty }
    }

    /// The non-empty cells of `columns` in `row`, with their trimmed headers.
    func extra(_ columns: [Int], in row: CSVRow) -> [(header: String, value: String)] {
        columns.compactMap { index in
            guard index < row.cells.count, !row.cells[index].value.isEmpty else { return nil }
            return (table.header[index].value.trimmed, row.cells[index].value)
        }
    }

    /// Walks the records after the header; returns the syntax problems met and a
    /// column with values but no header.
    func forEachRow(_ body: (CSVRow) -> Void) -> [Diagnostic] {
        if unusable { return [] }
        var usedUnnamed: Set<Int> = []
        var problems = table.forEachRow { row in
            for index in unnamedColumns where index < row.cells.count && !row.cells[index].value.isEmpty {
                usedUnnamed.insert(index)
            }
            body(row)
        }
        for index in unnamedColumns where usedUnnamed.contains(index) {
            problems.append(.valuesWithoutHeader(column: index + 1, at: table.header[index].location))
        }
        return problems
    }

    /// Checks a row's length against the header: extra fields that are empty (as Excel
    /// writes them) are fine; extra fields with text, and missing fields, are errors.
    /// Returns false when the row's values cannot be trusted to be in their columns
    /// (then they are not checked one by one), or the row is malformed.
    @discardableResult
    func checkLength(_ row: CSVRow, diagnostics: inout DiagnosticList) -> Bool {
        if row.malformed { return false }
        let expected = table.header.count
        if row.cells.count < expected {
            let at =
                row.cells.last.map { SourceLocation(file: $0.location.file, line: $0.location.line, column: $0.location.column) }
                ?? SourceLocation(file: table.file, line: row.line, column: 1)
            diagnostics.append(.rowTooShort(row.cells.count, header: expected, at: at))
            return false
        } else if row.cells.count > expected,
            let extra = row.cells[expected...].first(where: { !$0.value.trimmed.isEmpty })
        {
            diagnostics.append(.rowTooLong(row.cells.count, header: expected, delimiter: table.delimiter, at: extra.location))
            return false
        }
        return true
    }

    /// The cell of `field` in `row`, when the column exists and the row reaches it.
    func cell(_ field: String, in row: CSVRow) -> CSVCell? {
        guard let index = columns[field], index < row.cells.count else { return nil }
        return row.cells[index]
    }

    /// The trimmed text of `field`, nil when empty or absent.
    func text(_ field: String, in row: CSVRow) -> String? {
        guard let value = cell(field, in: row)?.value.trimmed, !value.isEmpty
        else { return nil }
        return value
    }

    /// Where `field` is in `row`, or the row's start.
    func location(_ field: String, in row: CSVRow) -> SourceLocation {
        cell(field, in: row)?.location ?? SourceLocation(file: table.file, line: row.line, column: 1)
    }
}

extension YAMLNode: YAMLLike {
    var typeDescription: Message.Argument {
        switch kind {
        case .scalar(let text, _):
            return isNull ? .term("yaml-empty") : .message(Message("value.quoted", ["value": .value(text)]))
        case .sequence: return .term("yaml-list")
        case .mapping: return .term("yaml-map")
        }
    }
}
