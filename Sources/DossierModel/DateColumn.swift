import DossierDiagnostics
import DossierRecords

/// One CSV column of dates, read one way: its day order is decided once, before any of
/// its cells is read, so no column is read half day-first and half month-first.
///
/// The order of a year-last numeric date (`04/11/2026`) comes from, first to last:
/// project.yml's `dates`; the column's first cell with a number above 12 (only a day can
/// be); another date column of the same file that has such a cell (a program writes one
/// file's dates one way); day-first when the column's undecided dates all use dots
/// (`04.11.2026`: no one writes month-first with dots); else the project's language:
/// month-first for `en` (US Excel, Redmine en), day-first for `zh` and `ru`, with one
/// `date-order` warning at the column's first date that could be read both ways.
struct DateColumn {
    /// Why a column is read in its order.
    enum Reason: Equatable {
        /// project.yml's `dates` key.
        case setting
        /// The cell at `line` (1-based) of the column, written `text`, has a number above 12.
        case cell(line: Int, text: String)
        /// Another column of the file, holding `field`, has a cell that decides.
        case column(field: String)
        /// The column's dates need no order, or write it with dots.
        case convention
        /// Nothing decides: the project language's usual order, announced once.
        case language(String)
    }

    let field: String
    let order: DateOrder
    let reason: Reason
    let clock: ProjectClock
    /// Whether a local time the zone skips or repeats is reported (`date-dst`); not for
    /// columns whose dates are read as days.
    let reportsLocalTimes: Bool

    /// Reads one cell's trimmed `text` at `location`: nil, with its diagnostic, when the
    /// text is no date (`unreadable`), or contradicts the column's order (`date-order`).
    /// A local time the zone skips or repeats is read (see `ProjectClock.instant(ofLocal:)`)
    /// and announced with a `date-dst` warning.
    func read(
        _ text: String, at location: SourceLocation, diagnostics: inout DiagnosticList,
        unreadable: @autoclosure () -> Diagnostic
    ) -> RecordTime? {
        guard let written = WrittenTime(text) else {
            diagnostics.append(unreadable())
            return nil
        }
        if let proven = written.provenOrder, proven != order {
            diagnostics.append(.dateOrderContradiction(field: field, value: text, written: proven, column: self, at: location))
            return nil
        }
        guard let date = written.date(order) else {
            diagnostics.append(unreadable())
            return nil
        }
        let (time, fit) = clock.time(written, on: date)
        if reportsLocalTimes, fit != .exact {
            diagnostics.append(.localTimeShift(field: field, value: text, time: time, fit: fit, clock: clock, at: location))
        }
        return time
    }
}

/// The date columns of one CSV file, each with its order decided (see `DateColumn`).
struct DateColumns {
    private var columns: [String: DateColumn] = [:]

    /// Decides the order of each of `fields` that has a column in `table`, and of the
    /// `extra` columns (name → 0-based column index) that hold dates without being a
    /// field, in one pass over the file that only classifies the cells of those columns;
    /// reports each column that stays undecided with one `date-order` warning.
    init(
        _ fields: [String], extra: [String: Int] = [:], in table: MappedTable, settings: ProjectSettings,
        reportsLocalTimes: Bool, diagnostics: inout DiagnosticList
    ) {
        let present = fields.compactMap { field in table.columns[field].map { (field, $0) } }
            + extra.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        var evidence = Array(repeating: Evidence(), count: present.count)
        if settings.dateOrder == nil, !present.isEmpty {
            let width = table.table.header.count
            _ = table.table.forEachRow { row in
                // As the readers do, a row whose fields may not be in their columns tells nothing.
                guard !row.malformed, row.cells.count >= width,
                    !row.cells[width...].contains(where: { !$0.value.trimmed.isEmpty })
                else { return }
                for (slot, (_, index)) in present.enumerated() where index < row.cells.count {
                    evidence[slot].add(row.cells[index])
                }
            }
        }
        let languageOrder: DateOrder = settings.language == "en" ? .monthFirst : .dayFirst
        for (slot, (field, _)) in present.enumerated() {
            let own = evidence[slot]
            let order: DateOrder
            let reason: DateColumn.Reason
            let siblings = present.indices.filter { $0 != slot }.compactMap { other in
                evidence[other].proof.map { (field: present[other].0, order: $0.order) }
            }
            if let setting = settings.dateOrder {
                (order, reason) = (setting, .setting)
            } else if let proof = own.proof {
                (order, reason) = (proof.order, .cell(line: proof.line, text: proof.text))
            } else if let sibling = siblings.first, siblings.allSatisfy({ $0.order == sibling.order }) {
                (order, reason) = (sibling.order, .column(field: sibling.field))
            } else if own.undecided == nil {
                (order, reason) = (.dayFirst, .convention)
            } else {
                (order, reason) = (languageOrder, .language(settings.language))
            }
            let column = DateColumn(field: field, order: order, reason: reason, clock: settings.clock, reportsLocalTimes: reportsLocalTimes)
            if case .language = reason, let cell = own.undecided {
                diagnostics.append(.ambiguousDateOrder(field: field, value: cell.value.trimmed, column: column, at: cell.location))
            }
            columns[field] = column
        }
    }

    /// Reads `text` of `field` (see `DateColumn.read`); nil for a field without a column.
    func read(
        _ field: String, _ text: String, at location: SourceLocation, diagnostics: inout DiagnosticList,
        unreadable: @autoclosure () -> Diagnostic
    ) -> RecordTime? {
        columns[field]?.read(text, at: location, diagnostics: &diagnostics, unreadable: unreadable())
    }

    /// What the cells of one column say about its order.
    private struct Evidence {
        /// The first cell with a number above 12.
        var proof: (order: DateOrder, line: Int, text: String)?
        /// The first cell that reads as two days and does not use dots.
        var undecided: CSVCell?

        mutating func add(_ cell: CSVCell) {
            guard proof == nil, let written = WrittenTime(cell.value) else { return }
            if let order = written.provenOrder {
                proof = (order, cell.location.line, cell.value.trimmed)
            } else if undecided == nil, written.isAmbiguous, case .yearLast(_, _, _, let separator) = written.day,
                separator != UInt8(ascii: ".")
            {
                undecided = cell
            }
        }
    }
}

/// The messages of date reading.
extension Diagnostic {
    /// A column whose year-last dates could be read both ways, and nothing decided.
    static func ambiguousDateOrder(field: String, value: String, column: DateColumn, at location: SourceLocation) -> Diagnostic {
        let written = WrittenTime(value)
        let used = written?.date(column.order).map { "\($0)" } ?? value
        let other: DateOrder = column.order == .dayFirst ? .monthFirst : .dayFirst
        let alternative = written?.date(other).map { "\($0)" } ?? value
        let language = if case .language(let code) = column.reason { code } else { "" }
        return .warning(
            .dateOrder, at: location,
            "\(field) \"\(value)\" is read \(column.order.rawValue) as \(used), the usual order for language \(language): "
                + "no date in this column has a day above 12; if it means \(alternative), add \"dates: \(other.rawValue)\" to content/project.yml")
    }

    /// A cell whose number above 12 says the other order than its column's.
    static func dateOrderContradiction(
        field: String, value: String, written: DateOrder, column: DateColumn, at location: SourceLocation
    ) -> Diagnostic {
        let because: String
        switch column.reason {
        case .setting: because = "content/project.yml says \"dates: \(column.order.rawValue)\""
        case .cell(let line, let text): because = "line \(line) (\"\(text)\") makes this column \(column.order.rawValue)"
        default: because = "this column is read \(column.order.rawValue)"
        }
        return .error(.dateOrder, at: location, "\(field) \"\(value)\" is \(written.rawValue), but \(because); a column's dates are read one way")
    }

    /// A local time the project's zone skips or repeats, with the instant it was read as.
    static func localTimeShift(
        field: String, value: String, time: RecordTime, fit: LocalTimeFit, clock: ProjectClock, at location: SourceLocation
    ) -> Diagnostic {
        let zone = clock.timeZone.identifier
        let read = "\(time.day) \(clock.timeOfDay(time.instant))"
        switch fit {
        case .skipped(let gap, let offset):
            return .warning(
                .dateDST, at: location,
                "\(field) \"\(value)\" does not exist in \(zone) (the clocks skip \(duration(gap)) there); "
                    + "read as \(read) \(utcOffset(offset)), moved forward by the gap")
        case .repeated(let first, let second):
            return .warning(
                .dateDST, at: location,
                "\(field) \"\(value)\" happens twice in \(zone) (the clocks go back \(duration(first - second))); "
                    + "read as the first, \(read) \(utcOffset(first)); write \"\(value) \(utcOffset(second))\" for the second")
        case .exact:
            return .warning(.dateDST, at: location, "\(field) \"\(value)\" is read as \(read)")
        }
    }

    /// `+02:00`, `-03:30`.
    private static func utcOffset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + (minutes / 60).zeroPadded(2) + ":" + (minutes % 60).zeroPadded(2)
    }

    /// `1 hour`, `30 minutes`.
    private static func duration(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        if minutes % 60 == 0 { return minutes == 60 ? "1 hour" : "\(minutes / 60) hours" }
        return "\(minutes) minutes"
    }
}
