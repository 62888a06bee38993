import DossierModel
import DossierSite
import Foundation
import Testing

/// What the pages of Fixtures/valid say, read as a person would read them.
@Suite struct SiteContentTests {
    let output: URL

    init() throws {
        let site = try Fixtures.copy("valid")
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-12 18:00")))
        output = site.appendingPathComponent("output")
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyPageOfTheContractExists() throws {
        for path in [
            "index.html", "issues/index.html", "issues/EX-5.html", "weekly/index.html", "weekly/2026-W11.html",
            "weekly/2026-W11.email.html", "handbook/index.html", "handbook/faq/budget.html", "milestones/index.html",
            "search.html", "feed.xml", "data/issues.json", "data/issues.csv", "assets/dossier.css",
            "handbook/setup/login.png",
        ] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path) is missing")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("handbook/faq/draft-notes.html").path))
        // The sitemap protocol wants absolute URLs: without base_url there is no sitemap.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
    }

    @Test func tagPagesAndAudienceFilter() throws {
        let tag = try page("handbook/tags/login.html")
        #expect(tag.contains("href=\"../../handbook/setup/login.html\""))
        #expect(!tag.contains("Budget questions"))
        let index = try page("handbook/index.html")
        #expect(index.contains("href=\"../handbook/tags/budget.html\""))
        // The login article is for key users; the budget one, for everyone, matches every audience.
        #expect(index.contains("data-audience=\"key-user\""))
        #expect(index.contains("data-audience=\"key-user internal vendor all\""))
        let article = try page("handbook/faq/budget.html")
        #expect(article.contains("rel=\"next\""))
        #expect(article.contains("class=\"heading-anchor\" href=\"#budget-errors\""))
    }

    /// EX-3's description was written with hard-wrapped Chinese lines: the page joins them
    /// without a space (CSS Text 3's segment break rule), keeps the break before Latin
    /// text, and the export keeps the Markdown as written.
    @Test func hardWrappedChineseLinesJoin() throws {
        let issue = try page("issues/EX-3.html")
        #expect(issue.contains("<p>厂商回复：月末结账期间预算校验会误报，补丁已于 3 月 9 日发布。Vendor\nconfirmed the fix.</p>"))
        let export = try page("data/issues.json")
        #expect(export.contains("预算校验\\n会误报"))
        let search = try page("search/docs-0.js")
        #expect(search.contains("预算校验会误报"))
    }

    @Test func referencesBecomeRelativeLinks() throws {
        let issue = try page("issues/EX-1.html")
        #expect(issue.contains("href=\"../handbook/setup/login.html\""))
        let article = try page("handbook/setup/login.html")
        #expect(article.contains("href=\"../../handbook/faq/budget.html\""))  // a relative .md link, rewritten
        #expect(article.contains("href=\"../../issues/EX-1.html\""))
        #expect(article.contains("href=\"#after-a-password-reset-1\""))
        #expect(article.contains("id=\"after-a-password-reset-1\""))
        let week = try page("weekly/2026-W11.html")
        #expect(week.contains("href=\"../weekly/2026-W10.html#risks\""))
    }

    @Test func referencedByListsEveryLinkingRecord() throws {
        let login = try page("handbook/setup/login.html")
        // EX-1's description and the budget article link here.
        #expect(login.contains("href=\"../../issues/EX-1.html\""))
        #expect(login.contains("Budget questions"))
        let issue = try page("issues/EX-1.html")
        // Linked from the login article (which also lists EX-1 under issues:).
        #expect(issue.contains("Logging in"))
    }

    @Test func noPageLoadsFromAnotherHostAndLinksAreRelative() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        for file in files {
            let html = try page(file)
            for attribute in ["src=\"http", "href=\"/", "src=\"/", "@import"] {
                #expect(!html.contains(attribute), "\(file) has \(attribute)")
            }
            #expect(html.contains("<html lang=\"en\""), "\(file) lacks the language")
        }
    }

    @Test func figuresOnTheDashboardAreTheRecords() throws {
        let dashboard = try page("index.html")
        // As of 2026-03-12 18:00 Moscow: EX-2 and EX-5 are open; EX-1 and EX-3 resolved.
        #expect(dashboard.contains("<svg"))
        let json = try JSONSerialization.jsonObject(with: Data(try page("data/issues.json").utf8)) as! [[String: Any]]
        #expect(json.count == 5)
        let ex3 = json.first { $0["id"] as? String == "EX-3" }!
        #expect(ex3["sla"] as? String == "breached")  // bug: 3 days; resolved after 5
        #expect(ex3["hours_to_resolve"] as? Double == 120)
        let csv = try Data(contentsOf: output.appendingPathComponent("data/issues.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("id,title,status".utf8)))  // Excel reads UTF-8 by its BOM
    }

    @Test func recordTextIsEscaped() throws {
        let site = try Fixtures.copy("valid")
        let issues = site.appendingPathComponent("content/issues.csv")
        var text = try String(contentsOf: issues, encoding: .utf8)
        text +=
            "EX-9,\"<script>alert(1)</script> & \"\"quotes\"\"\",New,Normal,bug,2,ann,ann,2026-03-11 09:00,,,\"<img src=x onerror=alert(1)> [x](javascript:alert(1))\",Bug\n"
        try Data(text.utf8).write(to: issues)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        // The javascript: link is an error: nothing is written.
        #expect(result.filesWritten == 0)
        #expect(result.report.diagnostics.items.map(\.rule) == [.unsafeLink])
        text = text.replacingOccurrences(of: " [x](javascript:alert(1))", with: "")
        try Data(text.utf8).write(to: issues)
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        let page = try String(contentsOf: site.appendingPathComponent("output/issues/EX-9.html"), encoding: .utf8)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let list = try String(contentsOf: site.appendingPathComponent("output/issues/index.html"), encoding: .utf8)
        #expect(!list.contains("<script>alert"))
    }
}

@Suite struct RawHTMLTests {
    /// Raw HTML allowed by the project still cannot carry a javascript: link to a page.
    @Test func unsafeSchemesInAllowedRawHTMLFailTheBuild() throws {
        let site = try Fixtures.copy("valid")
        let project = site.appendingPathComponent("content/project.yml")
        try Data((try String(contentsOf: project, encoding: .utf8) + "markdown:\n  unsafe_html: true\n").utf8).write(to: project)
        let article = site.appendingPathComponent("content/handbook/faq/budget.md")
        try Data(
            (try String(contentsOf: article, encoding: .utf8) + "\n<p><b>Bold</b> <a href=\"javascript:alert(1)\">x</a></p>\n")
                .utf8
        )
        .write(to: article)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(result.filesWritten == 0)
        #expect(result.report.diagnostics.items.map(\.rule) == [.unsafeLink])
    }
}
