import DossierDiagnostics
import DossierModel
import DossierSite
import Foundation
import Testing

/// `dossier report weekly --format email` of the report fixture (a zh week with a table,
/// code, a quote, lists, an image, a footnote, links to issues, an article and the week
/// before, and two breached issues), without and with base_url: reviewed golden files,
/// and the rules a mail must follow checked on both.
@Suite struct WeeklyMailTests {
    static let base = "https://pm.example.com/fk/"

    /// The mail of 2026-W46 as of 2026-11-15, for the fixture as it is or with `base_url`
    /// (and `appended` to the note of the copy).
    static func mail(base: String? = nil, appended: String? = nil) throws -> (text: String, notes: [Message]) {
        let site = try Fixtures.copy("report")
        if let appended {
            let note = site.appendingPathComponent("content/weekly/2026-W46.md")
            try Data((try String(contentsOf: note, encoding: .utf8) + appended).utf8).write(to: note)
        }
        if let base {
            let project = site.appendingPathComponent("content/project.yml")
            let text = try String(contentsOf: project, encoding: .utf8)
            try Data((text + "base_url: \(base)\n").utf8).write(to: project)
        }
        let (text, report) = try Dossier.weeklyReport(
            site: site, week: ISOWeek("2026-W46"), asOf: .written("2026-11-15"), format: .email)
        #expect(report.diagnostics.items.isEmpty)
        return (try #require(text), report.notes)
    }

    @Test func theMailsMatchTheReviewedFiles() throws {
        try Fixtures.assertSnapshot(try Self.mail().text, "report/expected/2026-W46.email.html")
        try Fixtures.assertSnapshot(try Self.mail(base: Self.base).text, "report/expected/2026-W46.base.email.html")
    }

    /// Values of every `name="…"` attribute of the mail.
    static func values(_ name: String, in html: String) -> [String] {
        html.matches(of: try! Regex<(Substring, Substring)>(" \(name)=\"([^\"]*)\"")).map { String($0.output.1) }
    }

    @Test(arguments: [nil, base])
    func nothingDependsOnClassesOrStylesheetsAndNoLinkLeadsNowhere(_ base: String?) throws {
        let html = try Self.mail(base: base).text
        #expect(!html.contains("class="))
        #expect(!html.contains("<style"))
        #expect(!html.contains("href=\"#"))
        #expect(!html.contains(">#</a>"))
        #expect(!html.contains(" id=\""))
        let targets = Self.values("href", in: html) + Self.values("src", in: html)
        #expect(!targets.isEmpty || base == nil)
        for target in targets {
            #expect(target.hasPrefix("https://") || target.hasPrefix("mailto:"), "relative: \(target)")
        }
        // The body's elements are styled: a table cell, code, the quote and the footnotes.
        #expect(html.contains("<td style=\"font-family:") && html.contains("border:1px solid #d0d7de;padding:6px 10px;"))
        #expect(html.contains("<pre style=\"font-family:Consolas") && html.contains("background-color:#f6f8fa;"))
        #expect(html.contains("<blockquote style=\"") && html.contains("border-left:4px solid #d0d7de;"))
        #expect(html.contains("<sup style=\"font-size:11px;line-height:0;vertical-align:super;\">1</sup>"))
        #expect(!html.contains("↩"))
    }

    @Test func withoutBaseURLTheSiteIsTextAndOneLineSaysWhy() throws {
        let (html, notes) = try Self.mail()
        // The one external link of the note is all that is linked.
        #expect(Self.values("href", in: html) == ["https://vendor.example.com/notice/2026-11"])
        #expect(Self.values("src", in: html).isEmpty)
        // The texts of the links and the image's alt text stay.
        for text in ["见 FK-101</li>", "处理方法见 预算冻结说明", ">预算科目设置界面</p>", "原因见上周周报。", "<strong>FK-102</strong>"] {
            #expect(html.contains(text), "\(text)")
        }
        let line = "本邮件不含项目网站的链接：网站尚未设置发布地址（project.yml 中的 base_url）。"
        #expect(html.components(separatedBy: line).count == 2)
        #expect(notes.count == 1 && notes[0].text(in: .en).contains("has no base_url"))
        // Said in the reader's language, the file and key as written.
        #expect(notes[0].text(in: .zh).hasPrefix("content/project.yml 没有设置 base_url"))
        #expect(notes[0].text(in: .ru).hasPrefix("в content/project.yml нет base_url"))
    }

    @Test func withBaseURLEverySiteLinkIsUnderIt() throws {
        let (html, notes) = try Self.mail(base: Self.base)
        let targets = Self.values("href", in: html) + Self.values("src", in: html)
        let site = targets.filter { $0 != "https://vendor.example.com/notice/2026-11" }
        #expect(site.allSatisfy { $0.hasPrefix(Self.base) })
        #expect(
            Set(site.map { String($0.dropFirst(Self.base.count)) }) == [
                "issues/FK-101.html", "issues/FK-102.html", "issues/FK-103.html", "handbook/expense/budget-freeze.html",
                "handbook/expense/budget-setting.png", "weekly/2026-W45.html", "weekly/2026-W46.html",
            ])
        // The breached issues link to their pages, and the last line to this report on the site.
        #expect(
            html.contains(
                #"<a href="https://pm.example.com/fk/issues/FK-103.html" style="color:#0969da;"><strong>FK-103</strong></a>"#))
        #expect(
            html.contains(#"<a href="https://pm.example.com/fk/weekly/2026-W46.html" style="color:#0969da;">在项目网站上查看本周报</a>"#))
        #expect(
            html.contains(
                #"<img src="https://pm.example.com/fk/handbook/expense/budget-setting.png" alt="预算科目设置界面" style="max-width:100%;height:auto;border:0;">"#
            ))
        #expect(!html.contains("本邮件不含项目网站的链接"))
        #expect(notes.isEmpty)
    }

    /// A link to a heading of the note goes to that heading on the report's web page, or
    /// is text: inside a mail, links to its own parts do not work in most clients.
    @Test func aLinkToAHeadingOfTheNoteGoesToTheWebPage() throws {
        let appended = "\n再看[风险](#风险)。\n"
        let linked = try Self.mail(base: Self.base, appended: appended).text
        #expect(linked.contains(#"再看<a href="https://pm.example.com/fk/weekly/2026-W46.html#%E9%A3%8E%E9%99%A9" style="#))
        let text = try Self.mail(appended: appended).text
        #expect(text.contains("再看风险。"))
    }
}
