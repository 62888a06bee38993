import DossierSite
import Foundation
import Testing

/// A site renames a label with one line of its templates/strings/<language>.yml
/// (Fixtures/strings-override: `nav_issues: Замечания` over the Russian theme).
@Suite struct StringsOverrideTests {
    static let asOf = AsOf.written("2026-03-12")

    /// The text of the main navigation of an HTML page; nil for a page without one (the mail version).
    func navigation(_ html: String) -> String? {
        guard let start = html.range(of: "<nav class=\"site-nav\"") else { return nil }
        guard let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    func htmlPages(_ output: URL) throws -> [String: String] {
        try Fixtures.files(in: output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func oneLineRenamesTheLabelOnEveryPage() throws {
        let site = try Fixtures.copy("strings-override")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let result = try Dossier.build(.init(site: site, asOf: Self.asOf))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        let pages = try htmlPages(site.appendingPathComponent("output"))
        let navigations = pages.compactMapValues(navigation)
        #expect(navigations.count >= 10)
        #expect(pages.count - navigations.count == pages.keys.filter { $0.hasSuffix(".email.html") }.count)
        for (path, nav) in navigations {
            #expect(nav.contains(">Замечания</a>"), "\(path)")
            #expect(!nav.contains("Проблемы"), "\(path)")
            // The other labels stay the theme's.
            #expect(nav.contains(">Отчёты</a>"), "\(path)")
        }

        // Editing the line renders every page again (the words are part of each page's key).
        let file = site.appendingPathComponent("templates/strings/ru.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "nav_issues: Замечания", with: "nav_issues: Обращения").utf8).write(to: file)
        let again = try Dossier.build(.init(site: site, asOf: Self.asOf))
        #expect(again.pagesUnchanged == 0)
        for (path, nav) in try htmlPages(site.appendingPathComponent("output")).compactMapValues(navigation) {
            #expect(nav.contains(">Обращения</a>") && !nav.contains("Замечания"), "\(path)")
        }
    }

    /// Words a site gets wrong are refused, and the theme's stay on the built pages
    /// (Fixtures/invalid/theme-words-placeholder, a Chinese site): the tag page of three
    /// articles keeps "3 篇文章" with its number, and no page shows `{count}` or `周报 {n}`.
    @Test func aRefusedWordLeavesTheThemesOnThePages() throws {
        let site = try Fixtures.copy("invalid/theme-words-placeholder")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent().deletingLastPathComponent()) }
        let result = try Dossier.build(.init(site: site, asOf: Self.asOf))
        #expect(
            result.report.diagnostics.sorted.map { "\($0.location) \($0.severity) [\($0.rule.rawValue)]" } == [
                "templates/strings/ru.yml:3:23 warning [theme-words]",
                "templates/strings/zh.yml:3:26 warning [theme-words]",
                "templates/strings/zh.yml:4:20 warning [theme-words]",
                "templates/strings/zh.yml:5:16 warning [theme-words]",
            ])
        let pages = try htmlPages(site.appendingPathComponent("output"))
        #expect(pages["handbook/tags/付款.html"]?.contains("<p class=\"lede\">3 篇文章</p>") == true)
        #expect(pages["weekly/index.html"]?.contains("<h1>周报</h1>") == true)
        #expect(pages["index.html"]?.contains("title=\"费用系统上线 · 周报\"") == true)
        for (path, html) in pages {
            #expect(!html.contains("{count}") && !html.contains("周报 {n}"), "\(path)")
        }
    }

    /// An empty label is refused and the navigation keeps the theme's, beside the label the
    /// same file renames (Fixtures/invalid/theme-words-empty).
    @Test func anEmptyWordLeavesTheThemesInTheNavigation() throws {
        let site = try Fixtures.copy("invalid/theme-words-empty")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent().deletingLastPathComponent()) }
        let result = try Dossier.build(.init(site: site, asOf: Self.asOf))
        #expect(result.report.diagnostics.sorted.map { "\($0.location)" } == ["templates/strings/en.yml:4:15"])
        let navigations = try htmlPages(site.appendingPathComponent("output")).compactMapValues(navigation)
        #expect(!navigations.isEmpty)
        for (path, nav) in navigations {
            #expect(nav.contains(">Weekly reports</a>") && nav.contains(">Tickets</a>"), "\(path)")
            #expect(!nav.contains("></a>"), "\(path)")
        }
    }
}
