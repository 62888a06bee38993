import DossierDiagnostics
import DossierMarkdown
import DossierRecords

/// The messages of the validation stage, one constructor per kind of problem.
extension Diagnostic {
    /// A value that is none of `expected`; the hint picks the closest of `candidates` (default `expected`).
    static func unknownValue(
        _ rule: Rule, field: String, value: String, expected: [String], at location: SourceLocation,
        suggestFrom candidates: [String]? = nil
    ) -> Diagnostic {
        .error(
            rule, at: location, "value.unknown",
            [
                "field": .term(field), "value": .value(value), "expected": .values(expected),
                "hint": Suggestion.hint(for: value, in: candidates ?? expected),
            ])
    }

    /// A value that is none of `expected`, each shown as the project writes it (a
    /// category's label, the file's status word) beside the canonical id when they differ,
    /// and a status, priority, RAG status or audience the file does not use as the reader's
    /// language words it (`value.word.<words>.<id>`, the bare id in English);
    /// the hint is the closest of the words and ids, as written.
    /// `words` names the catalogue's `value.word.<words>.<id>` entries for ids no file
    /// wrote (default: `field` for an issue's status and priority, else none).
    static func unknownValue(
        _ rule: Rule, field: String, value: String, expected: [(id: String, written: String?)], words: String? = nil,
        at location: SourceLocation, suggestFrom: [String]? = nil
    ) -> Diagnostic {
        let words = words ?? (["status", "priority"].contains(field) ? field : nil)
        let items = expected.map { item -> Message.Argument in
            guard let written = item.written else {
                // A value the file does not use: the word the reader's language writes
                // for it (Redmine's, for statuses and priorities), which the reader accepts.
                guard let words else { return .value(item.id) }
                return .message(Message("value.word.\(words).\(item.id)"))
            }
            guard FieldAliases.fold(written) != item.id else { return .value(item.id) }
            return .message(Message("value.labelled", ["label": .value(written), "id": .value(item.id)]))
        }
        let candidates = suggestFrom ?? expected.flatMap { [$0.id] + ($0.written.map { [$0] } ?? []) }
        return .error(
            rule, at: location, "value.unknown",
            [
                "field": .term(field), "value": .value(value), "expected": .list(items, .comma),
                "hint": Suggestion.hint(for: value, in: candidates),
            ])
    }

    /// An empty cell or key where `field` is required.
    static func missingValue(_ rule: Rule, field: String, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "value.required", ["field": .term(field)])
    }

    /// A date or datetime cell that is none; `reason` says why when more can be said
    /// than that it is none of the forms (`WrittenTime.Refusal`).
    static func badDate(_ rule: Rule, field: String, value: String, reason: Message? = nil, at location: SourceLocation)
        -> Diagnostic
    {
        if let reason {
            return .error(
                rule, at: location, "date.bad-because",
                ["field": .term(field), "value": .value(value), "reason": .message(reason)])
        }
        return .error(rule, at: location, "date.bad", ["field": .term(field), "value": .value(value)])
    }

    /// A day cell that is none, as `badDate`.
    static func badDay(_ rule: Rule, field: String, value: String, reason: Message? = nil, at location: SourceLocation)
        -> Diagnostic
    {
        if let reason {
            return .error(
                rule, at: location, "date.bad-day-because",
                ["field": .term(field), "value": .value(value), "reason": .message(reason)])
        }
        return .error(rule, at: location, "date.bad-day", ["field": .term(field), "value": .value(value)])
    }

    /// A person who is neither an id nor a name in team.csv.
    static func unknownPerson(_ value: String, field: String, team: Team, at location: SourceLocation) -> Diagnostic {
        .error(
            .unknownPerson, at: location, "person.unknown",
            ["field": .term(field), "value": .value(value), "hint": Suggestion.hint(for: value, in: team.allNames)])
    }

    /// An id defined a second time; `first` is where it was defined first.
    static func duplicate(_ rule: Rule, kind: String, id: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        .error(rule, at: location, "id.duplicate", ["kind": .term(kind), "id": .value(id), "line": .number(first.line)])
    }

    /// A YAML value of the wrong kind for `key` (a list where text belongs, …).
    static func wrongType(_ rule: Rule, key: String, expected: Expected, node: YAMLLike) -> Diagnostic {
        .error(
            rule, at: node.location, "value.wrong-type",
            ["key": .value(key), "expected": expected.argument, "actual": node.typeDescription])
    }

    /// A `base_url` that is not an absolute http or https URL (see `BaseURL`); the hint
    /// is the corrected value when one can be read from it, else an example.
    static func badBaseURL(_ value: String, problem: BaseURL.Problem, at location: SourceLocation) -> Diagnostic {
        let why: Message
        switch problem {
        case .noScheme: why = Message("base-url.no-scheme")
        case .scheme(let scheme): why = Message("base-url.scheme", ["scheme": .value(scheme)])
        case .noHost: why = Message("base-url.no-host")
        case .badAuthority(let authority): why = Message("base-url.bad-authority", ["authority": .value(authority)])
        case .queryOrFragment: why = Message("base-url.query-or-fragment")
        case .credentials: why = Message("base-url.credentials")
        case .port(let port): why = Message("base-url.port", ["port": .value(port)])
        case .pagePath(let page): why = Message("base-url.page-path", ["page": .value(page)])
        }
        var hint =
            BaseURL.suggestion(for: value).map { Message("base-url.hint-write", ["value": .value($0)]) }
            ?? Message("base-url.hint-example")
        if case .pagePath = problem { hint = Message("base-url.hint-folder") }
        if case .credentials = problem { hint = Message("base-url.hint-credentials") }
        return .error(
            .projectValue, at: location, "base-url.bad",
            ["value": .value(value), "why": .message(why), "hint": .message(hint)])
    }

    /// A key Dossier does not read; the hint names the closest of `known`.
    static func unknownKey(_ rule: Rule, key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .warning(rule, at: location, "key.unknown", ["key": .value(key), "hint": Suggestion.hint(for: key, in: known)])
    }

    /// A view named with other characters than letters, digits, `-` and `_`.
    static func badViewName(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "view.bad-name", ["name": .value(name)])
    }

    /// A view's `issue_fields` names a field the figures and pages are made of.
    static func viewKeepsField(_ field: String, hideable: [String], at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "view.field-kept", ["field": .value(field), "expected": .values(hideable)])
    }

    /// A view's `columns` entry that is no extra column of issues.csv.
    static func unknownViewColumn(_ name: String, extraHeaders: [String], at location: SourceLocation) -> Diagnostic {
        if extraHeaders.isEmpty { return .error(.projectValue, at: location, "view.no-extra-columns", ["name": .value(name)]) }
        return .unknownValue(.projectValue, field: "view-column", value: name, expected: extraHeaders, at: location)
    }

    /// A key of a view that is none of `SiteView`'s.
    static func unknownViewKey(_ key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .error(.projectKey, at: location, "view.key-unknown", ["key": .value(key), "hint": Suggestion.hint(for: key, in: known)])
    }

    /// A view whose output folder is the whole site's (`other` nil) or another view's.
    static func viewOutputTaken(_ name: String, folder: String, other: String?, at location: SourceLocation) -> Diagnostic {
        guard let other else {
            return .error(.projectValue, at: location, "view.output-is-site", ["name": .value(name), "folder": .value(folder)])
        }
        return .error(
            .projectValue, at: location, "view.output-shared",
            ["name": .value(name), "folder": .value(folder), "other": .value(other)])
    }

    /// A view's `weekly` entry that names no section of any note, no conventional
    /// section and no front-matter key it may hide.
    static func unknownViewSection(_ name: String, sections: [String], at location: SourceLocation) -> Diagnostic {
        .unknownValue(.projectValue, field: "view-section", value: name, expected: sections, at: location)
    }

    /// A `milestones.group_by` entry that is neither `scope` nor a column of milestones.csv.
    static func unknownMilestoneGroup(_ name: String, extraHeaders: [String], at location: SourceLocation) -> Diagnostic {
        .unknownValue(
            .projectValue, field: "group-by-column", value: name, expected: ["scope"] + extraHeaders, at: location)
    }
}

/// What a type message needs of a YAML node.
protocol YAMLLike {
    var location: SourceLocation { get }
    /// The node's kind (`a list`) or, for text, the text itself, quoted.
    var typeDescription: Message.Argument { get }
}

/// What a key of project.yml or front matter must hold, for `wrongType`: the
/// catalogue's `expected.<case>`.
enum Expected {
    case text
    case map
    case mapWithColumns
    case trueOrFalse
    case categoryList
    case issuesMap
    case valuesMap
    case valueMap
    case valueOf(String)
    case headerMap
    case fieldName
    case milestonesMap
    case columnList
    case wholeNumber0to100
    case oneLine
    case date
    case wholeNumber
    case wholeNumberFrom0
    case list
    case textList
    case person
    case personList

    var argument: Message.Argument {
        switch self {
        case .valueOf(let field): return .message(Message("expected.value-of", ["field": .term(field)]))
        default:
            let key =
                switch self {
                case .text: "text"
                case .map: "map"
                case .mapWithColumns: "map-with-columns"
                case .trueOrFalse: "true-or-false"
                case .categoryList: "category-list"
                case .issuesMap: "issues-map"
                case .valuesMap: "values-map"
                case .valueMap: "value-map"
                case .headerMap: "header-map"
                case .fieldName: "field-name"
                case .milestonesMap: "milestones-map"
                case .columnList: "column-list"
                case .wholeNumber0to100: "whole-number-0-100"
                case .oneLine: "one-line"
                case .date: "date"
                case .wholeNumber: "whole-number"
                case .wholeNumberFrom0: "whole-number-from-0"
                case .list: "list"
                case .textList: "text-list"
                case .person: "person"
                case .personList: "person-list"
                case .valueOf: ""
                }
            return .message(Message("expected.\(key)"))
        }
    }
}

/// The messages of issues.csv's tracker rules: resolved dates and milestones.
extension Diagnostic {
    /// A resolved date on a row whose status is open; `status` is the word as written.
    static func resolvedWhileOpen(status: String, canonical: IssueStatus, at location: SourceLocation) -> Diagnostic {
        .warning(.issueResolved, at: location, "resolved.while-open", ["status": quoted(status, canonical)])
    }

    /// A resolved, closed or rejected row without a resolved date and no Updated time to
    /// stand in for it.
    static func resolvedDateMissing(
        status: String, canonical: IssueStatus, updatedHeader: String?, at location: SourceLocation
    ) -> Diagnostic {
        let why = Message.Argument.optional(updatedHeader.map { Message("resolved.updated-empty", ["header": .value($0)]) })
        return .error(.issueResolved, at: location, "resolved.missing", ["status": quoted(status, canonical), "why": why])
    }

    /// Rows whose resolved date was taken from the Updated column, said once per file;
    /// `resolvedHeader` is the file's resolved column, when it has one.
    static func resolvedFromUpdated(
        count: Int, header: String, resolvedHeader: String?, firstRow: SourceLocation, at location: SourceLocation
    ) -> Diagnostic {
        let fix =
            resolvedHeader.map { Message("resolved.from-updated-fix-tracker", ["header": .value($0)]) }
            ?? Message("resolved.from-updated-fix-column")
        return .warning(
            .issueResolved, at: location, "resolved.from-updated",
            ["count": .number(count), "line": .number(firstRow.line), "header": .value(header), "fix": .message(fix)])
    }

    /// A resolved time before the opened time; a time that a daylight saving change moved
    /// (read later than written, or as the first of two) is said, since that may be why.
    /// `takenFrom` names the Updated column when its time stood in for an empty resolved cell.
    static func resolvedBeforeOpened(
        resolved: RecordTime, resolvedFit: LocalTimeFit, opened: RecordTime, openedFit: LocalTimeFit, clock: ProjectClock,
        takenFrom: String? = nil, at location: SourceLocation
    ) -> Diagnostic {
        let what =
            takenFrom.map {
                Message("resolved.taken-from", ["header": .value($0), "time": .value(clock.describe(resolved))])
            } ?? Message("resolved.time", ["time": .value(clock.describe(resolved))])
        let zone = Message.Argument.value(clock.timeZone.identifier)
        let notes = [("opened", opened, openedFit), ("resolved", resolved, resolvedFit)].compactMap {
            field, time, fit -> Message.Argument? in
            switch fit {
            case .exact: return nil
            case .skipped(let gap, _):
                return .message(
                    Message(
                        "resolved.note-skipped",
                        [
                            "field": .term(field), "length": .message(duration(gap)), "time": .value(clock.describe(time)),
                            "zone": zone,
                        ]))
            case .repeated:
                return .message(
                    Message(
                        "resolved.note-repeated", ["field": .term(field), "time": .value(clock.describe(time)), "zone": zone]))
            }
        }
        return .error(
            .issueResolved, at: location, notes.isEmpty ? "resolved.before-opened" : "resolved.before-opened-notes",
            ["what": .message(what), "opened": .value(clock.describe(opened)), "notes": .list(notes, .comma)])
    }

    /// Rows whose repeated columns of a single-valued field (Jira's Fix Version/s,
    /// Component/s) hold different values: the first is taken; said once per file.
    static func severalValues(_ field: String, header: String, count: Int, firstRow: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        .warning(
            field == "milestone" ? .issueMilestone : .csvHeader, at: location, "column.several-values",
            ["count": .number(count), "line": .number(firstRow.line), "header": .value(header), "field": .term(field)])
    }

    /// A milestone cell that names no milestone, or a title several milestones share.
    static func unknownMilestone(_ written: String, known: MilestoneLookup, at location: SourceLocation) -> Diagnostic {
        let sharing = known.idsSharingTitle(written)
        if sharing.count > 1 {
            return .error(
                .issueMilestone, at: location, "milestone.shared-title",
                [
                    "ids": .list(sharing.map { .message(Message("value.quoted", ["value": .value($0)])) }, .and),
                    "title": .value(written),
                ])
        }
        return .error(
            .issueMilestone, at: location, "milestone.unknown",
            ["value": .value(written), "hint": Suggestion.hint(for: written, in: known.names)])
    }

    /// A milestone named on a site without content/milestones.csv.
    static func milestoneWithoutFile(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueMilestone, at: location, "milestone.no-file", ["value": .value(written)])
    }

    /// An `issues.values.milestone` entry whose target is no milestone id; without a
    /// milestones.csv, or with one that lists none, there is none to name, and that is
    /// said instead.
    static func unknownMilestoneTarget(_ target: String, ids: Set<String>, hasFile: Bool, at location: SourceLocation)
        -> Diagnostic
    {
        guard hasFile else { return .error(.projectValue, at: location, "milestone.no-file", ["value": .value(target)]) }
        if ids.isEmpty { return .error(.projectValue, at: location, "milestone.none-in-file", ["value": .value(target)]) }
        return .unknownValue(.projectValue, field: "milestone", value: target, expected: ids.sorted(), at: location)
    }

    /// Two issue ids that differ only in case.
    static func issueIDsDifferInCase(_ id: String, first: String, line: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .issueDuplicate, at: location, "issue.id-case",
            ["id": .value(id), "first": .value(first), "line": .number(line)])
    }

    /// An issue whose page would be the problem list's own, issues/index.html.
    static func issueOnListPage(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueId, at: location, "issue.id-index", ["id": .value(id)])
    }

    /// `"Решена" (resolved)`, or `"resolved"` when the word is the canonical one: the
    /// cell as written, with the id the rule speaks of.
    private static func quoted(_ written: String, _ canonical: IssueStatus) -> Message.Argument {
        FieldAliases.fold(written) == canonical.rawValue
            ? .message(Message("value.quoted", ["value": .value(written)]))
            : .message(Message("value.quoted-id", ["value": .value(written), "id": .value(canonical.rawValue)]))
    }
}

/// The messages of project.yml's settings and issues.csv's ids.
extension Diagnostic {
    /// A `timezone` that is no IANA zone name.
    static func unknownTimeZone(_ zone: String, at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "project.timezone", ["value": .value(zone)])
    }

    /// A category's `sla` that is no duration (`SLADuration`).
    static func badSLA(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.slaFormat, at: location, "project.sla", ["value": .value(text)])
    }

    /// A category written without an id.
    static func categoryWithoutID(at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "project.category-id")
    }

    /// An issue id with characters a file name cannot safely hold.
    static func invalidIssueID(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueId, at: location, "issue.id-characters", ["id": .value(id)])
    }
}

/// The messages of the CSV tables' headers and rows.
extension Diagnostic {
    /// A header that names a field another column already holds; `first` is that column's header.
    static func secondColumn(_ header: String, field: String, first: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .csvHeader, at: location, "column.second", ["header": .value(header), "field": .term(field), "first": .value(first)])
    }

    /// A table without even a header row.
    static func noHeaderRow(at location: SourceLocation) -> Diagnostic {
        .error(.csvHeader, at: location, "column.no-header-row")
    }

    /// A column with an empty header whose cells hold values; `column` is 1-based.
    static func valuesWithoutHeader(column: Int, at location: SourceLocation) -> Diagnostic {
        .error(.csvHeader, at: location, "column.values-without-header", ["column": .number(column)])
    }

    /// A required column no header names; when the file has headers Dossier does not
    /// know, the hint shows the project.yml line that maps `candidate` to the field.
    static func missingColumn(
        _ field: String, unknownHeaders: [String], candidate: String?, mappingKey: String, at location: SourceLocation
    ) -> Diagnostic {
        guard let candidate else { return .error(.csvHeader, at: location, "column.missing", ["field": .term(field)]) }
        let parts = mappingKey.split(separator: ".")
        let yamlHeader = "\"" + candidate.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
        let line = "\(parts[0]): {\(parts[1]): {\(yamlHeader): \(field)}}"
        // Each header quoted as the reader's language quotes a value.
        var others: [Message.Argument] = unknownHeaders.filter { $0 != candidate }.prefix(6).map {
            .message(Message("value.quoted", ["value": .value($0)]))
        }
        if unknownHeaders.count > 7 { others.append(.value("…")) }
        return .error(
            .csvHeader, at: location, "column.missing-mappable",
            [
                "field": .term(field), "candidate": .value(candidate), "line": .value(line),
                "others": .optional(others.isEmpty ? nil : Message("column.other-headers", ["headers": .list(others, .comma)])),
            ])
    }

    /// A first row with one cell or none: a title above the header row, or blank cells.
    static func titleAboveHeader(_ text: String, at location: SourceLocation) -> Diagnostic {
        text.isEmpty
            ? .error(.csvHeader, at: location, "column.title-above-empty")
            : .error(.csvHeader, at: location, "column.title-above", ["text": .value(text)])
    }

    /// A row with fewer fields than the header.
    static func rowTooShort(_ fields: Int, header: Int, at location: SourceLocation) -> Diagnostic {
        .error(.csvRowLength, at: location, "row.too-short", ["count": .number(fields), "header": .number(header)])
    }
    /// The hint names the file's own delimiter: a `;` file is not told about commas.
    static func rowTooLong(_ fields: Int, header: Int, delimiter: Character, at location: SourceLocation) -> Diagnostic {
        let held: Message.Argument =
            delimiter == "\t"
            ? .term("a-tab")
            : delimiter == "," ? .term("a-comma") : delimiter == ";" ? .term("a-semicolon") : .value("`\(delimiter)`")
        return .error(
            .csvRowLength, at: location, "row.too-long",
            ["count": .number(fields), "header": .number(header), "held": held])
    }
}

/// The messages of date reading.
extension Diagnostic {
    /// The columns of one file whose year-last dates could be read both ways, and nothing
    /// decided: one warning, at the first such date, naming the others.
    static func ambiguousDateOrder(_ columns: [(column: DateColumn, value: String, location: SourceLocation)]) -> Diagnostic {
        let (column, value, location) = columns[0]
        let written = WrittenTime(value)
        let used = written?.date(column.order).map { "\($0)" } ?? value
        let other: DateOrder = column.order == .dayFirst ? .monthFirst : .dayFirst
        let alternative = written?.date(other).map { "\($0)" } ?? value
        let language = if case .language(let code) = column.reason { code } else { "" }
        let others = columns.dropFirst().map { Message.Argument.term($0.column.field) }
        return .warning(
            .dateOrder, at: location, others.isEmpty ? "date-order.ambiguous" : "date-order.ambiguous-columns",
            [
                "field": .term(column.field), "value": .value(value), "order": .term(column.order.rawValue),
                "used": .value(used), "language": .value(language), "others": .list(others, .and),
                "alternative": .value(alternative), "setting": .value(other.rawValue),
            ])
    }

    /// Where a column's dotted date is: `line 4 ("07.11.2026")`, or `a dotted date`.
    private static func dots(_ column: DateColumn) -> Message.Argument {
        if case .dots(let line, let text) = column.reason {
            return .message(Message("date-order.line", ["line": .number(line), "text": .value(text)]))
        }
        return .message(Message("date-order.a-dotted-date"))
    }

    /// A slash or dash date that could be read both ways, in a column made day-first by
    /// its dotted dates.
    static func dateOrderFromDots(field: String, value: String, column: DateColumn, at location: SourceLocation) -> Diagnostic {
        let written = WrittenTime(value)
        let used = written?.date(.dayFirst).map { "\($0)" } ?? value
        let alternative = written?.date(.monthFirst).map { "\($0)" } ?? value
        return .warning(
            .dateOrder, at: location, "date-order.from-dots",
            [
                "field": .term(field), "value": .value(value), "used": .value(used), "dots": dots(column),
                "alternative": .value(alternative),
            ])
    }

    /// A cell whose number above 12, or whose dots, say the other order than its column's.
    static func dateOrderContradiction(
        field: String, value: String, written: DateOrder, dotted: Bool, column: DateColumn, at location: SourceLocation
    ) -> Diagnostic {
        let order = Message.Argument.term(column.order.rawValue)
        let because: Message
        switch column.reason {
        case .setting: because = Message("date-order.because-setting", ["setting": .value(column.order.rawValue)])
        case .cell(let line, let text):
            because = Message("date-order.because-cell", ["line": .number(line), "text": .value(text), "order": order])
        case .dots(let line, let text):
            because = Message("date-order.because-dots", ["line": .number(line), "text": .value(text)])
        default: because = Message("date-order.because-column", ["order": order])
        }
        return .error(
            .dateOrder, at: location, dotted ? "date-order.contradiction-dotted" : "date-order.contradiction",
            [
                "field": .term(field), "value": .value(value), "written": .term(written.rawValue),
                "because": .message(because),
            ])
    }

    /// A slash or dash date that `dates: month-first` would read otherwise than the
    /// column's dotted dates make it.
    static func dateOrderAgainstDots(
        field: String, value: String, column: DateColumn, setting: DateOrder, at location: SourceLocation
    ) -> Diagnostic {
        let written = WrittenTime(value)
        let bySetting = written?.date(setting).map { "\($0)" } ?? value
        let byColumn = written?.date(column.order).map { "\($0)" } ?? value
        return .error(
            .dateOrder, at: location, "date-order.against-dots",
            [
                "field": .term(field), "value": .value(value), "by-setting": .value(bySetting),
                "setting": .value(setting.rawValue), "by-column": .value(byColumn), "dots": dots(column),
                "order": .term(column.order.rawValue),
            ])
    }

    /// A local time the project's zone skips or repeats, with the instant it was read as.
    static func localTimeShift(
        field: String, value: String, time: RecordTime, fit: LocalTimeFit, clock: ProjectClock, at location: SourceLocation
    ) -> Diagnostic {
        let zone = Message.Argument.value(clock.timeZone.identifier)
        let read = Message.Argument.value("\(time.day) \(clock.timeOfDay(time.instant))")
        switch fit {
        case .skipped(let gap, let offset):
            return .warning(
                .dateDST, at: location, "dst.skipped",
                [
                    "field": .term(field), "value": .value(value), "zone": zone, "gap": .message(duration(gap)),
                    "read": read, "offset": .value(utcOffset(offset)),
                ])
        case .repeated(let first, let second):
            return .warning(
                .dateDST, at: location, "dst.repeated",
                [
                    "field": .term(field), "value": .value(value), "zone": zone,
                    "back": .message(duration(first - second)), "read": read, "offset": .value(utcOffset(first)),
                    "second": .value("\(value) \(utcOffset(second))"),
                ])
        case .exact:
            return .warning(.dateDST, at: location, "dst.exact", ["field": .term(field), "value": .value(value), "read": read])
        }
    }

    /// `+02:00`, `-03:30`.
    private static func utcOffset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + (minutes / 60).zeroPadded(2) + ":" + (minutes % 60).zeroPadded(2)
    }

    /// `1 hour`, `30 minutes`.
    private static func duration(_ seconds: Int) -> Message {
        let minutes = abs(seconds) / 60
        if minutes % 60 == 0 { return Message("duration.hours", ["count": .number(minutes / 60)]) }
        return Message("duration.minutes", ["count": .number(minutes)])
    }
}

/// The messages of raw HTML links in Markdown.
extension Diagnostic {
    /// A raw HTML link whose scheme could run script or leave the site unsafely.
    static func rawHTMLUnsafeLink(_ scheme: String, at location: SourceLocation) -> Diagnostic {
        .error(.unsafeLink, at: location, "raw-html.unsafe", ["scheme": .value(scheme)])
    }

    /// A raw HTML link to an id the target page does not have.
    static func rawHTMLBrokenAnchor(_ anchor: String, candidates: [String], at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenAnchor, at: location, "raw-html.broken-anchor",
            ["anchor": .value(anchor), "hint": Suggestion.hint(for: anchor, in: candidates)])
    }

    /// A raw HTML link starting with `/`, which breaks when the site is opened from disk.
    static func rawHTMLServerRoot(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "raw-html.server-root", ["value": .value(value)])
    }

    /// A raw HTML link that climbs out of the site with `..`.
    static func rawHTMLOutsideSite(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "raw-html.outside-site", ["value": .value(value)])
    }

    /// A raw HTML link to no file of the site; raw HTML is not rewritten, so a link to a
    /// record's `.md` file stays one.
    static func rawHTMLMissingPage(_ value: String, path: String, markdownSource: Bool, at location: SourceLocation) -> Diagnostic
    {
        .error(
            .brokenLink, at: location, markdownSource ? "raw-html.missing-page-markdown" : "raw-html.missing-page",
            ["value": .value(value), "path": .value(path)])
    }
}

/// The messages of the weekly notes and the handbook.
extension Diagnostic {
    /// A weekly note whose file name is no ISO week; `name` is without `.md`.
    static func weeklyNoteName(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(.weekName, at: location, "week.name", ["name": .value("\(name).md")])
    }

    /// A note's `week` front matter that is not the week its file name says.
    static func weekDiffersFromName(_ node: YAMLNode, week: ISOWeek) -> Diagnostic {
        .error(
            .weekName, at: node.location, "week.differs",
            ["value": node.scalar.map { .value($0) } ?? node.typeTerm, "week": .value("\(week)")])
    }

    /// Two articles whose paths make the same page, handbook/`slug`.html.
    static func articlesShareSlug(_ file: String, _ other: String, slug: String) -> Diagnostic {
        .error(
            .slugCollision, at: .start(of: file), "slug.articles",
            ["file": .value(file), "other": .value(other), "page": .value("handbook/\(slug).html")])
    }

    /// An article's `issues` naming an id no row of issues.csv has.
    static func unknownIssue(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenReference, at: location, "reference.no-issue", ["id": .value(id), "hint": Suggestion.hint(for: id, in: known)])
    }

    /// An article whose page would be one Dossier generates (`handbook/index.html`, a tag's
    /// page): it would replace that page or be replaced by it.
    static func articleOnGeneratedPage(_ file: String, page: String) -> Diagnostic {
        .error(
            .slugCollision, at: .start(of: file), page.hasPrefix("handbook/tags/") ? "slug.tag-page" : "slug.handbook-index",
            ["file": .value(file), "page": .value(page)])
    }

    /// Two different tags whose pages would be one file (`C++` and `C#` are both `c`).
    static func tagsSharePage(_ tag: String, _ first: String, page: String, at location: SourceLocation) -> Diagnostic {
        .error(.slugCollision, at: location, "slug.tags", ["tag": .value(tag), "first": .value(first), "page": .value(page)])
    }

    /// An article in a folder whose path is a page's (`handbook/x.html/` beside `x.md`):
    /// the folder and the page cannot both be written.
    static func articleInFolderNamedLikeAPage(_ file: String, folder: String) -> Diagnostic {
        .error(.slugCollision, at: .start(of: file), "slug.folder", ["file": .value(file), "folder": .value(folder)])
    }

    /// A file under handbook/ copied to where a page is written.
    static func handbookFileOnPage(_ file: String, page: String) -> Diagnostic {
        .error(.slugCollision, at: .start(of: file), "slug.file", ["file": .value(file), "page": .value(page)])
    }
}

/// The messages of links and `[[references]]` in Markdown.
extension Diagnostic {
    /// `[[x]]` naming no record; `draft` when x is an article left out of this build. The
    /// hint matches `slug` against `names`, nil once enough hints were given.
    static func brokenReference(_ target: String, draft: Bool, slug: String, names: [String]?, at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            .brokenReference, at: location, draft ? "reference.draft" : "reference.none",
            ["target": .value(target), "hint": names.map { Suggestion.hint(for: slug, in: $0) } ?? .value("")])
    }

    /// A link whose scheme is not allowed (see `URLSafety.allowedSchemes`); it is left out.
    static func unsafeLinkScheme(_ scheme: String, at location: SourceLocation) -> Diagnostic {
        .error(.unsafeLink, at: location, "link.unsafe", ["scheme": .value(scheme)])
    }

    /// A link starting with `/`, which breaks when the site is opened from disk.
    static func serverRootLink(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "link.server-root", ["value": .value(destination)])
    }

    /// A link that climbs out of content/ with `..`.
    static func linkOutsideContent(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "link.outside-content", ["value": .value(destination)])
    }

    /// A link to an article's `.md` that is no article of this build; `path` is under content/.
    static func missingArticleLink(_ destination: String, path: String, draft: Bool, at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenLink, at: location, draft ? "link.draft" : "link.no-article",
            ["value": .value(destination), "path": .value("content/\(path)")])
    }

    /// A link to a `.md` file that is neither an article nor a weekly note.
    static func missingRecordLink(_ destination: String, path: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "link.no-record", ["value": .value(destination), "path": .value("content/\(path)")])
    }

    /// A link to a file that is not under content/.
    static func missingFileLink(_ destination: String, path: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "link.no-file", ["value": .value(destination), "path": .value("content/\(path)")])
    }

    /// `[link]()` or `[link](#)`: the text stays, without a link.
    static func emptyLinkTarget(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .warning(.brokenLink, at: location, destination.isEmpty ? "link.empty" : "link.hash-only")
    }

    /// `[[FK-1#x]]`: only articles have headings a reference can name.
    static func referenceAnchorOutsideArticle(_ target: String, fragment: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenAnchor, at: location, "reference.anchor-outside-article",
            ["target": .value(target), "fragment": .value(fragment)])
    }

    /// `[[x]]` where x names records of more than one kind; `kinds` says which.
    static func ambiguousReference(_ target: String, kinds: [Message], at location: SourceLocation) -> Diagnostic {
        .error(
            .ambiguousReference, at: location, "reference.ambiguous",
            ["target": .value(target), "kinds": .list(kinds.map { .message($0) }, .and)])
    }

    /// A `#anchor` that is no heading of `page`.
    /// `page` is the linked page's path; nil for a link to a heading of its own page.
    static func brokenAnchor(_ anchor: String, in page: String?, candidates: [String], at location: SourceLocation)
        -> Diagnostic
    {
        let hint = Suggestion.hint(for: anchor, in: candidates)
        guard let page else {
            return .error(.brokenAnchor, at: location, "link.broken-anchor-here", ["anchor": .value(anchor), "hint": hint])
        }
        return .error(
            .brokenAnchor, at: location, "link.broken-anchor", ["anchor": .value(anchor), "page": .value(page), "hint": hint])
    }
}

/// The messages of Markdown that renders otherwise than written.
extension Diagnostic {
    /// `**重要，**请`: a `*` or `_` run the flanking rule of CommonMark §6.2 leaves as text,
    /// with how to write it so that it formats. `rawHTML` when the project passes raw
    /// HTML through, so that `<strong>` is a way out.
    static func emphasisNotFormatted(_ problem: MarkdownEmphasisProblem, rawHTML: Bool, at location: SourceLocation)
        -> Diagnostic
    {
        let delimiter = problem.delimiter
        let bold = delimiter.count >= 2
        let opening = problem.kind == .notOpening
        func side(_ character: Character?) -> Message.Argument {
            character.map { .message(Message("emphasis.character", ["character": .value(String($0))])) } ?? .term("line-edge")
        }
        let outside: Message =
            problem.suggestion.map { Message("emphasis.fix-write", ["text": .value($0), "delimiter": .value(delimiter)]) }
            ?? Message("emphasis.fix-outside", ["delimiter": .value(delimiter)])
        var fixes: [Message.Argument] = [
            .message(outside),
            .message(
                Message(opening ? "emphasis.fix-space-before" : "emphasis.fix-space-after", ["delimiter": .value(delimiter)])),
        ]
        if rawHTML { fixes.append(.message(Message(bold ? "emphasis.fix-strong" : "emphasis.fix-em"))) }
        return .warning(
            .cjkEmphasis, at: location, opening ? "emphasis.not-opening" : "emphasis.not-closing",
            [
                "delimiter": .value(delimiter), "before": side(problem.before), "after": side(problem.after),
                "kind": .term(bold ? "bold" : "italic"), "fixes": .list(fixes, .or),
            ])
    }
}
