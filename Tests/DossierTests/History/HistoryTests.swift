import DossierDiff
import DossierFigures
import DossierModel
import DossierOutput
import DossierRecords
import DossierSite
import Foundation
import Testing

/// A project whose records were committed on different days, as a PM's repository is:
/// ISS-1 escalated 1 → 2 → 3, ISS-2 resolved then reopened, ISS-3 waiting two days then
/// resolved, M2's due moved twice then reached late, and one revision whose issues.csv
/// has lost its Status column. Every figure below is counted by hand from these commits.
@Suite(.serialized) struct HistoryTests {
    static let project = """
        name: History
        language: en
        timezone: UTC
        categories:
          - id: bug
            label: Bug
            sla: 3d
        sla:
          pause: [waiting]

        """
    static let header = "id,title,status,tier,category,opened,resolved,owner\r\n"

    /// The rows of issues.csv as Excel writes them (CRLF), one string per issue.
    static func issues(_ one: String, _ two: String, _ three: String) -> String {
        header
            + [one, two, three, "ISS-4,Printer setup,resolved,1,bug,2026-03-02 09:00,2026-03-03 09:30,ann"].map {
                $0 + "\r\n"
            }.joined()
    }

    static func git(_ folder: URL, _ arguments: [String], date: String? = nil) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Li Na"
        environment["GIT_AUTHOR_EMAIL"] = "lina@example.com"
        environment["GIT_COMMITTER_NAME"] = "Li Na"
        environment["GIT_COMMITTER_EMAIL"] = "lina@example.com"
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "git \(arguments) failed")
    }

    static func write(_ site: URL, _ file: String, _ text: String) {
        let url = site.appendingPathComponent("content/\(file)")
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    static func commit(_ site: URL, _ date: String, issues: String? = nil, milestones: String? = nil) {
        if let issues { write(site, "issues.csv", issues) }
        if let milestones { write(site, "milestones.csv", milestones) }
        git(site, ["add", "-A"])
        git(site, ["commit", "-q", "-m", "records of \(date)"], date: date)
    }

    /// The repository, made once.
    static let repository: URL = {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        git(site, ["init", "-q", "-b", "main"])
        write(site, "project.yml", project)
        write(
            site, "weekly/2026-W10.md",
            "---\nweek: 2026-W10\nstatus: amber\nsummary: Login escalated to the vendor.\nattendees: [Li Na]\n---\n\n## Done\n- Pilot.\n"
        )
        let milestones = "id,title,due,done\r\nM1,Blueprint,2026-03-20,\r\n"
        commit(
            site, "2026-03-02T09:00:00Z",
            issues: issues(
                "ISS-1,Login fails,open,1,bug,2026-03-02 09:00,,ann", "ISS-2,Report total wrong,open,1,bug,2026-03-02 09:00,,ann",
                "ISS-3,Approval stuck,open,2,bug,2026-03-02 09:00,,bob"),
            milestones: milestones + "M2,Go-live,2026-03-10,\r\n")
        commit(
            site, "2026-03-03T10:00:00Z",
            issues: issues(
                "ISS-1,Login fails,open,2,bug,2026-03-02 09:00,,bob", "ISS-2,Report total wrong,open,1,bug,2026-03-02 09:00,,ann",
                "ISS-3,Approval stuck,waiting,2,bug,2026-03-02 09:00,,bob"))
        // A revision that does not read: the Status column was deleted by mistake.
        commit(
            site, "2026-03-04T10:00:00Z",
            issues: "id,title,tier,category,opened,resolved,owner\r\nISS-1,Login fails,2,bug,2026-03-02 09:00,,bob\r\n")
        commit(
            site, "2026-03-05T10:00:00Z",
            issues: issues(
                "ISS-1,Login fails,in-progress,3,bug,2026-03-02 09:00,,vendor",
                "ISS-2,Report total wrong,resolved,1,bug,2026-03-02 09:00,2026-03-05 09:00,ann",
                "ISS-3,Approval stuck,in-progress,2,bug,2026-03-02 09:00,,bob"),
            milestones: milestones + "M2,Go-live,2026-03-12,\r\n")
        // After the Friday meeting the PM turns W10 red.
        write(
            site, "weekly/2026-W10.md",
            "---\nweek: 2026-W10\nstatus: red\ncompletion: 40\nsummary: Login escalated to the vendor.\nattendees: [Li Na]\n---\n\n## Done\n- Pilot.\n"
        )
        commit(
            site, "2026-03-06T12:00:00Z",
            issues: issues(
                "ISS-1,Login fails,in-progress,3,bug,2026-03-02 09:00,,vendor",
                "ISS-2,Report total wrong,open,1,bug,2026-03-02 09:00,,ann",
                "ISS-3,Approval stuck,resolved,2,bug,2026-03-02 09:00,2026-03-06 11:00,bob"),
            milestones: milestones + "M2,Go-live,2026-03-13,\r\n")
        commit(site, "2026-03-16T12:00:00Z", milestones: milestones + "M2,Go-live,2026-03-13,2026-03-16\r\n")
        return site
    }()

    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func theHistoryTellsEachIssuesStory() throws {
        let history = HistoryReader(site: Self.repository).read()
        #expect(history.availability == .available)
        // Six commits changed issues.csv or milestones.csv: 5 + 4 revisions read.
        #expect(history.revisions == 9)
        #expect(history.unreadable.count == 1)
        #expect(history.unreadable.first?.time == ISO8601DateFormatter().date(from: "2026-03-04T10:00:00Z"))
        // ISS-1: added, escalated to 2 (and its owner changed), escalated to 3.
        let one = history.issues["ISS-1"] ?? []
        #expect(one.map { $0.state?.tier } == [1, 2, 3])
        #expect(one.map { $0.state?.owner } == ["ann", "bob", "vendor"])
        #expect(one.allSatisfy { $0.commit.author == "Li Na" })
        let escalations = history.escalations
        #expect(escalations.map { "\($0.issue) \($0.from)→\($0.to)" } == ["ISS-1 1→2", "ISS-1 2→3"])
        #expect(history.reopenings.map(\.issue) == ["ISS-2"])
        #expect(history.reopenings.first?.commit.time == ISO8601DateFormatter().date(from: "2026-03-06T12:00:00Z"))
        // M2: baseline 10 March, moved twice to the 13th (+3 days), reached on the 16th.
        let moves = history.dueMoves(of: "M2")
        #expect(moves?.baseline == Self.day("2026-03-10"))
        #expect(moves?.moves == 2)
        #expect(moves?.days == 3)
        #expect(history.dueMoves(of: "M1")?.moves == 0)
        #expect(history.milestones["M2"]?.last?.state?.done == Self.day("2026-03-16"))
    }

    /// ISS-3 waited from the commit of 3 March 10:00 to that of 5 March 10:00: 48 hours
    /// off its 3-day clock, so resolving on 6 March 11:00 meets the paused target
    /// (7 March 09:00) and breaches the unpaused one (5 March 09:00).
    @Test func aPausedClockMeetsWhereTheRunningOneBreaches() throws {
        let (raw, _) = try SiteLoader().load(Self.repository)
        var (site, _) = SiteValidator().validate(raw)
        site.history = HistoryReader(site: Self.repository).read()
        let issue = try #require(site.issue("ISS-3"))
        let moment = ISO8601DateFormatter().date(from: "2026-03-10T00:00:00Z")!
        #expect(site.history.seconds(of: issue, in: [.waiting], until: moment) == 48 * 3600)
        #expect(IssueTimeline(site: site).slaState(issue, at: moment) == .met)
        #expect(IssueTimeline(settings: site.settings).slaState(issue, at: moment) == .breached)
        let paused = try #require(IssueTimeline(site: site).target(issue, at: moment))
        #expect(paused.instant == ISO8601DateFormatter().date(from: "2026-03-07T09:00:00Z"))
        // The week it was resolved in (2026-W10) counts it met, not breached, and so does
        // every week counted together.
        let week = ISOWeek("2026-W10")!
        let pausedWeek = WeekFigures(site: site, week: week, asOf: moment)
        #expect(WeekFigures.all(site: site, weeks: [week.previous, week], asOf: moment)[1].slaMet == pausedWeek.slaMet)
        // Without `sla.pause`, the history changes nothing.
        site.settings.slaPause = []
        #expect(IssueTimeline(site: site).slaState(issue, at: moment) == .breached)
        let runningWeek = WeekFigures(site: site, week: week, asOf: moment)
        #expect(pausedWeek.slaMet == runningWeek.slaMet + 1)
        #expect(pausedWeek.slaBreached == runningWeek.slaBreached - 1)
    }

    @Test func theIssuePageShowsTheTimeline() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-out-\(UUID().uuidString)")
        let result = try Dossier.build(.init(site: Self.repository, output: output, asOf: .written("2026-03-20")))
        #expect(result.report.diagnostics.items.isEmpty)
        let page = try String(contentsOf: output.appendingPathComponent("issues/ISS-1.html"), encoding: .utf8)
        #expect(page.contains("times are commit times"))
        #expect(page.contains("<strong>Added to the list</strong>"))
        #expect(page.contains("<strong>Escalated to Tier 2 · internal consultant</strong>"))
        #expect(page.contains("<strong>Escalated to Tier 3 · vendor consultant</strong>"))
        #expect(page.contains("<li>Tier: Tier 1 · key user → Tier 2 · internal consultant</li>"))
        #expect(page.contains("datetime=\"2026-03-03T10:00:00Z\""))
        let reopened = try String(contentsOf: output.appendingPathComponent("issues/ISS-2.html"), encoding: .utf8)
        #expect(reopened.contains("<strong>Resolved</strong>"))
        #expect(reopened.contains("<strong>Reopened</strong>"))
        // The parsed revisions are kept; a second read from them agrees.
        // Inside the repository's git folder, whatever the output folder.
        let cache = try #require(HistoryReader(site: Self.repository).cache)
        #expect(cache.path.hasPrefix(Self.repository.appendingPathComponent(".git/dossier/").path))
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let again = HistoryReader(site: Self.repository, cache: cache).read()
        #expect(again.escalations.count == 2)
        #expect(again.unreadable.count == 1)
    }

    @Test func withoutGitOrInAShallowCloneThePageSaysSoAndNothingFails() throws {
        let plain = try Fixtures.copy("valid")
        #expect(HistoryReader(site: plain).read().availability == .noRepository)
        _ = try Dossier.build(.init(site: plain, asOf: .written("2026-03-12")))
        let page = try String(contentsOf: plain.appendingPathComponent("output/issues/EX-1.html"), encoding: .utf8)
        #expect(page.contains("History is not available; the site is not in a git repository."))

        let shallow = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-shallow-\(UUID().uuidString)")
        Self.git(
            FileManager.default.temporaryDirectory,
            ["clone", "-q", "--depth", "1", "file://" + Self.repository.path, shallow.path])
        #expect(HistoryReader(site: shallow).read().availability == .shallow)
        _ = try Dossier.build(.init(site: shallow, asOf: .written("2026-03-20")))
        let shallowPage = try String(contentsOf: shallow.appendingPathComponent("output/issues/ISS-1.html"), encoding: .utf8)
        #expect(shallowPage.contains("this is a shallow clone"))
    }

    /// W10 (2 to 8 March), counted by hand from the commits above: ISS-1 went 1 → 2 on the
    /// 3rd and to the vendor on the 5th; ISS-2 was solved at tier 1 on the 5th and
    /// reopened on the 6th; ISS-4 was added solved at tier 1. Stays that ended in the week: open 73 h (ISS-1, ISS-2) and 25 h (ISS-3),
    /// waiting 48 h, in progress 26 h (ISS-3).
    @Test func theWeeklyFiguresCountEscalationsReopeningsAndStays() throws {
        let (json, _) = try Dossier.weeklyReport(
            site: Self.repository, week: ISOWeek(year: 2026, week: 10), asOf: .written("2026-03-20"), format: .json)
        let text = try #require(json)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let object = try #require(parsed as? [String: Any])
        let history = try #require(object["history"] as? [String: Any])
        #expect(history["escalated_to_tier_2"] as? Int == 1)
        #expect(history["escalated_to_tier_2_ids"] as? [String] == ["ISS-1"])
        #expect(history["escalated_to_tier_3"] as? Int == 1)
        #expect(history["escalated_to_tier_3_ids"] as? [String] == ["ISS-1"])
        #expect(history["reopened"] as? Int == 1)
        #expect(history["reopened_ids"] as? [String] == ["ISS-2"])
        // ISS-4 was added solved; ISS-2 was solved on the 5th at tier 1, and its reopening
        // on the 6th does not take it out of the week it was solved in.
        #expect(history["solved_at_tier_1"] as? Int == 2)
        #expect(history["solved_at_tier_1_ids"] as? [String] == ["ISS-4", "ISS-2"])
        let medians = try #require(history["median_hours_in_status"] as? [String: Double])
        #expect(medians == ["open": 73, "waiting": 48, "in-progress": 26])

        // The week after: nothing moved.
        let (next, _) = try Dossier.weeklyReport(
            site: Self.repository, week: ISOWeek(year: 2026, week: 11), asOf: .written("2026-03-20"), format: .json)
        #expect(next?.contains("\"escalated_to_tier_3\" : 0") == true)

        // The page, the mail and the chat text say the same.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-week-\(UUID().uuidString)")
        _ = try Dossier.build(.init(site: Self.repository, output: output, asOf: .written("2026-03-20")))
        let page = try String(contentsOf: output.appendingPathComponent("weekly/2026-W10.html"), encoding: .utf8)
        #expect(page.contains("<tr><th scope=\"row\">To tier 3 (vendor)</th><td class=\"num\">1</td></tr>"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\">Median time in status: Waiting for feedback</th><td class=\"num\">48 h</td></tr>"))
        #expect(page.contains("<li><a href=\"../issues/ISS-1.html\">ISS-1</a> Login fails</li>"))
        let mail = try String(contentsOf: output.appendingPathComponent("weekly/2026-W10.email.html"), encoding: .utf8)
        #expect(mail.contains("Went up to the vendor:"))
        let weeks = try String(contentsOf: output.appendingPathComponent("data/weeks.json"), encoding: .utf8)
        #expect(weeks.contains("\"solved_at_tier_1\": 2"))
        let (markdown, _) = try Dossier.weeklyReport(
            site: Self.repository, week: ISOWeek(year: 2026, week: 10), asOf: .written("2026-03-20"), format: .markdown)
        #expect(markdown?.contains("- To tier 3 (vendor): 1\n") == true)
        #expect(markdown?.contains("- Waiting for feedback: 48 h") == true)
        let csv = try String(contentsOf: output.appendingPathComponent("data/weeks.csv"), encoding: .utf8)
        let w10 = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("2026-W10,") })
        // escalated to 2, to 3, solved at tier 1, reopened; medians open, in progress, waiting.
        #expect(w10.hasSuffix(",1,1,2,1,73,26,48"))
        let dashboard = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(dashboard.contains("<tr><th scope=\"row\">Reopened</th><td class=\"num\">1</td></tr>"))
    }

    /// M2: baseline 10 March, moved to the 12th and the 13th, reached on the 16th.
    @Test func theMilestonesPageSaysHowOftenADueMoved() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-ms-\(UUID().uuidString)")
        _ = try Dossier.build(.init(site: Self.repository, output: output, asOf: .written("2026-03-20")))
        let page = try String(contentsOf: output.appendingPathComponent("milestones/index.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"meta-item ms-slip\">3 days late</span>"))
        #expect(
            page.contains(
                "<span class=\"meta-item ms-replanned\">due moved 2 times · baseline: Mar 10, 2026 (+3 days)</span>"))
        // M1 never moved: nothing said.
        #expect(page.components(separatedBy: "ms-replanned").count == 2)
        let dashboard = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(dashboard.contains(" · due moved 2 times · baseline: Mar 10, 2026 (+3 days)</span></li>"))
        let milestones = try String(contentsOf: output.appendingPathComponent("data/milestones.csv"), encoding: .utf8)
        #expect(milestones.contains("\r\nM2,Go-live,2026-03-13,2026-03-16,"))
        #expect(milestones.components(separatedBy: "\r\n").first { $0.hasPrefix("M2,") }?.hasSuffix(",2026-03-10,2,3") == true)
    }

    /// ISS-3's page says its target moved; as of 4 March its story stops before the
    /// 5 March commit; a shallow clone with `sla.pause` says on the pages and on standard
    /// error that the clock ran without pauses.
    @Test func whatDependsOnHistorySaysSo() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-say-\(UUID().uuidString)")
        _ = try Dossier.build(.init(site: Self.repository, output: output, asOf: .written("2026-03-20")))
        let page = try String(contentsOf: output.appendingPathComponent("issues/ISS-3.html"), encoding: .utf8)
        #expect(page.contains("Mar 7, 2026 09:00 (clock paused 48 h while Waiting for feedback)"))

        let early = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-early-\(UUID().uuidString)")
        _ = try Dossier.build(.init(site: Self.repository, output: early, asOf: .written("2026-03-04")))
        let story = try String(contentsOf: early.appendingPathComponent("issues/ISS-1.html"), encoding: .utf8)
        #expect(story.contains("Escalated to Tier 2"))
        #expect(!story.contains("Escalated to Tier 3"))

        let shallow = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-shallow-say-\(UUID().uuidString)")
        Self.git(
            FileManager.default.temporaryDirectory,
            ["clone", "-q", "--depth", "1", "file://" + Self.repository.path, shallow.path])
        let result = try Dossier.build(.init(site: shallow, asOf: .written("2026-03-20")))
        #expect(result.report.notes.map(\.key) == ["note.sla-pause-without-history"])
        let week = try String(contentsOf: shallow.appendingPathComponent("output/weekly/2026-W10.html"), encoding: .utf8)
        #expect(week.contains("SLA pause is set but git history is not available here"))
        let dashboard = try String(contentsOf: shallow.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(dashboard.contains("SLA pause is set but git history is not available here"))
    }

    /// Between the commits of 3 and 6 March, M2's due went from 10 to 13 March: `diff`
    /// says so, in Markdown and JSON.
    @Test func diffSaysAMilestoneWasReplanned() throws {
        let (text, diff) = try Dossier.diff(site: Self.repository, revisions: "HEAD~4..HEAD~1", format: .markdown)
        #expect(
            diff.milestonesReplanned.map { "\($0.id) \($0.oldDue) \($0.newDue) \($0.days)" } == ["M2 2026-03-10 2026-03-13 3"])
        #expect(text.contains("### Milestones replanned (1)\n\n- **M2** Go-live — 2026-03-10 → 2026-03-13 (+3 days)\n"))
        #expect(text.contains("1 milestone replanned"))
        let (json, _) = try Dossier.diff(site: Self.repository, revisions: "HEAD~4..HEAD~1", format: .json)
        #expect(json.contains("\"new_due\""))
    }

    /// `serve` rebuilds when its input stamp changes: a commit that changes no file still
    /// changes the story the pages tell.
    @Test func aCommitChangesTheInputStamp() throws {
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-stamp-\(UUID().uuidString)")
        Self.git(FileManager.default.temporaryDirectory, ["clone", "-q", "file://" + Self.repository.path, clone.path])
        let before = Dossier.inputStamp(site: clone)
        #expect(Dossier.inputStamp(site: clone) == before)
        Self.git(clone, ["commit", "-q", "--allow-empty", "-m", "reviewed"], date: "2026-03-17T10:00:00Z")
        #expect(Dossier.inputStamp(site: clone) != before)
    }

    /// W10's note was committed amber on 2 March and turned red (40 %) on 6 March: the
    /// weekly page lists both versions.
    @Test func theWeeklyPageSaysWhenItsStatusWasChanged() throws {
        let history = HistoryReader(site: Self.repository).read()
        let versions = history.notes["2026-W10"] ?? []
        #expect(versions.map { $0.state?.status } == [.amber, .red])
        #expect(versions.map { $0.state?.completion } == [nil, 40])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-note-\(UUID().uuidString)")
        _ = try Dossier.build(.init(site: Self.repository, output: output, asOf: .written("2026-03-20")))
        let page = try String(contentsOf: output.appendingPathComponent("weekly/2026-W10.html"), encoding: .utf8)
        #expect(page.contains("Status as recorded in git (commit times):"))
        #expect(
            page.contains(
                "<time datetime=\"2026-03-02T09:00:00Z\">Mar 2, 2026 09:00</time> <span class=\"rag rag-amber\">Amber</span> <span"
            ))
        #expect(page.contains("<span class=\"rag rag-red\">Red</span> 40%"))
    }

    /// The cache of read revisions is kept while what reading them depends on stays: a
    /// milestone reached keeps it, a milestone renamed or project.yml edited does not.
    @Test func theCacheOutlivesAMilestoneReachedButNotARename() throws {
        func fingerprint(_ milestones: String, project: String = Self.project) throws -> String {
            let files = MemoryFiles([
                "content/project.yml": Data(project.utf8), "content/milestones.csv": Data(milestones.utf8),
                "content/issues.csv": Data(Self.header.utf8),
            ])
            let (raw, _) = try SiteLoader().load(files, root: Self.repository)
            return RevisionReader.Context(raw).fingerprint
        }
        let today = try fingerprint("id,title,due,done\r\nM1,Blueprint,2026-03-20,\r\n")
        #expect(try fingerprint("id,title,due,done\r\nM1,Blueprint,2026-03-27,2026-03-26\r\n") == today)
        #expect(try fingerprint("id,title,due,done\r\nM1,Blueprint sign-off,2026-03-20,\r\n") != today)
        #expect(
            try fingerprint("id,title,due,done\r\nM1,Blueprint,2026-03-20,\r\n", project: Self.project + "dates: day-first\n")
                != today)
    }

    /// A tracker that exports GBK (an older WPS or Excel on a Chinese Windows): each
    /// revision is read through project.yml's `encoding`, and the escalation is found.
    @Test func revisionsInTheProjectsOwnEncodingAreRead() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-gbk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        Self.git(site, ["init", "-q", "-b", "main"])
        Self.write(site, "project.yml", "name: 费控\nlanguage: zh\ntimezone: Asia/Shanghai\nencoding: {issues.csv: gbk}\n")
        func issues(tier: Int) throws -> Data {
            try #require(
                TextEncoder.encode("编号,标题,状态,支持层级,提出时间\r\nFK-1,借款单无法提交,新建,\(tier),2026-03-02 09:00\r\n", as: .gbk))
        }
        try issues(tier: 1).write(to: site.appendingPathComponent("content/issues.csv"))
        Self.git(site, ["add", "-A"])
        Self.git(site, ["commit", "-q", "-m", "周一"], date: "2026-03-02T09:00:00+08:00")
        try issues(tier: 2).write(to: site.appendingPathComponent("content/issues.csv"))
        Self.git(site, ["commit", "-q", "-am", "周三"], date: "2026-03-04T09:00:00+08:00")
        let history = HistoryReader(site: site).read()
        #expect(history.unreadable.isEmpty)
        #expect(history.escalations.map { "\($0.issue) \($0.from)→\($0.to)" } == ["FK-1 1→2"])
    }
}
