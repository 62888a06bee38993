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
        let list = expected.joined(separator: ", ")
        return .error(
            rule, at: location,
            "unknown \(field) \"\(value)\"; expected one of \(list)\(Suggestion.hint(for: value, in: candidates ?? expected))")
    }

    /// An empty cell or key where `field` is required.
    static func missingValue(_ rule: Rule, field: String, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(field) is required")
    }

    /// A date or datetime cell that is none; `reason` says why when more can be said
    /// than that it is none of the forms (`WrittenTime.Refusal`).
    static func badDate(_ rule: Rule, field: String, value: String, reason: String? = nil, at location: SourceLocation)
        -> Diagnostic
    {
        if let reason {
            return .error(
                rule, at: location,
                "\(field) \"\(value)\" is not a date: \(reason) (a date is written 2022-04-29, a datetime 2022-04-29 14:50)")
        }
        return .error(
            rule, at: location,
            "\(field) \"\(value)\" is not a date (2022-04-29) or datetime (2022-04-29 14:50, 2022-04-29T14:50:00+08:00)")
    }

    /// A day cell that is none, as `badDate`.
    static func badDay(_ rule: Rule, field: String, value: String, reason: String? = nil, at location: SourceLocation)
        -> Diagnostic
    {
        if let reason {
            return .error(rule, at: location, "\(field) \"\(value)\" is not a date: \(reason) (a date is written 2022-04-29)")
        }
        return .error(rule, at: location, "\(field) \"\(value)\" is not a date (2022-04-29)")
    }

    /// A person who is neither an id nor a name in team.csv.
    static func unknownPerson(_ value: String, field: String, team: Team, at location: SourceLocation) -> Diagnostic {
        .error(
            .unknownPerson, at: location,
            "\(field) \"\(value)\" is not an id or name in team.csv\(Suggestion.hint(for: value, in: team.allNames))")
    }

    /// An id defined a second time; `first` is where it was defined first.
    static func duplicate(_ rule: Rule, kind: String, id: String, first: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        .error(rule, at: location, "\(kind) \"\(id)\" is already defined at line \(first.line)")
    }

    /// A YAML value of the wrong kind for `key` (a list where text belongs, …).
    static func wrongType(_ rule: Rule, key: String, expected: String, node: YAMLLike) -> Diagnostic {
        .error(rule, at: node.location, "`\(key)` must be \(expected), not \(node.typeDescription)")
    }

    /// A `base_url` that is not an absolute http or https URL (see `BaseURL`); the hint
    /// is the corrected value when one can be read from it, else an example.
    static func badBaseURL(_ value: String, problem: BaseURL.Problem, at location: SourceLocation) -> Diagnostic {
        let why: String
        switch problem {
        case .noScheme: why = "it does not start with https:// or http://"
        case .scheme(let scheme): why = "its scheme is \(scheme), not https or http"
        case .noHost: why = "it names no host"
        case .badAuthority(let authority): why = "\"\(authority)\" is not a host name with an optional port"
        case .queryOrFragment: why = "page paths cannot follow its ? or #"
        case .credentials: why = "it holds a user name or password, which every link would publish"
        case .port(let port): why = "port \(port) is above 65535"
        case .pagePath(let page): why = "it names the page \(page), not the folder the site is published in"
        }
        var hint = BaseURL.suggestion(for: value).map { "write base_url: \($0)" } ?? "e.g. base_url: https://example.com/erp/"
        if case .pagePath = problem { hint = "write the folder, ending in /" }
        if case .credentials = problem { hint = "leave them out; e.g. base_url: https://example.com/erp/" }
        return .error(
            .projectValue, at: location,
            "base_url \"\(value)\" is not an absolute http or https URL: \(why); \(hint)")
    }

    /// A key Dossier does not read; the hint names the closest of `known`.
    static func unknownKey(_ rule: Rule, key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .warning(rule, at: location, "unknown key `\(key)` is ignored\(Suggestion.hint(for: key, in: known))")
    }

    /// A `milestones.group_by` entry that is neither `scope` nor a column of milestones.csv.
    static func unknownMilestoneGroup(_ name: String, extraHeaders: [String], at location: SourceLocation) -> Diagnostic {
        .unknownValue(
            .projectValue, field: "milestones.group_by column", value: name, expected: ["scope"] + extraHeaders, at: location)
    }
}

/// What a type message needs of a YAML node.
protocol YAMLLike {
    var location: SourceLocation { get }
    var typeDescription: String { get }
}

/// The messages of issues.csv's tracker rules: resolved dates and milestones.
extension Diagnostic {
    /// A resolved date on a row whose status is open; `status` is the word as written.
    static func resolvedWhileOpen(status: String, canonical: IssueStatus, at location: SourceLocation) -> Diagnostic {
        .warning(.issueResolved, at: location, "resolved date is ignored: status \(quoted(status, canonical)) is still open")
    }

    /// A resolved, closed or rejected row without a resolved date and no Updated time to
    /// stand in for it.
    static func resolvedDateMissing(
        status: String, canonical: IssueStatus, updatedHeader: String?, at location: SourceLocation
    ) -> Diagnostic {
        let why = updatedHeader.map { " (its \"\($0)\" cell, which would stand in for it, is empty too)" } ?? ""
        return .error(.issueResolved, at: location, "status \(quoted(status, canonical)) needs a resolved date\(why)")
    }

    /// Rows whose resolved date was taken from the Updated column, said once per file;
    /// `resolvedHeader` is the file's resolved column, when it has one.
    static func resolvedFromUpdated(
        count: Int, header: String, resolvedHeader: String?, firstRow: SourceLocation, at location: SourceLocation
    ) -> Diagnostic {
        let rows =
            count == 1
            ? "1 resolved, closed or rejected issue (line \(firstRow.line)) has no resolved date: its \"\(header)\" time is used"
            : "\(count) resolved, closed or rejected issues (the first at line \(firstRow.line)) have no resolved date: their \"\(header)\" time is used"
        let fix =
            resolvedHeader.map {
                "a tracker fills \"\($0)\" only for some statuses, Redmine for closed ones; write the real time there where it is known"
            }
            ?? "add a resolved column where the real time is known"
        return .warning(.issueResolved, at: location, "\(rows) instead (\(fix))")
    }

    /// A resolved time before the opened time; a time that a daylight saving change moved
    /// (read later than written, or as the first of two) is said, since that may be why.
    /// `takenFrom` names the Updated column when its time stood in for an empty resolved cell.
    static func resolvedBeforeOpened(
        resolved: RecordTime, resolvedFit: LocalTimeFit, opened: RecordTime, openedFit: LocalTimeFit, clock: ProjectClock,
        takenFrom: String? = nil, at location: SourceLocation
    ) -> Diagnostic {
        let what =
            takenFrom.map { "the resolved time taken from \"\($0)\", \(clock.describe(resolved))," }
            ?? "resolved \(clock.describe(resolved))"
        var message = "\(what) is before opened \(clock.describe(opened))"
        let zone = clock.timeZone.identifier
        let notes = [("opened", opened, openedFit), ("resolved", resolved, resolvedFit)].compactMap {
            field, time, fit -> String? in
            switch fit {
            case .exact: return nil
            case .skipped(let gap, _):
                let minutes = gap / 60
                let length = minutes % 60 == 0 ? (minutes == 60 ? "1 hour" : "\(minutes / 60) hours") : "\(minutes) minutes"
                return
                    "\(field) was moved \(length) forward to \(clock.describe(time)), as the clocks skip its written time in \(zone)"
            case .repeated:
                return "\(field) \(clock.describe(time)) happens twice in \(zone) and was read as the first"
            }
        }
        if !notes.isEmpty { message += " (" + notes.joined(separator: "; ") + ")" }
        return .error(.issueResolved, at: location, message)
    }

    /// Rows whose repeated columns of a single-valued field (Jira's Fix Version/s,
    /// Component/s) hold different values: the first is taken; said once per file.
    static func severalValues(_ field: String, header: String, count: Int, firstRow: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        let rows =
            count == 1 ? "1 issue (line \(firstRow.line)) has" : "\(count) issues (the first at line \(firstRow.line)) have"
        return .warning(
            field == "milestone" ? .issueMilestone : .csvHeader, at: location,
            "\(rows) more than one \"\(header)\"; an issue has one \(field), so the first is taken")
    }

    /// A milestone cell that names no milestone, or a title several milestones share.
    static func unknownMilestone(_ written: String, known: MilestoneLookup, at location: SourceLocation) -> Diagnostic {
        let sharing = known.idsSharingTitle(written)
        if sharing.count > 1 {
            let ids = sharing.map { "\"\($0)\"" }.joined(separator: " and ")
            return .error(
                .issueMilestone, at: location, "milestones \(ids) share the title \"\(written)\"; write the id of the one meant")
        }
        return .error(
            .issueMilestone, at: location,
            "unknown milestone \"\(written)\" (no milestone has this id or title; issues.values.milestone in project.yml "
                + "maps other names)\(Suggestion.hint(for: written, in: known.names))")
    }

    /// A milestone named on a site without content/milestones.csv.
    static func milestoneWithoutFile(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueMilestone, at: location, "milestone \"\(written)\" is named but the site has no content/milestones.csv")
    }

    /// An `issues.values.milestone` entry whose target is no milestone id.
    static func unknownMilestoneTarget(_ target: String, ids: Set<String>, at location: SourceLocation) -> Diagnostic {
        .unknownValue(.projectValue, field: "milestone", value: target, expected: ids.sorted(), at: location)
    }

    /// Two issue ids that differ only in case.
    static func issueIDsDifferInCase(_ id: String, first: String, line: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .issueDuplicate, at: location,
            "issue \"\(id)\" and issue \"\(first)\" (line \(line)) differ only in case; their pages would be one file on Windows, macOS and in a zip"
        )
    }

    /// An issue whose page would be the problem list's own, issues/index.html.
    static func issueOnListPage(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .issueId, at: location, "id \"\(id)\" would make issues/index.html, the problem list's own page; choose another id")
    }

    /// `"Решена" (resolved)`, or `"resolved"` when the word is the canonical one.
    private static func quoted(_ written: String, _ canonical: IssueStatus) -> String {
        FieldAliases.fold(written) == canonical.rawValue ? "\"\(written)\"" : "\"\(written)\" (\(canonical.rawValue))"
    }
}

/// The messages of project.yml's settings and issues.csv's ids.
extension Diagnostic {
    /// A `timezone` that is no IANA zone name.
    static func unknownTimeZone(_ zone: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .projectValue, at: location,
            "unknown time zone \"\(zone)\"; write an IANA name such as Asia/Shanghai or Europe/Moscow")
    }

    /// A category's `sla` that is no duration (`SLADuration`).
    static func badSLA(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(.slaFormat, at: location, "SLA \"\(text)\" is not a duration such as 30m, 4h, 3d or 2w")
    }

    /// A category written without an id.
    static func categoryWithoutID(at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "a category needs an id")
    }

    /// An issue id with characters a file name cannot safely hold.
    static func invalidIssueID(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueId, at: location, "id \"\(id)\" may hold only letters, digits, `.`, `_` and `-` (it becomes a file name)")
    }
}

/// The messages of the CSV tables' headers and rows.
extension Diagnostic {
    /// A header that names a field another column already holds; `first` is that column's header.
    static func secondColumn(_ header: String, field: String, first: String, at location: SourceLocation) -> Diagnostic {
        .error(.csvHeader, at: location, "column \"\(header)\" is a second \(field) column (the first is \"\(first)\")")
    }

    /// A table without even a header row.
    static func noHeaderRow(at location: SourceLocation) -> Diagnostic {
        .error(.csvHeader, at: location, "the file has no header row")
    }

    /// A column with an empty header whose cells hold values; `column` is 1-based.
    static func valuesWithoutHeader(column: Int, at location: SourceLocation) -> Diagnostic {
        .error(.csvHeader, at: location, "column \(column) has values but no header")
    }

    /// A required column no header names; when the file has headers Dossier does not
    /// know, the hint shows the project.yml line that maps `candidate` to the field.
    static func missingColumn(
        _ field: String, unknownHeaders: [String], candidate: String?, mappingKey: String, at location: SourceLocation
    ) -> Diagnostic {
        guard let candidate else { return .error(.csvHeader, at: location, "no \(field) column") }
        let parts = mappingKey.split(separator: ".")
        let yamlHeader = "\"" + candidate.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
        let line = "\(parts[0]): {\(parts[1]): {\(yamlHeader): \(field)}}"
        var others = unknownHeaders.filter { $0 != candidate }.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
        if unknownHeaders.count > 7 { others += ", …" }
        return .error(
            .csvHeader, at: location,
            "no \(field) column; if \"\(candidate)\" holds it, add to project.yml: \(line)"
                + (others.isEmpty ? "" : " (other headers Dossier does not know: \(others))"))
    }

    /// A first row with one cell or none: a title above the header row, or blank cells.
    static func titleAboveHeader(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .csvHeader, at: location,
            text.isEmpty
                ? "the first row is not a header row: it has no column names; delete the lines above the header row"
                : "the first row is not a header row: it holds only \"\(text)\"; if the header row comes further down (a sheet's title above it), delete the lines above it"
        )
    }

    /// A row with fewer fields than the header.
    static func rowTooShort(_ fields: Int, header: Int, at location: SourceLocation) -> Diagnostic {
        .error(.csvRowLength, at: location, "row has \(fields) fields; the header has \(header)")
    }
    /// The hint names the file's own delimiter: a `;` file is not told about commas.
    static func rowTooLong(_ fields: Int, header: Int, delimiter: Character, at location: SourceLocation) -> Diagnostic {
        let held =
            delimiter == "\t" ? "a tab" : delimiter == "," ? "a comma" : delimiter == ";" ? "a semicolon" : "`\(delimiter)`"
        return .error(
            .csvRowLength, at: location,
            "row has \(fields) fields; the header has \(header) (a field with \(held) must be quoted)")
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
        let others = columns.dropFirst().map(\.column.field)
        let also = others.isEmpty ? "" : ", and so are the dates of \(list(others))"
        let scope = others.isEmpty ? "this column" : "these columns"
        return .warning(
            .dateOrder, at: location,
            "\(column.field) \"\(value)\" is read \(column.order.rawValue) as \(used), the usual order for language \(language)\(also): "
                + "no date in \(scope) has a day above 12; if it means \(alternative), add \"dates: \(other.rawValue)\" to content/project.yml"
        )
    }

    /// A slash or dash date that could be read both ways, in a column made day-first by
    /// its dotted dates.
    static func dateOrderFromDots(field: String, value: String, column: DateColumn, at location: SourceLocation) -> Diagnostic {
        let written = WrittenTime(value)
        let used = written?.date(.dayFirst).map { "\($0)" } ?? value
        let alternative = written?.date(.monthFirst).map { "\($0)" } ?? value
        let dots = if case .dots(let line, let text) = column.reason { "line \(line) (\"\(text)\")" } else { "a dotted date" }
        return .warning(
            .dateOrder, at: location,
            "\(field) \"\(value)\" is read day-first as \(used), as \(dots) is dotted, which makes this column day-first: "
                + "no slash or dash date in it has a day above 12; if it means \(alternative), write \(alternative)")
    }

    /// A cell whose number above 12, or whose dots, say the other order than its column's.
    static func dateOrderContradiction(
        field: String, value: String, written: DateOrder, dotted: Bool, column: DateColumn, at location: SourceLocation
    ) -> Diagnostic {
        let because: String
        switch column.reason {
        case .setting: because = "content/project.yml says \"dates: \(column.order.rawValue)\""
        case .cell(let line, let text): because = "line \(line) (\"\(text)\") makes this column \(column.order.rawValue)"
        case .dots(let line, let text): because = "line \(line) (\"\(text)\") is dotted, which makes this column day-first"
        default: because = "this column is read \(column.order.rawValue)"
        }
        let what = dotted ? "is dotted, so \(written.rawValue)" : "is \(written.rawValue)"
        return .error(
            .dateOrder, at: location, "\(field) \"\(value)\" \(what), but \(because); a column's dates are read one way")
    }

    /// A slash or dash date that `dates: month-first` would read otherwise than the
    /// column's dotted dates make it.
    static func dateOrderAgainstDots(
        field: String, value: String, column: DateColumn, setting: DateOrder, at location: SourceLocation
    ) -> Diagnostic {
        let written = WrittenTime(value)
        let bySetting = written?.date(setting).map { "\($0)" } ?? value
        let byColumn = written?.date(column.order).map { "\($0)" } ?? value
        let dots = if case .dots(let line, let text) = column.reason { "line \(line) (\"\(text)\")" } else { "a dotted date" }
        return .error(
            .dateOrder, at: location,
            "\(field) \"\(value)\" is \(bySetting) by \"dates: \(setting.rawValue)\" in content/project.yml, but \(byColumn) in this column, "
                + "which \(dots) makes \(column.order.rawValue) (dotted dates are day-first whatever `dates` says); "
                + "a column's dates are read one way: write \(bySetting) or \(byColumn)")
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
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

/// The messages of raw HTML links in Markdown.
extension Diagnostic {
    /// A raw HTML link whose scheme could run script or leave the site unsafely.
    static func rawHTMLUnsafeLink(_ scheme: String, at location: SourceLocation) -> Diagnostic {
        .error(.unsafeLink, at: location, "raw HTML link with scheme \"\(scheme):\" is not allowed; the build refuses the page")
    }

    /// A raw HTML link to an id the target page does not have.
    static func rawHTMLBrokenAnchor(_ anchor: String, candidates: [String], at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenAnchor, at: location,
            "raw HTML links to #\(anchor), which is no id of that page\(Suggestion.hint(for: anchor, in: candidates))")
    }

    /// A raw HTML link starting with `/`, which breaks when the site is opened from disk.
    static func rawHTMLServerRoot(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenLink, at: location,
            "raw HTML link \"\(value)\" starts at the server root, which breaks from disk and sub-paths; write a relative link")
    }

    /// A raw HTML link that climbs out of the site with `..`.
    static func rawHTMLOutsideSite(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "raw HTML link \"\(value)\" points outside the site")
    }

    /// A raw HTML link to no file of the site; raw HTML is not rewritten, so a link to a
    /// record's `.md` file stays one.
    static func rawHTMLMissingPage(_ value: String, path: String, markdownSource: Bool, at location: SourceLocation) -> Diagnostic
    {
        let hint =
            markdownSource
            ? "; raw HTML is written to the page as it is, so link the page (.html) or write a Markdown link [text](\(value))"
            : "; raw HTML links go from the page's place in the site, not from the record's folder"
        return .error(.brokenLink, at: location, "raw HTML links to \"\(value)\", and the site has no \(path)\(hint)")
    }
}

/// The messages of the weekly notes and the handbook.
extension Diagnostic {
    /// A weekly note whose file name is no ISO week; `name` is without `.md`.
    static func weeklyNoteName(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(.weekName, at: location, "weekly note \"\(name).md\" must be named after its ISO week, like 2022-W14.md")
    }

    /// A note's `week` front matter that is not the week its file name says.
    static func weekDiffersFromName(_ node: YAMLNode, week: ISOWeek) -> Diagnostic {
        .error(.weekName, at: node.location, "week \"\(node.scalar ?? node.typeName)\" differs from the file name's week \(week)")
    }

    /// Two articles whose paths make the same page, handbook/`slug`.html.
    static func articlesShareSlug(_ file: String, _ other: String, slug: String) -> Diagnostic {
        .error(.slugCollision, at: .start(of: file), "\(file) and \(other) would both become handbook/\(slug).html; rename one")
    }

    /// An article's `issues` naming an id no row of issues.csv has.
    static func unknownIssue(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .error(.brokenReference, at: location, "no issue \"\(id)\"\(Suggestion.hint(for: id, in: known))")
    }

    /// An article whose page would be one Dossier generates (`handbook/index.html`, a tag's
    /// page): it would replace that page or be replaced by it.
    static func articleOnGeneratedPage(_ file: String, page: String) -> Diagnostic {
        .error(
            .slugCollision, at: .start(of: file),
            "\(file) would become \(page), which Dossier writes itself (\(page.hasPrefix("handbook/tags/") ? "the tag pages live in handbook/tags/" : "the handbook's index")); rename or move the article"
        )
    }

    /// Two different tags whose pages would be one file (`C++` and `C#` are both `c`).
    static func tagsSharePage(_ tag: String, _ first: String, page: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .slugCollision, at: location,
            "tag \"\(tag)\" and tag \"\(first)\" would share the page \(page) (a tag's page name keeps its letters and digits); rename one"
        )
    }

    /// An article in a folder whose path is a page's (`handbook/x.html/` beside `x.md`):
    /// the folder and the page cannot both be written.
    static func articleInFolderNamedLikeAPage(_ file: String, folder: String) -> Diagnostic {
        .error(
            .slugCollision, at: .start(of: file),
            "\(file) is in the folder \(folder), which is also a page's name; rename the folder")
    }

    /// A file under handbook/ copied to where a page is written.
    static func handbookFileOnPage(_ file: String, page: String) -> Diagnostic {
        .error(
            .slugCollision, at: .start(of: file), "\(file) would be copied to \(page), where a page is written; rename the file")
    }
}

/// The messages of links and `[[references]]` in Markdown.
extension Diagnostic {
    /// `[[x]]` naming no record; `draft` when x is an article left out of this build. The
    /// hint matches `slug` against `names`, nil once enough hints were given.
    static func brokenReference(_ target: String, draft: Bool, slug: String, names: [String]?, at location: SourceLocation)
        -> Diagnostic
    {
        let reason =
            draft ? "article \"\(target)\" is a draft, left out of this build" : "no article, issue or milestone \"\(target)\""
        return .error(.brokenReference, at: location, reason + (names.map { Suggestion.hint(for: slug, in: $0) } ?? ""))
    }

    /// A link whose scheme is not allowed (see `URLSafety.allowedSchemes`); it is left out.
    static func unsafeLinkScheme(_ scheme: String, at location: SourceLocation) -> Diagnostic {
        .error(.unsafeLink, at: location, "link target with scheme \"\(scheme):\" is not allowed and is left out")
    }

    /// A link starting with `/`, which breaks when the site is opened from disk.
    static func serverRootLink(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenLink, at: location,
            "\"\(destination)\" starts at the server root, which breaks from disk and sub-paths; write a relative link")
    }

    /// A link that climbs out of content/ with `..`.
    static func linkOutsideContent(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "\"\(destination)\" points outside content/")
    }

    /// A link to an article's `.md` that is no article of this build; `path` is under content/.
    static func missingArticleLink(_ destination: String, path: String, draft: Bool, at location: SourceLocation) -> Diagnostic {
        let reason = draft ? "links to a draft left out of this build" : "no such article"
        return .error(.brokenLink, at: location, "\"\(destination)\": \(reason) (content/\(path))")
    }

    /// A link to a `.md` file that is neither an article nor a weekly note.
    static func missingRecordLink(_ destination: String, path: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "\"\(destination)\": no such record (content/\(path))")
    }

    /// A link to a file that is not under content/.
    static func missingFileLink(_ destination: String, path: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "\"\(destination)\": no such file (content/\(path))")
    }

    /// `[link]()` or `[link](#)`: the text stays, without a link.
    static func emptyLinkTarget(_ destination: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            .brokenLink, at: location,
            destination.isEmpty
                ? "link with an empty target is shown as plain text; write where it goes"
                : "link to \"#\" alone goes nowhere and is shown as plain text; write the heading's anchor")
    }

    /// `[[FK-1#x]]`: only articles have headings a reference can name.
    static func referenceAnchorOutsideArticle(_ target: String, fragment: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .brokenAnchor, at: location,
            "\"\(target)#\(fragment)\": only an article's headings can be linked with #; write [[\(target)]]")
    }

    /// `[[x]]` where x names records of more than one kind; `kinds` says which.
    static func ambiguousReference(_ target: String, kinds: [String], at location: SourceLocation) -> Diagnostic {
        let list = kinds.dropLast().joined(separator: ", ") + " and " + (kinds.last ?? "")
        return .error(.ambiguousReference, at: location, "\"\(target)\" is both \(list); rename one of them")
    }

    /// A `#anchor` that is no heading of `page`.
    static func brokenAnchor(_ anchor: String, in page: String, candidates: [String], at location: SourceLocation) -> Diagnostic {
        .error(.brokenAnchor, at: location, "no heading #\(anchor) in \(page)\(Suggestion.hint(for: anchor, in: candidates))")
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
        func quoted(_ character: Character?) -> String { character.map { "\"\($0)\"" } ?? "the line's edge" }
        let delimiter = problem.delimiter
        let bold = delimiter.count >= 2
        let opening = problem.kind == .notOpening
        let place = "\"\(delimiter)\" after \(quoted(problem.before)) and before \(quoted(problem.after))"
        let reason =
            opening
            ? "before punctuation, an opening \(delimiter) needs a space or punctuation before it"
            : "after punctuation, a closing \(delimiter) needs a space or punctuation after it"
        var fixes = [
            problem.suggestion.map { "write \"\($0)\" (the punctuation outside the \(delimiter))" }
                ?? "put the punctuation outside the \(delimiter)",
            opening ? "put a space before the opening \(delimiter)" : "put a space after the closing \(delimiter)",
        ]
        if rawHTML { fixes.append(bold ? "use <strong>…</strong>" : "use <em>…</em>") }
        return .warning(
            .cjkEmphasis, at: location,
            "\(place) does not \(opening ? "open" : "close") the \(bold ? "bold" : "italic") text, so both \(delimiter) are "
                + "shown as written (CommonMark §6.2: \(reason)); " + fixes.dropLast().joined(separator: ", ") + " or "
                + fixes.last!)
    }
}
