import DossierDiagnostics
import DossierRecords

/// One CSV column of dates, read one way: its day order is decided once, before any of
/// its cells is read, so no column is read half day-first and half month-first.
///
/// A dotted date (`04.11.2026`) is day-first, always: no one writes month-first with
/// dots, and project.yml's `dates` does not change that. The order of a year-last
/// slash or dash date (`04/11/2026`, `4-11-2026`) comes from, first to last:
/// project.yml's `dates` (except in a column with dotted dates, which is day-first and
/// where a slash date `dates: month-first` would read otherwise is an error); the
/// column's first cell with a number above 12 (only a day can be) or first dotted date,
/// whichever comes first; another date column of the same file that has a number above
/// 12 (a program writes one file's dates one way); else the project's language:
/// month-first for `en` (US Excel, Redmine en), day-first for `zh` and `ru`, announced by
/// one `date-order` warning per file at its first date that could be read both ways.
/// A column made day-first by a dotted date, whose slash dates could be either, is
/// announced too.
struct DateColumn {
    /// Why a column is read in its order.
    enum Reason: Equatable {
        /// project.yml's `dates` key.
        case setting
        /// The cell at `line` (1-based) of the column, written `text`, has a number above 12.
        case cell(line: Int, text: String)
        /// The cell at `line` of the column, written `text`, is a dotted date: day-first.
        case dots(line: Int, text: String)
        /// Another column of the file, holding `field`, has a cell that decides.
        case column(field: String)
        /// The column's dates need no order.
        case convention
        /// Nothing decides: the project language's usual order, announced once.
        case language(String)
    }

    let field: String
    let order: DateOrder
    let reason: Reason
    /// project.yml's `dates`, when set: it may differ from `order` in a column made
    /// day-first by its dotted dates.
    let setting: DateOrder?
    let clock: ProjectClock
    /// Whether a local time the zone skips or repeats is reported (`date-dst`); not for
    /// columns whose dates are read as days.
    let reportsLocalTimes: Bool

    /// Reads one cell's trimmed `text` at `location`: nil, with its diagnostic, when the
    /// text is no date (`unreadable`, given why when more can be said), or contradicts the
    /// column's order (`date-order`). A local time the zone skips or repeats is read (see
    /// `ProjectClock.instant(ofLocal:)`), announced with a `date-dst` warning, and its fit
    /// returned for messages that compare times.
    func read(
        _ text: String, at location: SourceLocation, diagnostics: inout DiagnosticList,
        unreadable: (_ reason: Message?) -> Diagnostic
    ) -> (time: RecordTime, fit: LocalTimeFit)? {
        let written: WrittenTime
        switch WrittenTime.read(text) {
        case .success(let value): written = value
        case .failure(let refusal):
            diagnostics.append(unreadable(refusal.reason))
            return nil
        }
        if written.isDotted {
            if order != .dayFirst {
                diagnostics.append(
                    .dateOrderContradiction(
                        field: field, value: text, written: .dayFirst, dotted: true, column: self, at: location))
                return nil
            }
        } else if let proven = written.provenOrder, proven != order {
            diagnostics.append(
                .dateOrderContradiction(field: field, value: text, written: proven, dotted: false, column: self, at: location))
            return nil
        } else if written.isAmbiguous, let setting, setting != order {
            diagnostics.append(.dateOrderAgainstDots(field: field, value: text, column: self, setting: setting, at: location))
            return nil
        }
        let date: CivilDate
        switch written.civilDate(order) {
        case .success(let value): date = value
        case .failure(let refusal):
            diagnostics.append(unreadable(refusal.reason))
            return nil
        }
        let (time, fit) = clock.time(written, on: date)
        if reportsLocalTimes, fit != .exact {
            diagnostics.append(.localTimeShift(field: field, value: text, time: time, fit: fit, clock: clock, at: location))
        }
        return (time, fit)
    }
}

/// The date columns of one CSV file, each with its order decided (see `DateColumn`).
struct DateColumns {
    private var columns: [String: DateColumn] = [:]

    /// Decides the order of each of `fields` that has a column in `table`, and of the
    /// `extra` columns (name → 0-based column index) that hold dates without being a
    /// field, in one pass over the file that only classifies the cells of those columns
    /// (none when `dates: day-first`, which dotted dates agree with); announces the
    /// columns that stay undecided with one `date-order` warning for the file, and each
    /// column whose slash dates follow its dotted ones with one of its own.
    init(
        _ fields: [String], extra: [String: Int] = [:], in table: MappedTable, settings: ProjectSettings,
        reportsLocalTimes: Bool, diagnostics: inout DiagnosticList
    ) {
        let present =
            fields.compactMap { field in table.columns[field].map { (field, $0) } }
            + extra.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        var evidence = Array(repeating: Evidence(), count: present.count)
        if settings.dateOrder != .dayFirst, !present.isEmpty {
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
        var undecided: [(column: DateColumn, cell: CSVCell)] = []
        for (slot, (field, _)) in present.enumerated() {
            let own = evidence[slot]
            let order: DateOrder
            let reason: DateColumn.Reason
            let siblings = present.indices.filter { $0 != slot }.compactMap { other in
                evidence[other].proof.map { (field: present[other].0, order: $0.order) }
            }
            if let setting = settings.dateOrder {
                if setting == .monthFirst, let dots = own.dots {
                    (order, reason) = (.dayFirst, .dots(line: dots.line, text: dots.text))
                } else {
                    (order, reason) = (setting, .setting)
                }
            } else if let dots = own.dots, own.proof.map({ dots.line < $0.line }) ?? true {
                (order, reason) = (.dayFirst, .dots(line: dots.line, text: dots.text))
            } else if let proof = own.proof {
                (order, reason) = (proof.order, .cell(line: proof.line, text: proof.text))
            } else if let sibling = siblings.first, siblings.allSatisfy({ $0.order == sibling.order }) {
                (order, reason) = (sibling.order, .column(field: sibling.field))
            } else if own.undecided == nil {
                (order, reason) = (.dayFirst, .convention)
            } else {
                (order, reason) = (languageOrder, .language(settings.language))
            }
            let column = DateColumn(
                field: field, order: order, reason: reason, setting: settings.dateOrder, clock: settings.clock,
                reportsLocalTimes: reportsLocalTimes)
            if let cell = own.undecided {
                switch reason {
                case .language:
                    undecided.append((column, cell))
                case .dots where settings.dateOrder == nil && own.proof == nil:
                    diagnostics.append(
                        .dateOrderFromDots(field: field, value: cell.value.trimmed, column: column, at: cell.location))
                default:
                    break
                }
            }
            columns[field] = column
        }
        if !undecided.isEmpty {
            diagnostics.append(
                .ambiguousDateOrder(
                    undecided.sorted { $0.cell.location < $1.cell.location }.map {
                        ($0.column, $0.cell.value.trimmed, $0.cell.location)
                    }))
        }
    }

    /// Reads `text` of `field` (see `DateColumn.read`); nil for a field without a column.
    func read(
        _ field: String, _ text: String, at location: SourceLocation, diagnostics: inout DiagnosticList,
        unreadable: (_ reason: Message?) -> Diagnostic
    ) -> (time: RecordTime, fit: LocalTimeFit)? {
        columns[field]?.read(text, at: location, diagnostics: &diagnostics, unreadable: unreadable)
    }

    /// What the cells of one column say about its order.
    private struct Evidence {
        /// The first slash or dash date with a number above 12.
        var proof: (order: DateOrder, line: Int, text: String)?
        /// The first dotted date.
        var dots: (line: Int, text: String)?
        /// The first slash or dash date that reads as two days.
        var undecided: CSVCell?

        mutating func add(_ cell: CSVCell) {
            guard proof == nil, let written = WrittenTime(cell.value) else { return }
            if written.isDotted {
                if dots == nil { dots = (cell.location.line, cell.value.trimmed) }
            } else if let order = written.provenOrder {
                proof = (order, cell.location.line, cell.value.trimmed)
            } else if undecided == nil, written.isAmbiguous {
                undecided = cell
            }
        }
    }
}
