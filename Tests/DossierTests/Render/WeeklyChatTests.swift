import DossierFigures
import DossierMarkdown
import DossierModel
import DossierSite
import Foundation
import Testing

/// `report weekly --format markdown|text` of Fixtures/report's week 2026-W46 (zh: a table,
/// code, a quote, a list, an image, a footnote, wiki links, an external link, two open
/// issues past their target), without and with a `base_url`, against the reviewed files
/// in Fixtures/report/expected (RECORD_SNAPSHOTS=1 rewrites them).
@Suite struct WeeklyChatTests {
    static let week = ISOWeek("2026-W46")!
    static let base = "https://pm.example.com/fk/"

    /// The four outputs by golden file name: `2026-W46.md`, `.base.md`, `.txt`, `.base.txt`.
    let outputs: [String: String]
    let site: Site

    init() throws {
        let plain = try Fixtures.copy("report")
        let based = try Fixtures.copy("report")
        let project = based.appendingPathComponent("content/project.yml")
        try Data((try String(contentsOf: project, encoding: .utf8) + "base_url: \(Self.base)\n").utf8).write(to: project)
        var outputs: [String: String] = [:]
        for (folder, suffix) in [(plain, ""), (based, ".base")] {
            for (format, ext) in [(Dossier.ReportFormat.markdown, "md"), (.text, "txt")] {
                let (printed, report) = try Dossier.weeklyReport(
                    site: folder, week: Self.week, asOf: .written("2026-11-15"), format: format)
                #expect(report.diagnostics.items.isEmpty)
                outputs["2026-W46\(suffix).\(ext)"] = printed
            }
        }
        self.outputs = outputs
        site = try loadValidSite("report")
    }

    var markdown: [String] { ["2026-W46.md", "2026-W46.base.md"].map { outputs[$0]! } }
    var text: [String] { ["2026-W46.txt", "2026-W46.base.txt"].map { outputs[$0]! } }

    @Test func outputsMatchTheGoldenFiles() throws {
        for name in outputs.keys.sorted() {
            try Fixtures.assertSnapshot(outputs[name]!, "report/expected/\(name)")
        }
    }

    /// The note's sections and items, its table's cells and its footnote, as written,
    /// in every output.
    @Test func everySectionAndItemOfTheNoteIsThere() throws {
        let note = try #require(site.weeklyNotes.first { $0.week == Self.week })
        let headings = note.body.headings.map(\.text)
        #expect(headings == ["本周完成", "下周计划", "风险", "延期原因"])
        let items = [
            "第一批单位上线，见 ", "借款单预算冻结问题已修复，处理方法见 ", "补丁已部署到生产环境", "回归测试通过", "预算科目设置界面",
            "第二批单位切换演练，参数如下：", "cutover: 2026-11-20\nrollback: true", "苏州子公司成本中心映射表仍未确认，第二批上线可能再次延期。",
            "尚未解决，详见", "厂商公告", "第二批上线延期，原因见", "上周周报", "厂商承诺 11 月 20 日前给出补丁。", "集团总部", "华东一厂",
        ]
        for (name, output) in outputs {
            for heading in headings {
                #expect(output.contains("\n## \(heading)\n") || output.contains("\n\(heading)\n"), "\(name): \(heading)")
            }
            for item in items { #expect(output.contains(item), "\(name): \(item)") }
        }
        // The table's row, as a table in Markdown and as header: value pairs in text.
        for output in markdown { #expect(output.contains("| 集团总部 | 120 | 118 | 2026-11-13 |")) }
        for output in text { #expect(output.contains("- 单位: 集团总部 · 用户数: 120 · 已培训: 118 · 上线日期: 2026-11-13\n")) }
        // The footnote: GFM's `[^1]` in Markdown, `[1]` in text.
        for output in markdown { #expect(output.contains("[^1]") && output.contains("[^1]:")) }
        for output in text { #expect(output.contains("[1]\n") && output.contains("\n[1] 厂商承诺")) }
    }

    /// A week with more open issues past their target than a report names: the first
    /// `WeekFigures.listedBreached` are listed, and the rest counted in "N more", in the
    /// report and on the weekly page.
    @Test func manyBreachedIssuesAreListedInPartAndCountedWhole() throws {
        let folder = try Fixtures.copy("report")
        let csv = folder.appendingPathComponent("content/issues.csv")
        let extra = (1...40).map {
            "FK-9\(String(format: "%02d", $0)),审批流跳过财务经理 \($0),处理中,高,配置,2,lina,liuyang,2026-11-10 10:00,,M1,,\n"
        }
        try Data((try String(contentsOf: csv, encoding: .utf8) + extra.joined()).utf8).write(to: csv)
        let (printed, _) = try Dossier.weeklyReport(
            site: folder, week: Self.week, asOf: .written("2026-11-15"), format: .markdown)
        let report = try #require(printed)
        // FK-102, FK-103 and the 40 added: 42 past their target, 25 named.
        let more = 42 - WeekFigures.listedBreached
        #expect(report.contains("另有 \(more) 个问题，见问题清单"))
        #expect(report.contains("FK-923") && !report.contains("FK-924"))
        _ = try Dossier.build(.init(site: folder, asOf: .written("2026-11-15")))
        let page = try String(contentsOf: folder.appendingPathComponent("output/weekly/2026-W46.html"), encoding: .utf8)
        #expect(page.contains("另有 \(more) 个问题，见问题清单"))
    }

    /// Every figure and its change is `WeekFigures`' own, counted here independently of
    /// the report, and the fixture's week has the values written in the records.
    @Test func figuresAndChangesAreTheWeeksOwn() throws {
        let figures = WeekFigures(site: site, week: Self.week, asOf: .distantFuture)
        let previous = WeekFigures(site: site, week: Self.week.previous, asOf: .distantFuture)
        let changes = figures.changes(since: previous)
        let counts: [Int] = [
            figures.opened, figures.resolved, figures.rejected, figures.openAtEnd, figures.slaMet, figures.slaBreached,
        ]
        #expect(counts == [4, 2, 0, 2, 2, 0])
        #expect(figures.breachedOpenIDs == ["FK-102", "FK-103"])
        #expect(previous.opened == 0 && changes["opened"] == 4)
        let rows: [(String, Int, Int)] = [
            ("新增问题", figures.opened, changes["opened"]!), ("已解决问题", figures.resolved, changes["resolved"]!),
            ("已拒绝问题", figures.rejected, changes["rejected"]!), ("截至周日未关闭", figures.openAtEnd, changes["open_at_end"]!),
            ("按时解决（SLA 达标）", figures.slaMet, changes["sla_met"]!),
            ("超时解决（SLA 未达标）", figures.slaBreached, changes["sla_breached"]!),
            ("截至周日超时未解决", figures.breachedOpen, changes["breached_open"]!),
        ]
        func change(_ n: Int) -> String { n > 0 ? "↑ \(n)" : n < 0 ? "↓ \(-n)" : "=" }
        for (label, value, difference) in rows {
            for output in markdown { #expect(output.contains("| \(label) | \(value) | \(change(difference)) |\n"), "\(label)") }
            for output in text { #expect(output.contains("\n\(label)：\(value)（\(change(difference))）\n"), "\(label)") }
        }
        // Tier and category rows, labelled in the site's language.
        let category = try #require(figures.byCategory["operation"])
        for output in markdown {
            #expect(output.contains("| 操作咨询 | \(category.opened) | \(category.resolved) | \(category.openAtEnd) |\n"))
            #expect(output.contains("| 三线 · 厂商顾问 | 2 | 2 | 0 |\n"))
        }
        for output in text {
            #expect(output.contains("\n操作咨询：新增 \(category.opened) · 已解决 \(category.resolved) · 截至周日未关闭 \(category.openAtEnd)\n"))
        }
        for output in outputs.values {
            #expect(output.contains("2026-W46（11月9日 – 11月15日）"))
            #expect(
                output.contains("黄灯") && output.contains("总体状态：") && output.contains("完成率：65%") && output.contains("参会人员：李娜、张伟"))
            #expect(output.contains("M2 第二批单位上线（截止日期：2026年11月11日）") || output.contains(") 第二批单位上线（截止日期："))
        }
    }

    /// Nothing relative and no `[[…]]` leaves the site: without base_url the site's
    /// pages are named by their text, with it they are absolute under it.
    @Test func noLinkIsRelative() throws {
        for (name, output) in outputs {
            #expect(!output.contains("[["), "\(name)")
            #expect(!output.contains(".md)") && !output.contains("../"), "\(name)")
        }
        let links = markdown.map { MarkdownDocument($0).links }
        #expect(links[0].map(\.destination) == ["https://vendor.example.com/notice/2026-11"])
        #expect(links[1].count == 11)
        for link in links[1] {
            #expect(link.destination.hasPrefix("https://"), "\(link.destination)")
        }
        let site = links[1].map(\.destination).filter { $0.hasPrefix(Self.base) }
        for expected in [
            "issues/FK-101.html", "issues/FK-102.html", "issues/FK-103.html", "handbook/expense/budget-freeze.html",
            "handbook/expense/budget-setting.png", "weekly/2026-W45.html", "weekly/2026-W46.html",
            "milestones/index.html#milestone-M1",
        ] {
            #expect(site.contains(Self.base + expected), "\(expected)")
        }
        #expect(!outputs["2026-W46.txt"]!.contains("https://pm.example.com"))
        #expect(outputs["2026-W46.base.txt"]!.contains("预算冻结说明 \(Self.base)handbook/expense/budget-freeze.html\n"))
        #expect(
            outputs["2026-W46.base.txt"]!.contains(
                "- FK-102 审批流跳过财务经理（目标解决时间：2026年11月11日 10:00） \(Self.base)issues/FK-102.html\n"))
    }

    /// Plain text carries no Markdown: no pipe rows, no link or image syntax, no
    /// emphasis, fences or quote marks.
    @Test func textHasNoMarkup() {
        for output in text {
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(!lines.contains { $0.hasPrefix("|") || $0.hasPrefix(">") || $0.hasPrefix("#") || $0.hasPrefix("```") })
            for syntax in ["](", "![", "**", "[^", "<!--"] { #expect(!output.contains(syntax), "\(syntax)") }
        }
    }

    /// The Markdown reads back with cmark-gfm into the report's headings and tables.
    @Test func markdownParsesBack() throws {
        for output in markdown {
            let document = MarkdownDocument(output)
            #expect(document.opensWithTitle)
            #expect(
                document.headings.map { "\($0.level) \($0.text)" } == [
                    "1 集团费控系统实施 · 周报 2026-W46（11月9日 – 11月15日）", "2 本周数据", "2 按支持层级", "2 按分类", "2 超时未解决的问题",
                    "2 本周完成的里程碑", "2 已逾期的里程碑", "2 本周完成", "2 下周计划", "2 风险", "2 延期原因",
                ])
            let html = document.render(destinations: document.links.map(\.destination))
            // The figures, the two breakdowns and the note's own table.
            #expect(html.components(separatedBy: "<table>").count - 1 == 4)
            #expect(html.contains("<th>指标</th>"))
            #expect(html.contains("<td align=\"right\">118</td>"))
            #expect(html.contains("<strong>黄灯</strong>"))
            #expect(html.contains("<code class=\"language-yaml\">") || html.contains("lang=\"yaml\""))
            #expect(html.contains("<blockquote>"))
            #expect(html.contains("data-footnote-ref"))
        }
    }

    /// Record text is literal in Markdown: a title with `|`, `*` or `[[` cannot break a
    /// table, emphasise or link.
    @Test func recordTextIsEscapedInMarkdown() {
        #expect(MarkdownText.escape("a|b *c* [[X-1]] ~~d~~") == #"a\|b \*c\* \[\[X-1\]\] \~\~d\~\~"#)
        // An entity reference in a title stays the characters it was written with.
        #expect(MarkdownText.escape("R&amp;D 实体") == #"R\&amp;D 实体"#)
        #expect(MarkdownText.escapeAtLineStart("- one") == #"\- one"#)
        #expect(MarkdownText.escapeAtLineStart("2026. 上线") == #"2026\. 上线"#)
        #expect(MarkdownText.escapeAtLineStart("第一批") == "第一批")
        let html = MarkdownDocument(MarkdownText.escapeAtLineStart("1) a|b *c* [x](y) <b>\r\nnext")).renderAsWritten()
        #expect(html == "<p>1) a|b *c* [x](y) &lt;b&gt; next</p>\n")
    }
}
