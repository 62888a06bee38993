import DossierDiff
import DossierRecords
import DossierSite
import Foundation
import Testing

/// `dossier diff` on a throw-away repository whose site is the sub-folder `records/`:
///
/// - `c1` the valid fixture;
/// - `c2` resolves EX-2 (and gives it to vera) and EX-5, and edits the budget article;
/// - `c3` renames setup/login.md to setup/sign-in.md and fixes the references to it;
/// - `c4` breaks EX-1's status (`Doing`), adds EX-6 and reopens EX-3;
/// - the work tree changes the note of 2026-W11 and adds a milestone's done date.
@Suite struct DiffTests {
    static let repository: URL = {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-diff-\(UUID().uuidString)")
        let site = top.appendingPathComponent("records")
        try! FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(
            at: Fixtures.site("valid").appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        try! Data("not a record\n".utf8).write(to: top.appendingPathComponent("README.md"))
        git(top, "init", "-q", "-b", "main")
        git(top, "config", "user.name", "Test")
        git(top, "config", "user.email", "test@example.com")
        commit(top, "c1")

        resolveTwoIssuesAndEditAnArticle(site)
        commit(top, "c2")

        git(top, "mv", "records/content/handbook/setup/login.md", "records/content/handbook/setup/sign-in.md")
        for file in ["content/issues.csv", "content/handbook/faq/budget.md"] {
            edit(site, file) { $0.replacingOccurrences(of: "[[setup/login]]", with: "[[setup/sign-in]]") }
        }
        commit(top, "c3")

        edit(site, "content/issues.csv") {
            $0.replacingOccurrences(
                of: "EX-1,Cannot log in after password reset,Closed,", with: "EX-1,Cannot log in after password reset,Doing,"
            )
            .replacingOccurrences(
                of: "EX-3,Budget check rejects valid report,Resolved,Urgent,bug,3,ivan,vera,2026-03-04 12:00,2026-03-09 12:00,",
                with: "EX-3,Budget check rejects valid report,In Progress,Urgent,bug,3,ivan,vera,2026-03-04 12:00,,")
                + "EX-6,Printer queue lost,New,Low,operation,1,ann,ann,2026-03-11 08:00,,,,Support\n"
        }
        commit(top, "c4")

        edit(site, "content/weekly/2026-W11.md") { $0 + "\n## Risks\n- Plant 2 master data.\n" }
        edit(site, "content/milestones.csv") {
            $0.replacingOccurrences(of: "M2,Group rollout,2026-04-30,,", with: "M2,Group rollout,2026-04-30,2026-03-11,")
        }
        return site
    }()

    /// The pull request of the issue's "done when": EX-2 resolved (and given to vera),
    /// EX-5 resolved, the budget article edited.
    static func resolveTwoIssuesAndEditAnArticle(_ site: URL) {
        edit(site, "content/issues.csv") {
            $0.replacingOccurrences(
                of: "EX-2,Approval flow skips the CFO,In Progress,High,config,2,ann,ivan,2026-03-03 10:00,,",
                with: "EX-2,Approval flow skips the CFO,Resolved,High,config,2,ann,vera,2026-03-03 10:00,2026-03-11 10:00,"
            ).replacingOccurrences(
                of: "EX-5,Cost centre missing for Plant 2,New,Normal,data,2,ann,Ivan Petrov,2026-03-10 08:00,,",
                with:
                    "EX-5,Cost centre missing for Plant 2,Resolved,Normal,data,2,ann,Ivan Petrov,2026-03-10 08:00,2026-03-11 09:00,"
            )
        }
        edit(site, "content/handbook/faq/budget.md") { $0 + "\nAsk the controller before month end.\n" }
    }

    static func git(_ folder: URL, _ arguments: String...) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "git \(arguments) failed")
    }

    static func commit(_ top: URL, _ tag: String) {
        git(top, "add", "-A")
        git(top, "commit", "-q", "-m", tag)
        git(top, "tag", tag)
    }

    static func edit(_ site: URL, _ file: String, _ change: (String) -> String) {
        let url = site.appendingPathComponent(file)
        try! Data(change(try! String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    func diff(_ revisions: String) throws -> RecordsDiff {
        try Dossier.diff(site: Self.repository, revisions: revisions, format: .markdown).diff
    }

    @Test func resolvingTwoIssuesAndEditingAnArticleSaysExactlyThat() throws {
        let (text, _) = try Dossier.diff(site: Self.repository, revisions: "c1..c2", format: .markdown)
        #expect(
            text == """
                **Records `c1` → `c2`:** 2 issues resolved · 1 article changed

                ### Issues resolved (2)

                - **EX-2** Approval flow skips the CFO — status: In progress → Resolved; owner: ivan → vera; resolved: — → 2026-03-11 10:00
                - **EX-5** Cost centre missing for Plant 2 — status: Open → Resolved; resolved: — → 2026-03-11 09:00

                ### Articles changed (1)

                - **Budget questions** — `content/handbook/faq/budget.md`

                """)
    }

    @Test func aRenamedArticleIsOneChangeNotAnAdditionAndARemoval() throws {
        let diff = try diff("c2..c3")
        #expect(diff.articlesAdded.isEmpty)
        #expect(diff.articlesRemoved.isEmpty)
        #expect(
            diff.articlesChanged.map { [$0.oldFile ?? "", $0.file] } == [
                ["", "content/handbook/faq/budget.md"],
                ["content/handbook/setup/login.md", "content/handbook/setup/sign-in.md"],
            ])
        // EX-1's description links the renamed article: one line edited, counted, not shown.
        #expect(
            diff.issuesChanged.map(\.changes) == [
                [.init(field: "description", old: nil, new: nil, lines: LineCount(added: 1, removed: 1))]
            ])
        #expect(
            DiffMarkdown(diff).render().contains(
                "\n- **EX-1** Cannot log in after password reset — description: 1 line added, 1 removed\n"))
        #expect(diff.problems.isEmpty)
    }

    @Test func aBrokenRevisionIsReportedAndTheRestCompared() throws {
        let diff = try diff("c3..c4")
        #expect(diff.issuesAdded.map(\.id) == ["EX-6"])
        #expect(diff.issuesRemoved.isEmpty, "EX-1's row is broken at c4, not removed")
        #expect(diff.issuesNotCompared == ["EX-1"])
        #expect(diff.issuesReopened.map(\.id) == ["EX-3"])
        #expect(
            diff.issuesReopened.first?.changes == [
                .init(field: "status", old: "resolved", new: "in-progress"),
                .init(field: "resolved", old: "2026-03-09 12:00", new: nil),
            ])
        #expect(diff.problems.map(\.revision) == ["c4"])
        #expect(diff.problems.first?.diagnostics.map(\.rule.rawValue) == ["issue-status"])
        let text = DiffMarkdown(diff).render()
        #expect(text.hasPrefix("**Records `c3` → `c4`:** 1 issue reopened · 1 issue added\n"))
        #expect(text.contains("### Problems at `c4` (1 error)\n\n- `content/issues.csv:2:41`: error: unknown status \"Doing\""))
        #expect(text.contains("> **Not compared** (their rows have mistakes): EX-1\n"))
    }

    @Test func oneRevisionIsComparedWithTheWorkTree() throws {
        let diff = try diff("c4")
        #expect(diff.to == "work tree")
        #expect(
            DiffMarkdown(diff).render().hasPrefix(
                "**Records `c4` → the work tree:** 1 milestone reached · 1 weekly note changed\n"))
        #expect(diff.weeklyChanged.map(\.file) == ["content/weekly/2026-W11.md"])
        #expect(diff.weeklyChanged.first?.title == "Budget bug slowed plant 2.")
        #expect(diff.milestonesReached.map(\.id) == ["M2"])
        #expect(diff.issuesChanged.isEmpty && diff.issuesAdded.isEmpty && diff.articlesChanged.isEmpty)
    }

    @Test func theMergeBaseFormComparesWhatABranchAdded() throws {
        // c1...c2 is c1..c2: c1 is the merge base.
        let diff = try diff("c1...c2")
        #expect(diff.issuesResolved.map(\.id) == ["EX-2", "EX-5"])
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let (text, _) = try Dossier.diff(site: Self.repository, revisions: "c3..c4", format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["from", "to", "summary", "issues", "weekly", "articles", "milestones", "problems"])
        let issues = try #require(object["issues"] as? [String: Any])
        #expect(issues["reopened"] as? [String] == ["EX-3"])
        #expect(issues["not_compared"] as? [String] == ["EX-1"])
        let changed = try #require((issues["changed"] as? [[String: Any]])?.first)
        let change = try #require((changed["changes"] as? [[String: Any]])?.first)
        #expect(change["field"] as? String == "status")
        #expect(change["old"] as? String == "resolved")
        #expect(change["new"] as? String == "in-progress")
        let problem = try #require((object["problems"] as? [[String: Any]])?.first)
        #expect(problem["revision"] as? String == "c4")
        #expect(problem["rule"] as? String == "issue-status")
        #expect(problem["line"] as? Int == 2)
    }

    @Test func anUnknownRevisionIsAUsageFailure() throws {
        #expect(throws: UsageFailure.self) { try diff("no-such-branch..c2") }
        let run = try EndToEndTests().dossier("diff", "no-such-branch", Self.repository.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown revision \"no-such-branch\""))
    }

    @Test func theCommandPrintsTheCommentAndWritesNothing() throws {
        let before = try EndToEndTests().snapshot(Self.repository)
        let run = try EndToEndTests().dossier("diff", "c1..c2", "records", in: Self.repository.deletingLastPathComponent())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("**Records `c1` → `c2`:** 2 issues resolved · 1 article changed\n"))
        #expect(try EndToEndTests().snapshot(Self.repository) == before)
    }

    @Test func aFolderThatWasNeverASiteIsAUsageFailure() throws {
        let top = Self.repository.deletingLastPathComponent()
        #expect(throws: UsageFailure.self) { try Dossier.diff(site: top, revisions: "c1..c2", format: .markdown) }
    }

    @Test func theSiteIsReadFromItsSubFolderOfTheRepository() throws {
        let top = Self.repository.deletingLastPathComponent()
        let root = try GitRepository(site: top)
        #expect(root.sitePrefix == "")
        let inside = try GitRepository(site: Self.repository)
        #expect(inside.sitePrefix == "records/")
        #expect(try inside.files(at: inside.commit("c1")).files.keys.contains("content/issues.csv"))
        #expect(try root.files(at: root.commit("c1")).files.isEmpty, "the top has no content/ of its own")
    }

    @Test func aRevisionBeforeTheSiteExistedIsAnEmptySite() throws {
        let before = RecordsSnapshot(label: "empty", files: MemoryFiles([:]), root: Self.repository)
        #expect(!before.hasSite)
        let inside = try GitRepository(site: Self.repository)
        let after = RecordsSnapshot(label: "c1", files: try inside.files(at: inside.commit("c1")), root: Self.repository)
        let diff = RecordsDiff(from: before, to: after)
        #expect(diff.issuesAdded.map(\.id) == ["EX-1", "EX-2", "EX-3", "EX-4", "EX-5"])
        #expect(diff.articlesAdded.map(\.name) == ["faq/budget", "faq/draft-notes", "setup/login"])
        #expect(diff.milestonesReached.map(\.id) == ["M1"])
        #expect(diff.problems.isEmpty)
    }

    @Test func anIssueListThatCannotBeReadIsNotComparedAtAll() throws {
        let inside = try GitRepository(site: Self.repository)
        let good = try inside.files(at: inside.commit("c1"))
        var files = good.files
        files["content/issues.csv"] = Data("id,title\nEX-1,Only a title\n".utf8)
        let diff = RecordsDiff(
            from: RecordsSnapshot(label: "c1", files: good, root: Self.repository),
            to: RecordsSnapshot(label: "broken", files: MemoryFiles(files), root: Self.repository))
        #expect(diff.issuesUnreadable == ["broken"])
        #expect(diff.issuesRemoved.isEmpty && diff.issuesChanged.isEmpty)
        let text = DiffMarkdown(diff).render()
        #expect(text.contains("\n> **Issues not compared:** issues.csv could not be read at `broken`.\n"))
        #expect(text.contains("### Problems at `broken`"))
    }

    /// The records of `c1` against a copy of them that `change` edits, labelled `typo`.
    static func diffFromC1(_ change: (inout [String: Data]) -> Void) throws -> RecordsDiff {
        let inside = try GitRepository(site: repository)
        let good = try inside.files(at: inside.commit("c1"))
        var files = good.files
        change(&files)
        return RecordsDiff(
            from: RecordsSnapshot(label: "c1", files: good, root: repository),
            to: RecordsSnapshot(label: "typo", files: MemoryFiles(files), root: repository))
    }

    /// A row that still reads but not as written (a category project.yml no longer
    /// knows) is not compared: its category did not become empty.
    @Test func aRowWithAnErrorIsNotComparedEvenWhenItReads() throws {
        let diff = try Self.diffFromC1 { files in
            let issues = String(decoding: files["content/issues.csv"] ?? Data(), as: UTF8.self)
            files["content/issues.csv"] = Data(issues.replacingOccurrences(of: ",High,config,", with: ",High,finance,").utf8)
        }
        #expect(diff.issuesNotCompared == ["EX-2"])
        #expect(diff.issuesChanged.isEmpty && diff.issuesRemoved.isEmpty)
        #expect(diff.problems.first?.diagnostics.map(\.rule.rawValue) == ["issue-category"])
    }

    /// A project.yml that does not read at a revision: its issues are not compared,
    /// and only project.yml's problem is listed.
    @Test func aProjectFileThatDoesNotReadLeavesTheIssuesUncompared() throws {
        let diff = try Self.diffFromC1 { $0["content/project.yml"] = Data("name: Demo\ncategories: [a, b\n".utf8) }
        #expect(diff.issuesUnreadable == ["typo"])
        #expect(diff.issuesChanged.isEmpty && diff.issuesRemoved.isEmpty)
        #expect(diff.problems.first?.diagnostics.map(\.location.file) == ["content/project.yml"])
    }

    @Test func idsLinkToThePublishedSiteAndRecordTextCannotFormatTheComment() throws {
        let inside = try GitRepository(site: Self.repository)
        let good = try inside.files(at: inside.commit("c1"))
        var files = good.files
        files["content/project.yml"]! += Data("base_url: https://pm.example.com/acme\n".utf8)
        files["content/issues.csv"] = Data(
            String(decoding: files["content/issues.csv"]!, as: UTF8.self)
                .replacingOccurrences(of: "EX-5,Cost centre missing for Plant 2,", with: "EX-5,Cost *centre* <b>missing</b>,")
                .utf8)
        let diff = RecordsDiff(
            from: RecordsSnapshot(label: "c1", files: good, root: Self.repository),
            to: RecordsSnapshot(label: "new", files: MemoryFiles(files), root: Self.repository))
        #expect(
            DiffMarkdown(diff).render().contains(
                "\n- [**EX-5**](https://pm.example.com/acme/issues/EX-5.html) Cost \\*centre\\* \\<b\\>missing\\</b\\> — title: Cost centre missing for Plant 2 → Cost \\*centre\\* \\<b\\>missing\\</b\\>\n"
            ))
    }

    @Test func aSiteWithoutGitIsAUsageFailure() throws {
        let site = try Fixtures.copy("valid")
        let run = try EndToEndTests().dossier("diff", "HEAD", site.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("not inside a git repository"))
    }
}
