import DossierModel
import DossierSite
import Foundation
import Testing

/// `build --view`: a site for the client, from a site in a git repository whose every
/// hidden place holds a marker word: an internal article (its title, body, path,
/// folder, a heading, a tag, an image beside it, its `issues:` backlink, a milestone's
/// link to it), a vendor article, a hidden
/// note section (heading, body, a subsection), a note's summary, a note written for the
/// internal team, an issue's resolution, an extra column, the team's names, e-mail and
/// extra columns, and the commits' author. Every byte of the view's output (and every
/// file name) is searched for each marker; the whole site, built beside it, holds them
/// all, so the search would see a leak.
@Suite(.serialized) struct ViewTests {
    static let project = """
        name: View test
        language: en
        timezone: UTC
        base_url: https://pm.example.com/view-test/
        views:
          client:
            audiences: [internal, vendor]
            issue_fields: [resolution]
            columns: [Internal note]
            owners_as: org
            weekly: [summary, attendees, "ZQ  sectionhead"]

        """
    static let team =
        "id,name,role,org,email,phone\nann,Zqownerann,key-user,ClientCo,ann@zqmail.example,\n"
        + "vera,Zqvendorowner,vendor-consultant,VendorCo,,Zqphone\n"
    static let header =
        "id,title,status,opened,resolved,tier,category,priority,reporter,owner,description,resolution,Internal note\n"
    static let issuesBefore =
        header
        + "T-1,Login fails,open,2026-03-02,,3,bug,normal,ann,vera,\"See [[zqfolder/zqrunbookpath]]. Visibledescok.\",,Zqcolumn remark\n"
        + "T-2,Report slow,open,2026-03-04,,1,operation,normal,ann,ann,Slow.,,\n"
    static let issuesAfter =
        header
        + "T-1,Login fails,resolved,2026-03-02,2026-03-05,3,bug,normal,ann,ann,\"See [[zqfolder/zqrunbookpath]]. Visibledescok.\",Zqresolution text: see [[guide]],Zqcolumn remark\n"
        + "T-2,Report slow,open,2026-03-04,,1,operation,normal,ann,ann,Slow.,,\n"

    static let files: [String: String] = [
        "project.yml": project,
        "team.csv": team,
        "milestones.csv":
            "id,title,due,done,owner,description\nM1,Go-live,2026-03-30,,vera,\"Runbook: [[zqfolder/zqrunbookpath]]\"\n",
        "handbook/zqfolder/zqrunbookpath.md":
            "---\ntitle: Zqarticletitle\naudience: internal\ntags: [Zqtag]\nissues: [T-1]\n---\n\nZqarticlebody ![d](zqdiagram.png)\n\n## Zqanchor\n\nMore.\n",
        "handbook/vendor-notes.md": "---\ntitle: Zqvendortitle\naudience: vendor\n---\n\nZqvendorbody\n",
        "handbook/guide.md": """
        ---
        title: Guide
        audience: all
        owner: vera
        issues: [T-1]
        ---

        Visiblebodyok. See [[zqfolder/zqrunbookpath]], [[zqfolder/zqrunbookpath#zqanchor]] and \
        [the runbook](zqfolder/zqrunbookpath.md), [its folder](zqfolder/) and \
        [the week's other section](../weekly/2026-W10.md#zq-sectionhead).

        """,
        "weekly/2026-W10.md": """
        ---
        status: green
        summary: Zqsummary line
        attendees: [ann, vera]
        ---

        ## Done
        - Donesectionok [[T-1]], [ref link][r1], [this week's other part](#zq-sectionhead)

        ## Zq sectionhead
        - Zqsectionbody [[zqfolder/zqrunbookpath]]

        [r1]: https://example.com/kept-reference

        ### Sub
        - Zqsubsection

        ## Next week
        - Nextweekok

        """,
        // The same section, its heading written otherwise: spaces, case, a full-width colon.
        "weekly/2026-W12.md":
            "---\nstatus: green\n---\n\n## Done\n- Twelvedoneok\n\n##  zq\u{3000}SECTIONhead：\n- Zqsectionbody twelve\n",
        "weekly/2026-W11.md":
            "---\naudience: internal\nstatus: red\nsummary: Zqinternalsummary\n---\n\n## Done\n- Zqinternalnote\n",
    ]

    static let hidden = [
        "Zqarticletitle", "Zqarticlebody", "zqrunbookpath", "zqfolder", "Zqtag", "Zqanchor", "zqdiagram", "Zqvendortitle",
        "Zqvendorbody",
        "Zqsummary", "Zq sectionhead", "Zqsectionbody", "Zqsubsection", "Zqinternalsummary", "Zqinternalnote",
        "Zqresolution", "Zqcolumn", "Zqownerann", "Zqvendorowner", "Zqphone", "zqmail", "Zqauthor",
    ]
    static let kept = [
        "Visiblebodyok", "Visibledescok", "Donesectionok", "Nextweekok", "Twelvedoneok", "ClientCo", "VendorCo",
        "https://example.com/kept-reference",
    ]

    static func git(_ folder: URL, _ arguments: [String], date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { environment[key] = "Zqauthor Person" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { environment[key] = "author@zqmail.example" }
        if let date { for key in ["GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"] { environment[key] = date } }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments)")
    }

    static func write(_ site: URL, _ file: String, _ text: String) throws {
        let url = site.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The site in a repository with two commits of issues.csv (T-1 moves from vera to
    /// ann and is resolved).
    static func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-view-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try git(site, ["init", "-q", "-b", "main"])
        for (file, text) in files { try write(site, "content/" + file, text) }
        try write(site, "content/handbook/zqfolder/zqdiagram.png", "not really a picture")
        try write(site, "content/issues.csv", issuesBefore)
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "records"], date: "2026-03-04T10:00:00Z")
        try write(site, "content/issues.csv", issuesAfter)
        try git(site, ["commit", "-q", "-am", "T-1 resolved"], date: "2026-03-05T10:00:00Z")
        return site
    }

    /// Every file under `folder`, its path and its bytes lower-cased (ASCII).
    static func lowercasedFiles(_ folder: URL) throws -> [String: String] {
        try Fixtures.files(in: folder).reduce(into: [:]) { files, entry in
            files[entry.key] = String(decoding: entry.value.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
    }

    static func leaks(_ files: [String: String]) -> [String] {
        hidden.flatMap { marker in
            files.compactMap { path, text in
                path.lowercased().contains(marker.lowercased()) || text.contains(marker.lowercased())
                    ? "\(marker) in \(path)" : nil
            }
        }
    }

    @Test func theClientSiteHoldsNothingTheViewHides() throws {
        let site = try Self.makeSite()
        let whole = try Dossier.build(.init(site: site, asOf: .written("2026-03-20")))
        #expect(whole.report.diagnostics.items.isEmpty, "\(whole.report.diagnostics.items.map(\.message))")
        let view = try Dossier.build(.init(site: site, asOf: .written("2026-03-20"), view: "client"))
        #expect(view.report.diagnostics.items.isEmpty, "\(view.report.diagnostics.items.map(\.message))")
        #expect(view.filesWritten > 0)

        // The whole site holds every marker: the search below would see a leak.
        let wholeFiles = try Self.lowercasedFiles(site.appendingPathComponent("output"))
        let everything = wholeFiles.map { $0.key.lowercased() + "\n" + $0.value }.joined(separator: "\n")
        // E-mail addresses stay in the records, in every site.
        let absent = Self.hidden.filter { $0 != "zqmail" && !everything.contains($0.lowercased()) }
        #expect(absent.isEmpty, "not in the whole site: \(absent)")

        let viewFiles = try Self.lowercasedFiles(site.appendingPathComponent("output-client"))
        #expect(Self.leaks(viewFiles).isEmpty, "\(Self.leaks(viewFiles))")
        let kept = viewFiles.values.joined(separator: "\n")
        for marker in Self.kept { #expect(kept.contains(marker.lowercased()), "\(marker) missing from the view") }

        // The same pages, search and feed, from what the view keeps.
        for file in [
            "index.html", "issues/index.html", "issues/T-1.html", "weekly/2026-W10.html", "weekly/2026-W10.email.html",
            "handbook/guide.html", "handbook/index.html", "search.html", "feed.xml", "sitemap.xml", "data/issues.json",
            "data/issues.csv",
        ] {
            #expect(viewFiles[file] != nil, "\(file) missing")
        }
        #expect(viewFiles["weekly/2026-W11.html"] == nil)
        #expect(viewFiles["handbook/zqfolder/zqrunbookpath.html"] == nil)

        // A link to a hidden page is text, and says so without naming the page.
        let guide = try String(
            contentsOf: site.appendingPathComponent("output-client/handbook/guide.html"), encoding: .utf8)
        #expect(guide.contains("a page not in this view"))
        #expect(guide.contains("the runbook"))
        #expect(!guide.contains("href=\"zqfolder/"))
        // Owners as their organisation; the resolution and the column gone from the issue
        // and the export; the history without its author.
        let issue = try String(contentsOf: site.appendingPathComponent("output-client/issues/T-1.html"), encoding: .utf8)
        #expect(issue.contains("ClientCo"))
        #expect(issue.contains("VendorCo"), "the owner change shows organisations")
        let export = try #require(viewFiles["data/issues.json"])
        #expect(!export.contains("\"resolution\""))
        #expect(export.contains("\"owner\" : \"clientco\"") || export.contains("\"owner\": \"clientco\""))
        // The guide's "referenced by" came from the hidden resolution only.
        func referencedBy(_ page: String) -> String {
            guard let start = page.range(of: "id=\"page:article-refby-h\"") else { return "" }
            return String(page[start.upperBound...].prefix { $0 != "§" }.components(separatedBy: "</section>")[0])
        }
        #expect(referencedBy(try #require(wholeFiles["handbook/guide.html"])).contains("t-1"))
        #expect(!referencedBy(try #require(viewFiles["handbook/guide.html"])).contains("t-1"))
        // Hidden attendees are not "none".
        let week = try #require(viewFiles["weekly/2026-w10.html".lowercased()] ?? viewFiles["weekly/2026-W10.html"])
        #expect(!week.contains("attendees"))
        #expect(try #require(wholeFiles["weekly/2026-W10.html"]).contains("attendees"))
        // The dashboard says how its figures are counted, and counts both issues.
        let dashboard = try String(contentsOf: site.appendingPathComponent("output-client/index.html"), encoding: .utf8)
        #expect(dashboard.contains("Figures count every issue of the project (2)"))
        #expect(dashboard.contains("<th scope=\"col\">Organisation</th>"))
    }

    @Test func theWeeklyReportForTheClientLeavesOutWhatTheViewHides() throws {
        let site = try Self.makeSite()
        for format in Dossier.ReportFormat.allCases {
            let (text, report) = try Dossier.weeklyReport(
                site: site, week: ISOWeek("2026-W10"), asOf: .written("2026-03-20"), format: format, view: "client")
            #expect(!report.diagnostics.hasErrors)
            let lowered = try #require(text).lowercased()
            for marker in Self.hidden { #expect(!lowered.contains(marker.lowercased()), "\(marker) in \(format)") }
            if format != .json { #expect(lowered.contains("donesectionok"), "\(format)") }
        }
        // The whole report has them.
        let (whole, _) = try Dossier.weeklyReport(
            site: site, week: ISOWeek("2026-W10"), asOf: .written("2026-03-20"), format: .markdown)
        #expect(try #require(whole).contains("Zqsectionbody"))
        // A note the view hides has no report.
        #expect(throws: UsageFailure.self) {
            try Dossier.weeklyReport(
                site: site, week: ISOWeek("2026-W11"), asOf: .written("2026-03-20"), format: .html, view: "client")
        }
    }

    @Test func anUnknownViewIsRefusedWithTheViewsThereAre() throws {
        let site = try Self.makeSite()
        do {
            _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-20"), view: "clinet"))
            Testing.Issue.record("built an unknown view")
        } catch let failure as UsageFailure {
            let text = failure.message.text(in: .en)
            #expect(text.contains("--view clinet"))
            #expect(text.contains("client"))
        }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output-clinet").path))
    }

    @Test func aViewsMistakesAreLocatedInProjectYml() throws {
        let site = try Self.makeSite()
        try Self.write(
            site, "content/project.yml",
            """
            name: View test
            views:
              client:
                audiences: [internal, everyone-else]
                issue_fields: [owner, status, colour, due]
                columns: [Internal notes]
                owners_as: company
                weekly: [Zq sectionhead, Risk, Risks]
                audience: [key-user]
                output: output
              bad name:
                audiences: [vendor]
              клиент: {}
              partner: {output: output-partner}
              auditor: {output: ./output-partner/}
              a: {output: templates/site}
              b: {output: OUTPUT/sub}
              c: {output: ../elsewhere}

            """)
        // A note's audience reads as an article's: the ids and the theme's words.
        try Self.write(site, "content/weekly/2026-W13.md", "---\naudience: 内部\n---\n\n## Done\n- x\n")
        try Self.write(site, "content/weekly/2026-W14.md", "---\naudience: clients\n---\n\n## Done\n- x\n")
        let report = try Dossier.check(site: site)
        let notes = report.diagnostics.items.filter { $0.location.file.hasPrefix("content/weekly/") }
        #expect(notes.map { "\($0.location)" } == ["content/weekly/2026-W14.md:2:11"], "\(notes.map(\.message))")
        #expect(notes.first?.message.text(in: .en).contains("clients") == true)
        let errors = report.diagnostics.items.filter { $0.location.file == "content/project.yml" && $0.severity == .error }
        let found = errors.map { "\($0.location.line):\($0.location.column) \($0.message.text(in: .en))" }
        func has(_ line: Int, _ column: Int, _ words: String) -> Bool {
            found.contains { $0.hasPrefix("\(line):\(column) ") && $0.contains(words) }
        }
        #expect(has(4, 27, "everyone-else"), "\(found)")
        #expect(has(5, 27, "\"status\""), "\(found)")
        #expect(has(5, 35, "colour"), "\(found)")
        // due is an issue's SLA target: hiding it would change the figures.
        #expect(has(5, 43, "\"due\""), "\(found)")
        #expect(has(6, 15, "Internal notes") && has(6, 15, "Internal note"), "\(found)")
        #expect(has(7, 16, "company"), "\(found)")
        // Risks is a conventional section: named before any note has one, it is no mistake.
        #expect(has(8, 30, "Risk") && !found.contains { $0.hasPrefix("8:36 ") }, "\(found)")
        // A misspelt key would leave in what it was written to hide: an error, not a warning.
        #expect(has(9, 5, "views.client.audience") && has(9, 5, "views.client.audiences"), "\(found)")
        #expect(has(10, 13, "may not be the site's own folder"), "\(found)")
        #expect(has(11, 3, "bad name"), "\(found)")
        #expect(has(13, 3, "Latin letters"), "\(found)")
        #expect(has(15, 21, "as view \"partner\" is"), "\(found)")
        for line in 16...18 { #expect(has(line, 15, "may not be the site's own folder"), "\(found)") }
        #expect(errors.count == 15, "\(found)")
        // In the project's language.
        let zh = report.diagnostics.items.first { $0.message.text(in: .en).contains("\"status\"") }
        #expect(try #require(zh).message.text(in: .zh).contains("视图不能隐藏问题字段"))
    }

    /// A view's `output` is a folder under the site, however the site's path is written.
    @Test func aViewIsWrittenWhereItsOutputSays() throws {
        let site = try Self.makeSite()
        try Self.write(
            site, "content/project.yml",
            Self.project.replacingOccurrences(of: "    owners_as: org\n", with: "    owners_as: org\n    output: sites/client\n"))
        let bare = URL(fileURLWithPath: site.path.hasSuffix("/") ? String(site.path.dropLast()) : site.path, isDirectory: false)
        var options = Dossier.BuildOptions(site: bare, asOf: .written("2026-03-20"), view: "client")
        try Dossier.resolveView(&options)
        #expect(options.output.path == site.appendingPathComponent("sites/client").standardizedFileURL.path)
        let result = try Dossier.build(options)
        #expect(result.filesWritten > 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("sites/client/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output-client").path))
    }

    /// `owners_as: role` shows each person as their role in the site's language; a
    /// section named with other spaces is the same section.
    @Test func peopleAsTheirRole() throws {
        let site = try Self.makeSite()
        try Self.write(
            site, "content/project.yml", Self.project.replacingOccurrences(of: "owners_as: org", with: "owners_as: role"))
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-20"), view: "client"))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        let issue = try String(contentsOf: site.appendingPathComponent("output-client/issues/T-1.html"), encoding: .utf8)
        #expect(issue.contains("Key user") && issue.contains("Vendor consultant"))
        #expect(!issue.contains("role_"))
        let view = SiteView(name: "v", location: SourceLocation(file: "p", line: 1, column: 1))
        var hiding = view
        hiding.weekly = [("Internal remarks", view.location)]
        #expect(hiding.hidesSection("internal\u{00A0}\u{00A0}Remarks："))
        #expect(hiding.hidesSection(" Internal\u{3000}remarks"))
        #expect(!hiding.hidesSection("Internal remarks 2"))
    }
}
