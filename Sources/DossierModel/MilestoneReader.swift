import DossierDiagnostics
import DossierMarkdown
import DossierRecords

/// Checks content/milestones.csv (SPEC §1.4).
enum MilestoneReader {
    static let fields = ["id", "title", "due", "done", "owner", "scope", "description"]

    /// The valid milestones, the ids of every row with an id, and the title of each such
    /// row that has one (a row with other mistakes, such as a date that cannot be read,
    /// still exists for issues that name it by id or title).
    static func read(
        _ table: CSVTable?, settings: ProjectSettings, team: Team, documents: inout [DocumentSource],
        diagnostics: inout DiagnosticList
    ) -> (milestones: [Milestone], ids: Set<String>, titles: [(id: String, title: String)]) {
        guard let table else { return ([], [], []) }
        let options = MarkdownOptions(allowRawHTML: settings.allowRawHTML)
        let mapped = MappedTable.map(
            table, required: ["id", "title", "due"], mappingKey: "milestones.columns", diagnostics: &diagnostics
        ) { header in
            let folded = FieldAliases.fold(header)
            return settings.milestoneColumns[folded] ?? FieldAliases.milestoneHeaders[folded]
        }
        let extraColumns = mapped.extraColumns
        let extraHeaders = Set(extraColumns.map { FieldAliases.fold(table.header[$0].value) })
        for (name, location) in settings.milestoneGroups ?? []
        where name != "scope" && !extraHeaders.contains(FieldAliases.fold(name)) {
            diagnostics.append(
                .unknownMilestoneGroup(name, extraHeaders: extraColumns.map { table.header[$0].value.trimmed }, at: location))
        }
        let dates = DateColumns(
            ["due", "done"], in: mapped, settings: settings, reportsLocalTimes: false, diagnostics: &diagnostics)
        var milestones: [Milestone] = []
        var seen: [String: SourceLocation] = [:]
        var titles: [(id: String, title: String)] = []
        let problems = mapped.forEachRow { row in
            // A missing column is reported once, at the header, not on every row.
            guard mapped.checkLength(row, diagnostics: &diagnostics), mapped.columns["id"] != nil else { return }
            guard let id = mapped.text("id", in: row) else {
                diagnostics.append(.missingValue(.milestone, field: "id", at: mapped.location("id", in: row)))
                return
            }
            if let first = seen[id] {
                diagnostics.append(
                    .duplicate(.milestone, kind: "milestone", id: id, first: first, at: mapped.location("id", in: row)))
                return
            }
            seen[id] = mapped.location("id", in: row)
            let title = mapped.text("title", in: row)
            if title == nil, mapped.columns["title"] != nil {
                diagnostics.append(.missingValue(.milestone, field: "title", at: mapped.location("title", in: row)))
            }
            if let title { titles.append((id, title)) }

            /// A milestone date is a day: a datetime gives its day in the project's zone.
            func date(_ field: String) -> CivilDate? {
                guard let text = mapped.text(field, in: row) else { return nil }
                let at = mapped.location(field, in: row)
                return dates.read(field, text, at: at, diagnostics: &diagnostics) {
                    .badDay(.milestone, field: field, value: text, reason: $0, at: at)
                }?.time.day
            }
            let due = date("due")
            if mapped.text("due", in: row) == nil, mapped.columns["due"] != nil {
                diagnostics.append(.missingValue(.milestone, field: "due", at: mapped.location("due", in: row)))
            }
            let done = date("done")
            let owner = mapped.text("owner", in: row)
            if let owner, team.isDeclared, team.member(owner) == nil {
                diagnostics.append(.unknownPerson(owner, field: "owner", team: team, at: mapped.location("owner", in: row)))
            }
            var description: MarkdownDocument?
            if let cell = mapped.cell("description", in: row), !cell.value.isEmpty {
                let document = MarkdownDocument(cell.value, lineOffset: cell.location.line - 1, options: options)
                documents.append(DocumentSource(document: document, cell: cell, page: .milestones, title: title ?? id))
                description = document
            }
            guard let due, let title else { return }
            milestones.append(
                Milestone(
                    id: id, title: title, due: due, done: done, owner: owner, scope: mapped.text("scope", in: row),
                    description: description, extra: mapped.extra(extraColumns, in: row).map { ($0.header, $0.value) },
                    location: mapped.location("id", in: row)))
        }
        diagnostics.append(contentsOf: problems)
        return (milestones, Set(seen.keys), titles)
    }
}
