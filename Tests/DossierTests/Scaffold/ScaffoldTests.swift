import DossierDiagnostics
import DossierFigures
import DossierModel
import DossierRecords
import DossierSite
import Foundation
import Testing

@testable import DossierScaffold

/// `dossier init` and `dossier new`: what they write checks clean, and nothing is
/// ever overwritten.
@Suite struct ScaffoldTests {
    static let asOf = AsOf.written("2026-03-12 09:00")

    func emptyFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
    }

    func text(_ site: URL, _ file: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
    }

    @Test(arguments: ["en", "zh", "ru"])
    func theStarterChecksCleanAndShowsEveryPageType(language: String) throws {
        let site = emptyFolder()
        let files = try Dossier.initSite(folder: site, language: language)
        #expect(files.contains("content/issues.csv") && files.contains("content/project.yml"))
        #expect(try text(site, "content/project.yml").contains("language: \(language)\n"))
        // What build writes stays out of git: the site and the caches beside it.
        #expect(
            try text(site, ".gitignore") == "/output/\n/output-*/\n/.*.dossier-*\n")
        let report = try Dossier.check(site: site)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items.map(\.message))")

        let result = try Dossier.build(.init(site: site, asOf: .written("2026-01-14")))
        #expect(result.filesWritten > 0)
        let output = site.appendingPathComponent("output")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        for page in [
            "index.html", "issues/index.html", "weekly/index.html", "weekly/2026-W02.html", "handbook/index.html",
            "handbook/setup/login.html", "milestones/index.html", "search.html",
        ] {
            #expect(pages.contains(page), "no \(page)")
        }
        #expect(pages.filter { $0.hasPrefix("issues/") && $0 != "issues/index.html" }.count == 3)
        #expect(pages.contains { $0.hasPrefix("handbook/tags/") && $0.hasSuffix(".html") })
        #expect(try text(output, "index.html").contains("<html lang=\"\(language)\""))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let site = emptyFolder()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: site.appendingPathComponent("notes.txt"))
        #expect(throws: UsageFailure.self) { try Dossier.initSite(folder: site, language: "en") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["notes.txt"])
        #expect(throws: UsageFailure.self) { try Dossier.initSite(folder: emptyFolder(), language: "de") }
    }

    @Test func newWeeklyIsPrefilledFromTheRecordsAndChecksClean() throws {
        let site = try Fixtures.copy("valid")
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/weekly/2026-W11.md"))
        let written = try Dossier.newWeekly(site: site, week: nil, asOf: Self.asOf)
        #expect(written.file == "content/weekly/2026-W11.md")
        #expect(try text(site, written.file) == written.text)
        // The figures as `report weekly` counts them; the carried-over front matter is W10's.
        let figures = WeekFigures(site: try loadValidSite("valid"), week: ISOWeek("2026-W11")!, asOf: .distantFuture)
        let counts: [Int] = [figures.opened, figures.resolved, figures.openAtEnd, figures.slaMet, figures.slaBreached]
        #expect(counts == [1, 1, 2, 0, 1])
        #expect(
            written.text == """
                ---
                week: 2026-W11
                status: green
                completion: 90
                # summary: one line for the lists, the feed and the dashboard
                attendees: [pm, ivan, Ann Key]
                ---

                ## Done
                - [[EX-3]] Budget check rejects valid report

                ## Next week

                ## Risks
                [//]: # (The report lists the open issues past their target by itself. Write here the risks the figures cannot show: their impact, what is being done, whose help is needed.)

                ## Delays
                [//]: # (The report lists the overdue milestones by itself. Write here why they slipped and their new dates.)

                """)
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
        // What the figures say is theirs: the week has two issues past their target, and
        // the note does not name them again.
        #expect(figures.breachedOpenIDs == ["EX-2", "EX-5"])
        #expect(!written.text.contains("EX-2") && !written.text.contains("EX-5"))
        // The prompts show in the editor only: not on the page, nor in either chat report.
        _ = try Dossier.build(.init(site: site, asOf: Self.asOf))
        let page = try text(site, "output/weekly/2026-W11.html")
        #expect(page.contains(">Risks") && page.contains(">Delays"))
        for format in [Dossier.ReportFormat.markdown, .text] {
            let (report, _) = try Dossier.weeklyReport(
                site: site, week: ISOWeek("2026-W11"), asOf: Self.asOf, format: format)
            let printed = try #require(report)
            #expect(printed.contains("EX-2"))
            #expect(printed.contains("Delays\n"))
            for output in [page, printed] {
                #expect(!output.contains("The report lists") && !output.contains("[//]"))
            }
        }
    }

    /// A Chinese or Russian project gets its new note's comments, sections and prompts
    /// in its language, the YAML keys and values as Dossier reads them, and the note
    /// checks clean and renders without its prompts.
    @Test(arguments: ["zh", "ru"])
    func newWeeklySpeaksTheProjectsLanguageAndChecksClean(language: String) throws {
        let site = emptyFolder()
        _ = try Dossier.initSite(folder: site, language: language)
        // No earlier note: status and completion are commented out with what they take.
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/weekly/2026-W02.md"))
        let written = try Dossier.newWeekly(site: site, week: "2026-W02", asOf: .written("2026-01-14"))
        let expected =
            language == "zh"
            ? """
            ---
            week: 2026-W02
            # status: green、amber 或 red（也可写绿灯、黄灯、红灯）
            # completion: 计划完成率（百分比），0 到 100
            # summary: 一句话总结，显示在周报列表、订阅和项目概览中
            ---

            ## 本周完成
            - [[FK-001]] 重置密码后无法登录

            ## 下周计划

            ## 风险
            [//]: # (超时未解决的问题周报会自动列出。这里写数据看不出的风险：可能的影响、应对措施和需要谁支持。)

            ## 延期原因
            [//]: # (已逾期的里程碑周报会自动列出。这里写延期的原因和新的计划日期。)

            """
            : """
            ---
            week: 2026-W02
            # status: green, amber или red (можно и по-русски: зелёный, жёлтый, красный)
            # completion: выполнение плана в процентах, 0-100
            # summary: одна строка для списков, ленты и сводки
            ---

            ## Сделано
            - [[DO-1]] Не удаётся войти после смены пароля

            ## План на следующую неделю

            ## Риски
            [//]: # (Просроченные проблемы отчёт покажет сам. Здесь — риски, которых не видно по цифрам: последствия, что делается, чья помощь нужна.)

            ## Задержки
            [//]: # (Просроченные вехи отчёт покажет сам. Здесь — причины задержек и новые сроки.)

            """
        #expect(written.text == expected)
        let report = try Dossier.check(site: site)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items.map(\.message))")
        // Uncommented as the comment says, the words it names are read.
        let statusWord = language == "zh" ? "黄灯" : "жёлтый"
        let note = site.appendingPathComponent(written.file)
        try Data(written.text.replacingOccurrences(of: "# status: ", with: "status: \(statusWord) # ").utf8).write(to: note)
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-01-14")))
        let page = try text(site, "output/weekly/2026-W02.html")
        #expect(page.contains(language == "zh" ? ">风险" : ">Риски") && !page.contains("[//]"))

        // A week after the starter's note: status, completion and attendees carried over.
        let next = try Dossier.newWeekly(site: site, week: "2026-W03", asOf: .written("2026-01-21"))
        #expect(next.text.hasPrefix("---\nweek: 2026-W03\nstatus: amber\n"))
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    @Test(arguments: ["zh", "ru"])
    func newArticleSpeaksTheProjectsLanguageAndChecksClean(language: String) throws {
        let site = emptyFolder()
        _ = try Dossier.initSite(folder: site, language: language)
        let written = try Dossier.newArticle(site: site, path: "setup/vpn", title: "VPN", asOf: .written("2026-01-14"))
        let expected =
            language == "zh"
            ? """
            ---
            title: VPN
            tags: []
            audience: all
            # owner: 负责保持本文内容最新的人（团队成员的编号或姓名）
            updated: 2026-01-14
            issues: []
            # weight: 10（在所在目录中的排序，数字小的在前）
            # draft: true（草稿：不发布到网站）
            ---

            在这里写文章正文。

            """
            : """
            ---
            title: VPN
            tags: []
            audience: all
            # owner: кто следит за актуальностью статьи (код или имя участника команды)
            updated: 2026-01-14
            issues: []
            # weight: 10 (порядок среди статей раздела: чем меньше, тем выше)
            # draft: true (черновик: на сайт не попадает)
            ---

            Текст статьи.

            """
        #expect(written.text == expected)
        let report = try Dossier.check(site: site)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items.map(\.message))")
    }

    /// A prompt is the title of a link reference definition, `[//]: # (…)`: a
    /// parenthesis or a line break in it, in any language, would end it early.
    @Test(arguments: Language.allCases)
    func thePromptsFitInALinkReferenceTitle(_ language: Language) {
        let text = ScaffoldText(language: language)
        for prompt in [text.risksPrompt, text.delaysPrompt] {
            #expect(!prompt.isEmpty && !prompt.contains { "()\n\r".contains($0) }, "\(language): \(prompt)")
        }
    }

    /// No reader looks for the weekly sections by name; what keeps them one set of words
    /// is that the starter of each language writes the ones `new weekly` does.
    @Test(arguments: Starter.Language.allCases)
    func theStartersNoteHasTheSectionsNewWeeklyWrites(_ starter: Starter.Language) throws {
        let files = try #require(Starter.files(language: starter.rawValue))
        let note = String(decoding: try #require(files["content/weekly/2026-W02.md"]), as: UTF8.self)
        let headings = note.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let sections = ScaffoldText(language: try #require(Language(code: starter.rawValue))).sections
        #expect(headings == [sections.done, sections.next, sections.risks, sections.delays])
    }

    @Test func newNeverOverwrites() throws {
        let site = try Fixtures.copy("valid")
        let note = try text(site, "content/weekly/2026-W11.md")
        #expect(throws: UsageFailure.self) { try Dossier.newWeekly(site: site, week: "2026-W11", asOf: Self.asOf) }
        #expect(try text(site, "content/weekly/2026-W11.md") == note)

        let article = try text(site, "content/handbook/setup/login.md")
        #expect(throws: UsageFailure.self) {
            try Dossier.newArticle(site: site, path: "setup/login", title: nil, asOf: Self.asOf)
        }
        #expect(try text(site, "content/handbook/setup/login.md") == article)
        #expect(throws: UsageFailure.self) { try Dossier.newArticle(site: site, path: "../escape", title: nil, asOf: Self.asOf) }
    }

    @Test func newArticleWritesASkeletonThatChecksClean() throws {
        let site = try Fixtures.copy("valid")
        let written = try Dossier.newArticle(
            site: site, path: "content/handbook/setup/vpn-access.md", title: nil, asOf: Self.asOf)
        #expect(written.file == "content/handbook/setup/vpn-access.md")
        #expect(written.text.hasPrefix("---\ntitle: Vpn access\ntags: []\naudience: all\n"))
        #expect(written.text.contains("updated: 2026-03-12\n"))
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    @Test func newIssueAppendsTheNextIdInTheFilesOwnWords() throws {
        let site = try Fixtures.copy("valid")
        let before = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        let (id, written) = try Dossier.newIssue(
            site: site, title: "Printer, queue lost", values: ["priority": "high", "owner": "vera", "category": "bug"],
            asOf: Self.asOf)
        #expect(id == "EX-6")
        // Redmine's headers and words (New, High), its date-and-time, the title quoted for its comma.
        #expect(written.text == "EX-6,\"Printer, queue lost\",New,High,bug,,,vera,2026-03-12 09:00,,,,\n")
        let after = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(after.prefix(before.count) == before, "the rows before are kept byte for byte")
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
        #expect(try Dossier.newIssue(site: site, title: "Second", values: [:], asOf: Self.asOf).id == "EX-7")
    }

    @Test func newIssueKeepsSemicolonsCRLFAndTheByteOrderMark() throws {
        let site = try Fixtures.copy("exports/excel-semicolon")
        let before = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        let (id, written) = try Dossier.newIssue(site: site, title: "Export; broken", values: [:], asOf: Self.asOf)
        #expect(id == "X-3")
        #expect(written.text == "X-3;\"Export; broken\";open;2026-03-12 09:00;;;;;\r\n")
        let after = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(after == before + Data(written.text.utf8))
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    /// A mistake in a row already there is not the new row's: in a CRLF file as in an LF
    /// one, only problems from the new row on refuse it.
    @Test func newIssueInACRLFFileIgnoresAMistakeAboveIt() throws {
        let site = try Fixtures.copy("exports/excel-semicolon")
        let file = site.appendingPathComponent("content/issues.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "CFO;open;", with: "CFO;bogus;").utf8).write(to: file)
        let (id, written) = try Dossier.newIssue(site: site, title: "Export broken", values: [:], asOf: Self.asOf)
        #expect(id == "X-3")
        #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix(written.text))
        #expect(try Dossier.check(site: site).diagnostics.items.map(\.location.line) == [3])
    }

    @Test func newIssueWritesTheFilesEncoding() throws {
        let site = try Fixtures.copy("exports/redmine-zh")
        let (id, written) = try Dossier.newIssue(site: site, title: "打印机队列丢失", values: [:], asOf: Self.asOf)
        let bytes = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(
            bytes.suffix(TextEncoder.encode(written.text, as: .gb18030)!.count) == TextEncoder.encode(written.text, as: .gb18030)!
        )
        #expect(written.text.contains("打印机队列丢失"))
        // Redmine's column order; no row is open, so there is no word of the file's own for it.
        #expect(written.text.hasPrefix("\(id),,,,open,,打印机队列丢失,"))
        #expect(id == "204")
        let report = try Dossier.check(site: site)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items.map(\.message))")
        #expect(report.sources["content/issues.csv"]?.contains("\n\(written.text)") == true)
    }

    @Test func newIssueKeepsCROnlyLineEnds() throws {
        let site = try Fixtures.copy("exports/excel-mac-cr")
        let before = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        let (id, written) = try Dossier.newIssue(site: site, title: "Printer lost", values: [:], asOf: Self.asOf)
        #expect(id == "MAC-4")
        #expect(written.text == "MAC-4,Printer lost,open,2026-03-12 09:00,,\r")
        let after = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(after == before + Data(written.text.utf8))
        #expect(!after.contains(0x0A), "no LF is brought into a CR-only file")
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    /// Redmine ends rows with LF but keeps the CRLF a browser put inside a description:
    /// the row separator is the header row's, not any CRLF in the file.
    @Test func newIssueKeepsLFRowsAroundACRLFInsideADescription() throws {
        let site = try Fixtures.copy("exports/redmine-ru-feedback")
        let file = site.appendingPathComponent("content/issues.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: ";02.11.2026 09:15;\n", with: ";02.11.2026 09:15;;\"Ошибка:\r\nнет прав\"\n")
        text = text.replacingOccurrences(of: "Создано;Закрыта\n", with: "Создано;Закрыта;Описание\n")
        try Data(text.utf8).write(to: file)
        let before = try Data(contentsOf: file)
        let (_, written) = try Dossier.newIssue(site: site, title: "Новая проблема", values: [:], asOf: Self.asOf)
        #expect(written.text.hasSuffix(";\n") && !written.text.contains("\r"))
        let after = try Data(contentsOf: file)
        #expect(after.prefix(before.count) == before)
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    @Test func newIssueAppendsUTF16WithoutASecondByteOrderMark() throws {
        let site = try Fixtures.copy("exports/excel-unicode-text-ru")
        let before = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        let (id, written) = try Dossier.newIssue(site: site, title: "Сбой печати", values: [:], asOf: Self.asOf)
        #expect(id == "RU-3")
        // No row is open, so `open` has no word of the file's own.
        #expect(written.text == "RU-3\tСбой печати\topen\t2026-03-12 09:00\t\r\n")
        let after = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(after.prefix(before.count) == before)
        let appended = [UInt8](after.dropFirst(before.count))
        #expect(appended == Array(written.text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16 LE, no mark")
        let report = try Dossier.check(site: site)
        #expect(report.diagnostics.items.isEmpty, "\(report.diagnostics.items.map(\.message))")
    }

    @Test func newIssueAfterExcelsSeparatorLineKeepsItsDelimiter() throws {
        let site = try Fixtures.copy("exports/excel-ru-1251-sep")
        let (id, written) = try Dossier.newIssue(site: site, title: "Сбой; печати", values: [:], asOf: Self.asOf)
        #expect(id == "RU-4")
        #expect(written.text.hasPrefix("RU-4;\"Сбой; печати\";"))
        #expect(written.text.hasSuffix("\r\n"))
        let bytes = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(bytes.starts(with: Data("sep=;\r\n".utf8)))
        #expect(
            bytes.suffix(try #require(TextEncoder.encode(written.text, as: .windows1251)).count)
                == TextEncoder.encode(written.text, as: .windows1251))
        #expect(try Dossier.check(site: site).diagnostics.items.isEmpty)
    }

    @Test func newIssueRefusesARowThatWouldNotCheck() throws {
        let site = try Fixtures.copy("valid")
        let before = try Data(contentsOf: site.appendingPathComponent("content/issues.csv"))
        #expect(throws: UsageFailure.self) {
            try Dossier.newIssue(site: site, title: "Lost", values: ["owner": "nobody"], asOf: Self.asOf)
        }
        #expect(try Data(contentsOf: site.appendingPathComponent("content/issues.csv")) == before)
    }

    @Test func theNextIdFollowsTheLastRowsPrefixAndWidth() {
        #expect(IssueRow.nextID(after: ["FK-069", "FK-071", "FK-070"]) == "FK-072")
        #expect(IssueRow.nextID(after: ["A-009"]) == "A-010")
        #expect(IssueRow.nextID(after: ["7", "12", "8"]) == "13")
        #expect(IssueRow.nextID(after: ["OLD-90", "NEW-1"]) == "NEW-2")
        #expect(IssueRow.nextID(after: []) == "ISS-1")
    }

    @Test func theCommandsPrintWhatTheyWrote() throws {
        let folder = emptyFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let run = try EndToEndTests().dossier("init", "site", "--language", "ru", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // A Russian starter speaks Russian unless --lang or DOSSIER_LANG asks otherwise.
        #expect(run.stdout.contains("записан site/content/issues.csv\n"))
        #expect(run.stdout.hasSuffix("дальше: cd site && dossier check && dossier build\n"))
        let site = folder.appendingPathComponent("site")
        let weekly = try EndToEndTests().dossier("new", "weekly", in: site)
        #expect(weekly.status == 0, "\(weekly.stderr)")
        #expect(weekly.stdout.hasPrefix("записан content/weekly/2026-W11.md:\n---\nweek: 2026-W11\n"))  // SOURCE_DATE_EPOCH
        #expect(weekly.stdout.contains("\n## Сделано\n"))
        let again = try EndToEndTests().dossier("new", "weekly", in: site)
        #expect(again.status == 2)
        #expect(again.stderr == "dossier: content/weekly/2026-W11.md уже существует и оставлен как есть\n")
        let issue = try EndToEndTests().dossier("new", "issue", "Принтер", "--priority", "high", in: site)
        #expect(issue.stdout.hasPrefix("проблема DO-4 добавлена в content/issues.csv:\nDO-4,Принтер,Новая,Высокий,"))
        let english = try EndToEndTests().dossier("new", "issue", "Сканер", "--lang", "en", in: site)
        #expect(english.stdout.hasPrefix("appended DO-5 to content/issues.csv:\nDO-5,Сканер,"))
        #expect(try EndToEndTests().dossier("check", in: site).status == 0)
        let refused = try EndToEndTests().dossier("init", "site", in: folder)
        #expect(refused.status == 2)
        #expect(
            refused.stderr == "dossier: \(folder.path)/site is not empty; dossier init writes only into a new or empty folder\n")
        let chinese = try EndToEndTests().dossier("init", "site", "--lang", "zh", in: folder)
        #expect(chinese.stderr == "dossier: \(folder.path)/site 不是空文件夹；dossier init 只写入新的或空的文件夹\n")
    }
}
