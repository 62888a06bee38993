import DossierDiagnostics
import DossierRecords

/// Checks content/team.csv (SPEC §1.2).
enum TeamReader {
    static let fields = ["id", "name", "role", "org", "email"]

    static func read(_ table: CSVTable?, settings: ProjectSettings, diagnostics: inout DiagnosticList) -> Team {
        guard let table else { return Team(members: [], isDeclared: false) }
        let mapped = MappedTable.map(
            table, required: ["id", "name"], mappingKey: "team.columns", diagnostics: &diagnostics
        ) { header in
            let folded = FieldAliases.fold(header)
            return settings.teamColumns[folded] ?? FieldAliases.teamHeaders[folded]
        }
        let extraColumns = mapped.extraColumns
        var members: [TeamMember] = []
        var seen: [String: SourceLocation] = [:]
        let problems = mapped.forEachRow { row in
            // A missing column is reported once, at the header, not on every row.
            guard mapped.checkLength(row, diagnostics: &diagnostics), mapped.columns["id"] != nil else { return }
            guard let id = mapped.text("id", in: row) else {
                diagnostics.append(.missingValue(.teamMember, field: "id", at: mapped.location("id", in: row)))
                return
            }
            if let first = seen[id] {
                diagnostics.append(
                    .duplicate(.teamMember, kind: "team member", id: id, first: first, at: mapped.location("id", in: row)))
                return
            }
            seen[id] = mapped.location("id", in: row)
            let name = mapped.text("name", in: row)
            if name == nil, mapped.columns["name"] != nil {
                diagnostics.append(.missingValue(.teamMember, field: "name", at: mapped.location("name", in: row)))
            }
            var role: TeamMember.Role?
            if let text = mapped.text("role", in: row) {
                role = FieldAliases.roles[FieldAliases.fold(text)].flatMap(TeamMember.Role.init)
                if role == nil {
                    diagnostics.append(
                        .unknownValue(
                            .teamMember, field: "role", value: text, expected: TeamMember.Role.allCases.map(\.rawValue),
                            at: mapped.location("role", in: row)))
                }
            }
            members.append(
                TeamMember(
                    id: id, name: name ?? id, role: role, org: mapped.text("org", in: row), email: mapped.text("email", in: row),
                    extra: mapped.extra(extraColumns, in: row).map { TeamMember.Extra(header: $0.header, value: $0.value) }))
        }
        diagnostics.append(contentsOf: problems)
        return Team(members: members, isDeclared: true)
    }
}
