import DossierDiagnostics
import DossierMarkdown
import DossierRecords

/// Checks content/issues.csv (SPEC §1.3): headers by name, alias or `issues.columns`;
/// values by canonical name, alias or `issues.values`.
struct IssueReader {
    let settings: ProjectSettings
    let team: Team
    let milestones: MilestoneLookup
    let hasMilestoneFile: Bool
    /// False to leave descriptions and resolutions unread (for a past revision, whose
    /// text is not shown).
    var readsText = true
    /// Folded category id or label → id, built once rather than per row.
    private let categoryLookup: [String: String]

    init(settings: ProjectSettings, team: Team, milestones: MilestoneLookup, hasMilestoneFile: Bool) {
        self.settings = settings
        self.team = team
        self.milestones = milestones
        self.hasMilestoneFile = hasMilestoneFile
        var lookup: [String: String] = [:]
        for category in settings.categories.reversed() {
            lookup[FieldAliases.fold(category.label)] = category.id
        }
        for category in settings.categories.reversed() {
            lookup[FieldAliases.fold(category.id)] = category.id  // an id wins over a label
        }
        categoryLookup = lookup
    }

    static let required = ["id", "title", "status", "opened"]
    /// Fields a tracker may write in several columns of one name: Jira repeats Labels,
    /// Fix Version/s and Component/s as often as one issue has values. Tags are merged;
    /// of several milestones or modules the first is taken, said once per file.
    static let repeatable: Set<String> = ["tags", "milestone", "module"]

    /// The valid issues, and the ids of every row with a readable id: a row with other
    /// mistakes still exists for references, so they are not reported a second time.
    func read(_ table: CSVTable?, documents: inout [DocumentSource], diagnostics: inout DiagnosticList)
        -> (issues: [Issue], ids: Set<String>)
    {
        guard let table else { return ([], []) }
        let redmineTraditional = FieldAliases.isRedmineTraditionalChinese(table.header.map(\.value))
        let mapped = MappedTable.map(
            table, required: Self.required, repeatable: Self.repeatable, mappingKey: "issues.columns", diagnostics: &diagnostics
        ) { header in
            let folded = FieldAliases.fold(header)
            return settings.columns[folded] ?? FieldAliases.issueHeaders[folded]
                ?? (redmineTraditional ? FieldAliases.redmineTraditionalChineseHeaders[folded] : nil)
        }
        let options = MarkdownOptions(allowRawHTML: settings.allowRawHTML)
        let extraColumns = mapped.extraColumns
        let extraHeaders = Set(extraColumns.map { FieldAliases.fold(table.header[$0].value) })
        for view in settings.views {
            for (name, location) in view.columns where !extraHeaders.contains(FieldAliases.fold(name)) {
                diagnostics.append(
                    .unknownViewColumn(name, extraHeaders: extraColumns.map { table.header[$0].value.trimmed }, at: location))
            }
        }
        let tagColumns = table.header.indices.filter { mapped.fields[$0] == "tags" }
        // Redmine's and Jira's Updated column: an extra column that also stands in for a
        // resolved date the tracker left empty.
        let updatedColumn = table.header.indices.first { index in
            mapped.fields[index] == nil && FieldAliases.isUpdatedHeader(table.header[index].value, columns: settings.columns)
        }
        var resolvedFromUpdated: [SourceLocation] = []
        // Columns of a repeated single-valued field, and the rows with more than one value.
        let repeatedColumns: [(field: String, columns: [Int])] = ["milestone", "module"].map { (field: String) in
            (field, table.header.indices.filter { mapped.fields[$0] == field })
        }.filter { $0.columns.count > 1 }
        var severalValues: [String: [SourceLocation]] = [:]
        /// The first non-empty value of `field` among its columns.
        func firstValue(_ field: String, in row: CSVRow) -> String? {
            guard let columns = repeatedColumns.first(where: { $0.field == field })?.columns else {
                return mapped.text(field, in: row)
            }
            let values = columns.compactMap { $0 < row.cells.count ? row.cells[$0].value.trimmed : nil }.filter { !$0.isEmpty }
            if Set(values).count > 1 { severalValues[field, default: []].append(mapped.location("id", in: row)) }
            return values.first
        }
        let dates = DateColumns(
            ["opened", "resolved", "due"], extra: updatedColumn.map { ["updated": $0] } ?? [:], in: mapped, settings: settings,
            reportsLocalTimes: true, diagnostics: &diagnostics)
        var issues: [Issue] = []
        // Markdown cells in the rows' order, and which of them are each issue's description
        // and resolution (by place in `issues` and in `texts`).
        var texts: [(cell: CSVCell, page: SitePage, title: String)] = []
        var markdownOf: [(issue: Int, description: Int?, resolution: Int?)] = []
        var seen: [String: SourceLocation] = [:]
        // Lower-cased id → the id as written first: pages FK-1.html and fk-1.html are one
        // file on a case-insensitive disk and in most zips.
        var seenFolded: [String: (id: String, location: SourceLocation)] = [:]

        // The words this file writes for each canonical value (`已关闭` for closed), so an
        // unknown value is answered in the file's own words; unknown values are reported
        // after the pass, when every row's words are known.
        var writtenWords: [String: [String: String]] = [:]
        var unknownValues: [(rule: Rule, field: String, text: String, expected: [String], at: SourceLocation)] = []
        func note(_ field: String, _ text: String, is canonical: String) {
            if writtenWords[field]?[canonical] == nil { writtenWords[field, default: [:]][canonical] = text }
        }

        let problems = mapped.forEachRow { row in
            let trusted = mapped.checkLength(row, diagnostics: &diagnostics)
            func at(_ field: String) -> SourceLocation { mapped.location(field, in: row) }

            guard trusted else {
                // The row exists for references if its id reads as one; nothing else is checked.
                if let id = mapped.text("id", in: row), Self.isValidID(id), seen[id] == nil { seen[id] = at("id") }
                return
            }

            // id
            guard let id = mapped.text("id", in: row) else {
                if mapped.columns["id"] != nil { diagnostics.append(.missingValue(.issueRequired, field: "id", at: at("id"))) }
                return
            }
            if !Self.isValidID(id) {
                diagnostics.append(.invalidIssueID(id, at: at("id")))
                return
            }
            if id.lowercased() == "index" {
                diagnostics.append(.issueOnListPage(id, at: at("id")))
                return
            }
            if seen[id] == nil, let first = seenFolded[id.lowercased()] {
                diagnostics.append(.issueIDsDifferInCase(id, first: first.id, line: first.location.line, at: at("id")))
                return
            }
            if let first = seen[id] {
                diagnostics.append(.duplicate(.issueDuplicate, kind: "issue", id: id, first: first, at: at("id")))
                return
            }
            seen[id] = at("id")
            seenFolded[id.lowercased()] = (id, at("id"))

            var valid = true
            let title = mapped.text("title", in: row)
            if title == nil, mapped.columns["title"] != nil {
                diagnostics.append(.missingValue(.issueRequired, field: "title", at: at("title")))
                valid = false
            }

            let status = mapped.text("status", in: row).flatMap { text -> IssueStatus? in
                if let status = value(text, field: "status", aliases: FieldAliases.statuses).flatMap(IssueStatus.init) {
                    note("status", text, is: status.rawValue)
                    return status
                }
                unknownValues.append((.issueStatus, "status", text, IssueStatus.allCases.map(\.rawValue), at("status")))
                return nil
            }
            if status == nil {
                if mapped.columns["status"] != nil, mapped.text("status", in: row) == nil {
                    diagnostics.append(.missingValue(.issueRequired, field: "status", at: at("status")))
                }
                valid = false
            }

            func timeAndFit(_ field: String) -> (time: RecordTime, fit: LocalTimeFit)? {
                guard let text = mapped.text(field, in: row) else { return nil }
                return dates.read(field, text, at: at(field), diagnostics: &diagnostics) {
                    .badDate(.issueDate, field: field, value: text, reason: $0, at: at(field))
                }
            }
            let openedRead = timeAndFit("opened")
            let opened = openedRead?.time
            if opened == nil {
                if mapped.columns["opened"] != nil, mapped.text("opened", in: row) == nil {
                    diagnostics.append(.missingValue(.issueRequired, field: "opened", at: at("opened")))
                }
                valid = false
            }
            // Where the resolved time came from when a tracker's Updated column stood in.
            var resolvedSource: (header: String, location: SourceLocation)?
            let resolvedRead = timeAndFit("resolved")
            var resolved = resolvedRead?.time
            var resolvedFit = resolvedRead?.fit ?? .exact
            let updatedRead: (time: RecordTime, fit: LocalTimeFit)? = updatedColumn.flatMap { index in
                guard index < row.cells.count else { return nil }
                let cell = row.cells[index]
                let text = cell.value.trimmed
                guard !text.isEmpty else { return nil }
                let header = table.header[index].value.trimmed
                return dates.read("updated", text, at: cell.location, diagnostics: &diagnostics) {
                    .badDate(.issueDate, field: header, value: text, reason: $0, at: cell.location)
                }
            }
            let updated = updatedRead?.time
            if let status, let written = mapped.text("status", in: row) {
                if status.isOpen, resolved != nil {
                    diagnostics.append(.resolvedWhileOpen(status: written, canonical: status, at: at("resolved")))
                    resolved = nil
                } else if !status.isOpen, resolved == nil, mapped.text("resolved", in: row) == nil {
                    if let updatedRead, let updatedColumn {
                        (resolved, resolvedFit) = (updatedRead.time, updatedRead.fit)
                        resolvedFromUpdated.append(at("id"))
                        resolvedSource = (table.header[updatedColumn].value.trimmed, row.cells[updatedColumn].location)
                    } else {
                        diagnostics.append(
                            .resolvedDateMissing(
                                status: written, canonical: status,
                                updatedHeader: updatedColumn.map { table.header[$0].value.trimmed },
                                at: mapped.cell("resolved", in: row) == nil ? at("status") : at("resolved")))
                        valid = false
                    }
                }
            }
            if let opened, let r = resolved, r.instant < opened.instant, !(r.isDateOnly && r.day >= opened.day) {
                diagnostics.append(
                    .resolvedBeforeOpened(
                        resolved: r, resolvedFit: resolvedFit, opened: opened, openedFit: openedRead?.fit ?? .exact,
                        clock: settings.clock,
                        takenFrom: resolvedSource?.header, at: resolvedSource?.location ?? at("resolved")))
                valid = false
            }
            let due = timeAndFit("due")?.time

            var tier: Int?
            if let text = mapped.text("tier", in: row) {
                tier = value(text, field: "tier", aliases: FieldAliases.tiers).flatMap { Int($0) }
                if let tier {
                    note("tier", text, is: String(tier))
                } else {
                    unknownValues.append((.issueTier, "tier", text, ["1", "2", "3"], at("tier")))
                }
            }
            var priority = IssuePriority.normal
            if let text = mapped.text("priority", in: row) {
                if let p = value(text, field: "priority", aliases: FieldAliases.priorities).flatMap(IssuePriority.init) {
                    priority = p
                    note("priority", text, is: p.rawValue)
                } else {
                    unknownValues.append(
                        (.issuePriority, "priority", text, IssuePriority.allCases.map(\.rawValue), at("priority")))
                }
            }
            var category: String?
            if let text = mapped.text("category", in: row) {
                category = categoryID(text)
                if category == nil {
                    // The project's own labels (操作咨询 for operation); the built-in English
                    // labels tell a reader nothing the ids do not.
                    let ownLabels =
                        settings.categories.map { [$0.id, $0.label] } != IssueCategory.defaults.map { [$0.id, $0.label] }
                    diagnostics.append(
                        .unknownValue(
                            .issueCategory, field: "category", value: text,
                            expected: settings.categories.map { ($0.id, ownLabels ? $0.label : nil) }, at: at("category"),
                            suggestFrom: settings.categories.flatMap { [$0.id, $0.label] }))
                }
            }
            var milestone: String?
            if let written = firstValue("milestone", in: row) {
                milestone = milestones.id(for: written, values: settings.values["milestone"])
                if milestone == nil {
                    diagnostics.append(
                        hasMilestoneFile
                            ? .unknownMilestone(written, known: milestones, at: at("milestone"))
                            : .milestoneWithoutFile(written, at: at("milestone")))
                }
            }
            for field in ["reporter", "owner"] {
                if let person = mapped.text(field, in: row), team.isDeclared, team.member(person) == nil {
                    diagnostics.append(.unknownPerson(person, field: field, team: team, at: at(field)))
                }
            }
            var tags: [String] = []
            for index in tagColumns where index < row.cells.count {
                tags += row.cells[index].value.split(whereSeparator: { $0 == ";" || $0 == "；" })
                    .map { $0.trimmed }.filter { !$0.isEmpty }
            }

            /// The place in `texts` of the field's Markdown, parsed once every row is read.
            func markdown(_ field: String) -> Int? {
                guard readsText, let cell = mapped.cell(field, in: row), !cell.value.trimmed.isEmpty
                else { return nil }
                texts.append((cell, .issue(id), title ?? ""))
                return texts.count - 1
            }
            let description = markdown("description")
            let resolution = markdown("resolution")

            guard valid, let title, let status, let opened else { return }
            let extra = mapped.extra(extraColumns, in: row)
            issues.append(
                Issue(
                    id: id, title: title, status: status, opened: opened, resolved: resolved, tier: tier,
                    category: category, priority: priority, module: firstValue("module", in: row),
                    reporter: mapped.text("reporter", in: row), owner: mapped.text("owner", in: row), due: due,
                    updated: updated, milestone: milestone, tags: tags, description: nil, resolution: nil, extra: extra,
                    location: at("id")))
            if description != nil || resolution != nil { markdownOf.append((issues.count - 1, description, resolution)) }
        }
        // The descriptions and resolutions, parsed on all cores (on this thread, row by
        // row, they were 4 % of a `build`'s main thread at S); in the rows' order.
        let parsed = texts.parallelMap(inRunsOf: 64) { text in
            MarkdownDocument(text.cell.value, lineOffset: text.cell.location.line - 1, options: options)
        }
        for (text, document) in zip(texts, parsed) {
            documents.append(DocumentSource(document: document, cell: text.cell, page: text.page, title: text.title))
        }
        for (issue, description, resolution) in markdownOf {
            issues[issue].description = description.map { parsed[$0] }
            issues[issue].resolution = resolution.map { parsed[$0] }
        }
        diagnostics.append(contentsOf: problems)
        for unknown in unknownValues {
            let words = writtenWords[unknown.field] ?? [:]
            diagnostics.append(
                .unknownValue(
                    unknown.rule, field: unknown.field, value: unknown.text,
                    expected: unknown.expected.map { ($0, words[$0]) }, at: unknown.at))
        }
        for (field, columns) in repeatedColumns {
            if let rows = severalValues[field], let first = rows.first {
                diagnostics.append(
                    .severalValues(
                        field, header: table.header[columns[0]].value.trimmed, count: rows.count, firstRow: first,
                        at: table.header[columns[1]].location))
            }
        }
        if let updatedColumn, let first = resolvedFromUpdated.first {
            diagnostics.append(
                .resolvedFromUpdated(
                    count: resolvedFromUpdated.count, header: table.header[updatedColumn].value.trimmed,
                    resolvedHeader: mapped.columns["resolved"].map { table.header[$0].value.trimmed }, firstRow: first,
                    at: table.header[updatedColumn].location))
        }
        return (issues, Set(seen.keys))
    }

    /// Letters, digits, `.`, `_` and `-`; not `.` or `..`.
    static func isValidID(_ id: String) -> Bool {
        id != "." && id != ".." && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
            }
    }

    /// A cell value through `issues.values`, then the built-in aliases.
    private func value(_ text: String, field: String, aliases: [String: String]) -> String? {
        let folded = FieldAliases.fold(text)
        return settings.values[field]?[folded] ?? aliases[folded]
    }

    /// A category by `issues.values`, id, or label, ignoring case.
    private func categoryID(_ text: String) -> String? {
        let folded = FieldAliases.fold(text)
        if let mapped = settings.values["category"]?[folded] { return mapped }
        return categoryLookup[folded]
    }
}
