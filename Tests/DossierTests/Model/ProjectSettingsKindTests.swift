import DossierDiagnostics
import DossierSite
import Foundation
import Testing

/// Every key of project.yml (SPEC §1.1) given a value of the wrong YAML kind is one
/// located `project-value` error at that value, never silently read as absent. `1️⃣`
/// marks where the error must be; it is removed before the file is written.
@Suite struct ProjectSettingsKindTests {
    static let cases: [(yaml: String, says: String)] = [
        ("name: 1️⃣[Demo]\n", "`name` must be text, not a list"),
        ("client: 1️⃣{org: Acme}\n", "`client` must be text, not a map"),
        ("language: 1️⃣[en]\n", "`language` must be text, not a list"),
        ("timezone: 1️⃣[UTC]\n", "`timezone` must be text, not a list"),
        ("start: 1️⃣{day: 1}\n", "`start` must be text, not a map"),
        ("base_url: 1️⃣[https://example.com/]\n", "`base_url` must be text, not a list"),
        ("dates: 1️⃣[day-first]\n", "`dates` must be text, not a list"),
        ("categories: 1️⃣bug\n", "`categories` must be a list of {id, label, sla}, not \"bug\""),
        ("categories: [1️⃣bug]\n", "`categories` must be a list of {id, label, sla}, not \"bug\""),
        ("categories:\n  - {id: 1️⃣[bug]}\n", "`categories.id` must be text, not a list"),
        ("categories:\n  - {id: bug, label: 1️⃣[Defect]}\n", "`categories.label` must be text, not a list"),
        ("categories:\n  - {id: bug, sla: 1️⃣{days: 3}}\n", "`categories.sla` must be text, not a map"),
        ("issues: 1️⃣[columns]\n", "`issues` must be a map with columns, values and page_size, not a list"),
        ("issues:\n  columns: 1️⃣[id]\n", "`issues.columns` must be a map from header to field, not a list"),
        ("issues:\n  columns: {No: 1️⃣[id]}\n", "`issues.columns.No` must be a field name, not a list"),
        ("issues:\n  values: 1️⃣[status]\n", "`issues.values` must be a map per field, not a list"),
        ("issues:\n  values: {status: 1️⃣[open]}\n", "`issues.values.status` must be a map from value to value, not a list"),
        ("issues:\n  values: {status: {Doing: 1️⃣[open]}}\n", "`issues.values.status.Doing` must be a value of status, not a list"),
        (
            "issues:\n  values: {milestone: {R2: 1️⃣{id: M2}}}\n",
            "`issues.values.milestone.R2` must be a value of milestone, not a map"
        ),
        ("milestones: 1️⃣[scope]\n", "`milestones` must be a map with columns and group_by, not a list"),
        ("milestones:\n  columns: 1️⃣Код\n", "`milestones.columns` must be a map from header to field, not \"Код\""),
        ("milestones:\n  group_by: 1️⃣{scope: 1}\n", "`milestones.group_by` must be a list of column headers"),
        ("team: 1️⃣[columns]\n", "`team` must be a map with columns, not a list"),
        ("team:\n  columns: 1️⃣[id]\n", "`team.columns` must be a map from header to field, not a list"),
        ("encoding: 1️⃣[utf-8]\n", "`encoding` must map files (paths under content/) to encodings"),
        ("encoding: {issues.csv: 1️⃣[utf-8]}\n", "`encoding.issues.csv` must be one encoding name, not a list"),
        ("markdown: 1️⃣true\n", "`markdown` must be a map, not \"true\""),
        ("markdown: {unsafe_html: 1️⃣yes}\n", "`markdown.unsafe_html` must be true or false, not \"yes\""),
        ("markdown:\n  unsafe_html:1️⃣ \n", "`markdown.unsafe_html` must be true or false, not empty"),
    ]

    @Test(arguments: cases.indices)
    func aValueOfTheWrongKindIsOneLocatedError(_ index: Int) throws {
        let (marked, says) = Self.cases[index]
        let (yaml, line, column) = Self.marker(in: marked)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-kind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try Data(yaml.utf8).write(to: site.appendingPathComponent("content/project.yml"))
        try Data("id,title,status,opened\nI-1,Login,open,2026-03-02\n".utf8).write(
            to: site.appendingPathComponent("content/issues.csv"))
        let errors = try Dossier.check(site: site).diagnostics.items.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(yaml): \(errors.map(\.message))")
        let error = try #require(errors.first)
        #expect(error.rule == .projectValue)
        #expect(error.location == SourceLocation(file: "content/project.yml", line: line, column: column), "\(yaml)")
        #expect(error.message.description.contains(says), "\(error.message)")
    }

    /// The text without its `1️⃣`, and the marker's 1-based line and column (in Unicode scalars).
    static func marker(in text: String) -> (String, Int, Int) {
        let marker = "1️⃣"
        let range = text.range(of: marker)!
        let before = text[..<range.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return (text.replacingCharacters(in: range, with: ""), lines.count, lines.last!.unicodeScalars.count + 1)
    }
}
