import DossierDiagnostics
import DossierRecords
import DossierSite
import Foundation
import Testing

@testable import DossierDiff

/// `dossier diff` reports every field of an issue that changed, on a Redmine export
/// saved again by Excel (rows ending in CRLF, line breaks inside quoted cells as LF,
/// `""` for a quote) in a repository built here:
///
/// - `c1` the first export;
/// - `c2` the next one: 101's Created moved back to the Sunday it was really reported,
///   102's description edited, 103 given another author, module and tags, 104's Closed
///   moved in the afternoon and its Plant column changed; Redmine's Updated moved with
///   each of them.
@Suite struct IssueFieldsDiffTests {
    static let header =
        "#,Tracker,Status,Priority,Subject,Author,Assignee,Updated,Category,Module,Tags,Created,Closed,Description,Plant"

    /// 102's description: five lines before, six after. Line 3 is edited (one removed,
    /// one added), "Expected…" is removed, two lines are added at the end, lines 1, 2
    /// and 4 stay: 3 added, 2 removed.
    static let descriptionBefore = """
        The "Approve" button skips the CFO.
        Steps:
        1. Submit a travel report over 5,000.
        2. Look at the approval route.
        Expected: the CFO approves.
        """
    static let descriptionAfter = """
        The "Approve" button skips the CFO.
        Steps:
        1. Submit a travel report over 5,000 CNY.
        2. Look at the approval route.
        Seen on plant 2 only.
        Since the 3 March release.
        """

    /// A cell as Excel writes it: quoted when it holds a comma, a quote or a line break.
    static func cell(_ text: String) -> String {
        text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func export(_ rows: [[String]]) -> Data {
        Data(([header] + rows.map { $0.map(cell).joined(separator: ",") }).map { $0 + "\r\n" }.joined().utf8)
    }

    static let first = export([
        [
            "101", "Support", "New", "Normal", "Cannot log in after password reset", "Ann Lee", "Ivan", "2026-03-02 09:20",
            "Login", "Portal", "", "2026-03-02 09:15", "", "Reset mail arrives.\nThe new password is refused.", "Plant 1",
        ],
        [
            "102", "Bug", "In Progress", "High", "Approval flow skips the CFO", "Ann Lee", "Ivan", "2026-03-03 11:00",
            "Workflow", "Expenses", "approval", "2026-03-03 10:00", "", descriptionBefore, "Plant 2",
        ],
        [
            "103", "Bug", "New", "Normal", "Month-end close posts twice", "Ivan", "Vera", "2026-03-04 08:30", "Defect",
            "Finance", "month-end; plant-2", "2026-03-04 08:30", "", "Posted twice.", "Plant 2",
        ],
        [
            "104", "Support", "Closed", "Low", "Printer queue lost", "Ann Lee", "Vera", "2026-03-06 11:00", "Login", "Portal",
            "", "2026-03-05 14:00", "2026-03-06 11:00", "", "Plant 1",
        ],
    ])

    static let second = export([
        [
            "101", "Support", "New", "Normal", "Cannot log in after password reset", "Ann Lee", "Ivan", "2026-03-09 16:20",
            "Login", "Portal", "", "2026-03-01 17:40", "", "Reset mail arrives.\nThe new password is refused.", "Plant 1",
        ],
        [
            "102", "Bug", "In Progress", "High", "Approval flow skips the CFO", "Ann Lee", "Ivan", "2026-03-09 16:21",
            "Workflow", "Expenses", "approval", "2026-03-03 10:00", "", descriptionAfter, "Plant 2",
        ],
        [
            "103", "Bug", "New", "Normal", "Month-end close posts twice", "Olga", "Vera", "2026-03-09 16:22", "Defect",
            "Treasury", "month-end; urgent-fix", "2026-03-04 08:30", "", "Posted twice.", "Plant 2",
        ],
        [
            "104", "Support", "Closed", "Low", "Printer queue lost", "Ann Lee", "Vera", "2026-03-09 16:23", "Login", "Portal",
            "", "2026-03-05 14:00", "2026-03-06 15:30", "", "Plant 2",
        ],
    ])

    static let repository: URL = {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-diff-fields-\(UUID().uuidString)")
        let content = top.appendingPathComponent("content")
        try! FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try! Data(
            """
            name: Expense rollout
            timezone: Asia/Shanghai
            issues:
              values:
                category: {Login: operation, Workflow: config, Defect: bug}

            """.utf8
        ).write(to: content.appendingPathComponent("project.yml"))
        DiffTests.git(top, "init", "-q", "-b", "main")
        DiffTests.git(top, "config", "user.name", "Test")
        DiffTests.git(top, "config", "user.email", "test@example.com")
        try! first.write(to: content.appendingPathComponent("issues.csv"))
        DiffTests.commit(top, "c1")
        try! second.write(to: content.appendingPathComponent("issues.csv"))
        DiffTests.commit(top, "c2")
        return top
    }()

    func diff() throws -> RecordsDiff {
        try Dossier.diff(site: Self.repository, revisions: "c1..c2", format: .markdown).diff
    }

    func changes(_ id: String) throws -> [RecordsDiff.FieldChange] {
        try #require(try diff().issuesChanged.first { $0.id == id }).changes
    }

    @Test func theExportsReadWithoutProblems() throws {
        let diff = try diff()
        #expect(diff.problems.isEmpty, "\(diff.problems.flatMap(\.diagnostics))")
        #expect(diff.issuesChanged.map(\.id) == ["101", "102", "103", "104"])
        #expect(diff.issuesAdded.isEmpty && diff.issuesRemoved.isEmpty && diff.issuesNotCompared.isEmpty)
    }

    /// Moving the opened time moves the SLA figures: it shows, in the project's zone.
    @Test func aMovedOpenedTimeShows() throws {
        #expect(
            try changes("101") == [
                .init(field: "opened", old: "2026-03-02 09:15", new: "2026-03-01 17:40"),
                .init(field: "updated", old: "2026-03-02 09:20", new: "2026-03-09 16:20"),
            ])
    }

    @Test func anEditedDescriptionIsCountedInLines() throws {
        #expect(
            try changes("102") == [
                .init(field: "updated", old: "2026-03-03 11:00", new: "2026-03-09 16:21"),
                .init(field: "description", old: nil, new: nil, lines: LineCount(added: 3, removed: 2)),
            ])
    }

    @Test func reporterModuleAndTagsShow() throws {
        #expect(
            try changes("103") == [
                .init(field: "updated", old: "2026-03-04 08:30", new: "2026-03-09 16:22"),
                .init(field: "reporter", old: "Ivan", new: "Olga"),
                .init(field: "module", old: "Finance", new: "Treasury"),
                .init(field: "tags", old: "month-end, plant-2", new: "month-end, urgent-fix"),
            ])
    }

    /// A resolved time moved within the day, and a column Dossier has no field for, by
    /// its header; the Updated column is compared once, as a time.
    @Test func aMovedResolvedTimeAndAnExtraColumnShow() throws {
        #expect(
            try changes("104") == [
                .init(field: "resolved", old: "2026-03-06 11:00", new: "2026-03-06 15:30"),
                .init(field: "updated", old: "2026-03-06 11:00", new: "2026-03-09 16:23"),
                .init(field: "Plant", old: "Plant 1", new: "Plant 2", isColumn: true),
            ])
        let changed = try #require(try diff().issuesChanged.first { $0.id == "104" })
        #expect(!changed.resolved && !changed.reopened, "closed before and after")
    }

    @Test func theMarkdownSaysEveryChange() throws {
        let (text, _) = try Dossier.diff(site: Self.repository, revisions: "c1..c2", format: .markdown)
        #expect(
            text == """
                **Records `c1` → `c2`:** 4 issues changed

                ### Issues changed (4)

                - **101** Cannot log in after password reset — opened: 2026-03-02 09:15 → 2026-03-01 17:40; updated: 2026-03-02 09:20 → 2026-03-09 16:20
                - **102** Approval flow skips the CFO — updated: 2026-03-03 11:00 → 2026-03-09 16:21; description: 3 lines added, 2 removed
                - **103** Month-end close posts twice — updated: 2026-03-04 08:30 → 2026-03-09 16:22; reporter: Ivan → Olga; module: Finance → Treasury; tags: month-end, plant-2 → month-end, urgent-fix
                - **104** Printer queue lost — resolved: 2026-03-06 11:00 → 2026-03-06 15:30; updated: 2026-03-06 11:00 → 2026-03-09 16:23; Plant: Plant 1 → Plant 2

                """)
    }

    @Test func theJSONCountsATextAndMarksAColumn() throws {
        let (text, _) = try Dossier.diff(site: Self.repository, revisions: "c1..c2", format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let changed = try #require((object["issues"] as? [String: Any])?["changed"] as? [[String: Any]])
        func changes(_ id: String) throws -> [[String: Any]] {
            try #require(changed.first { $0["id"] as? String == id }?["changes"] as? [[String: Any]])
        }
        let opened = try #require(try changes("101").first)
        #expect(opened["field"] as? String == "opened" && opened["column"] as? Bool == false)
        #expect(opened["old"] as? String == "2026-03-02 09:15" && opened["new"] as? String == "2026-03-01 17:40")
        let description = try #require(try changes("102").last)
        #expect(Set(description.keys) == ["field", "column", "lines_added", "lines_removed"], "the text is not repeated")
        #expect(description["field"] as? String == "description")
        #expect(description["lines_added"] as? Int == 3 && description["lines_removed"] as? Int == 2)
        let plant = try #require(try changes("104").last)
        #expect(plant["field"] as? String == "Plant" && plant["column"] as? Bool == true)
        #expect(plant["old"] as? String == "Plant 1" && plant["new"] as? String == "Plant 2")
        #expect(!text.contains("Since the 3 March release"))
    }

    /// Lines counted by hand: an edit is one removed and one added; line ends of another
    /// kind are no change; a text that appears or goes is all its lines.
    @Test func linesAreCountedAsAReviewerCountsThem() {
        #expect(LineCount(from: Self.descriptionBefore, to: Self.descriptionAfter) == LineCount(added: 3, removed: 2))
        #expect(LineCount(from: "a\nb\nc", to: "a\r\nb\r\nc\r\n") == LineCount(added: 0, removed: 0))
        #expect(LineCount(from: nil, to: "a\nb") == LineCount(added: 2, removed: 0))
        #expect(LineCount(from: "a\nb\n", to: nil) == LineCount(added: 0, removed: 2))
        #expect(LineCount(from: "a\nb\nc", to: "c\na\nb") == LineCount(added: 1, removed: 1))
        #expect(LineCount(from: "第一行\n第二行", to: "第一行\n\n第二行 ✅") == LineCount(added: 2, removed: 1))
    }

    /// A column's value of several lines is counted too, never printed into the comment.
    @Test func aValueOfSeveralLinesIsCounted() {
        #expect(
            RecordsDiff.change("Notes", "one line", "two\nlines", isText: false)
                == .init(field: "Notes", old: nil, new: nil, lines: LineCount(added: 2, removed: 1)))
        #expect(RecordsDiff.change("description", "same", "same", isText: true) == nil)
        #expect(RecordsDiff.change("owner", "ivan", "ivan", isText: false) == nil)
    }

    /// Every compared field has its word in each language, and a text change reads with
    /// the language's plural forms.
    @Test(arguments: [Language.en, .zh, .ru])
    func aTextChangeIsWordedInEachLanguage(_ language: Language) {
        for field in RecordsDiff.comparedFields {
            #expect(
                MessageCatalogue.builtIn.entries[language]?["term.\(field)"] != nil, "\(language): no term.\(field)")
        }
        var diff = RecordsDiff(
            from: RecordsSnapshot(label: "a", files: MemoryFiles([:]), root: Self.repository),
            to: RecordsSnapshot(label: "b", files: MemoryFiles([:]), root: Self.repository))
        diff.issuesChanged = [
            RecordsDiff.IssueChange(
                id: "102", title: "T",
                changes: [
                    .init(field: "description", old: nil, new: nil, lines: LineCount(added: 1, removed: 0)),
                    .init(field: "resolution", old: nil, new: nil, lines: LineCount(added: 3, removed: 5)),
                    .init(field: "Plant", old: nil, new: nil, lines: LineCount(added: 21, removed: 2), isColumn: true),
                ], resolved: false, reopened: false)
        ]
        let line = DiffMarkdown(diff, language: language).render().split(separator: "\n").last.map(String.init)
        let expected =
            switch language {
            case .zh: "- **102** T — 问题描述：新增 1 行，删除 0 行；解决方案：新增 3 行，删除 5 行；Plant：新增 21 行，删除 2 行"
            case .ru:
                "- **102** T — описание: добавлена 1 строка, удалено 0; решение: добавлены 3 строки, удалено 5; Plant: добавлена 21 строка, удалены 2"
            default:
                "- **102** T — description: 1 line added, 0 removed; resolution: 3 lines added, 5 removed; Plant: 21 lines added, 2 removed"
            }
        #expect(line == expected)
    }
}
