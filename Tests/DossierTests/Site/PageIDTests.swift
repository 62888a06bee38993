import DossierSite
import Foundation
import Testing

/// The anchors fixture: headings GitHub gives awkward anchors, footnotes in several
/// fragments of one page, headings named like the layout's ids. `check` and `build`
/// agree, and every page's ids are non-empty and unique, its links landing.
@Suite struct PageIDTests {
    static func built() throws -> URL {
        let site = try Fixtures.copy("anchors")
        #expect(try Dossier.check(site: site.appendingPathComponent("")).diagnostics.items.isEmpty)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-02-10")))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        return site.appendingPathComponent("output")
    }

    static func page(_ output: URL, _ path: String) throws -> PageIDs {
        PageIDs(html: try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8))
    }

    @Test func everyPageHasValidUniqueIdsAndItsLinksLand() throws {
        let output = try Self.built()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            let page = try Self.page(output, path)
            #expect(page.invalid.isEmpty, "\(path): \(page.invalid)")
            #expect(page.brokenLinks.isEmpty, "\(path): \(page.brokenLinks)")
        }
    }

    @Test func anArticleKeepsGitHubsAnchors() throws {
        let page = try Self.page(try Self.built(), "handbook/guide.html")
        let headings = [
            "guide", "\u{FE0F}-known-problems", "вход-в-систему", "heading:4", "-1", "main", "area-in-m", "area-in-m-1",
            "fn-1",
        ]
        // GitHub's anchors, but for the heading GitHub gives an empty one; footnotes by
        // number; the layout's own ids with `page:`.
        #expect(page.ids.filter { !$0.hasPrefix("page:") } == headings + ["fnref:1", "fn:1"])
        #expect(page.ids.contains("page:main") && page.ids.contains("page:toc-h"))
        // The body's links: to the heading GitHub lands on.
        #expect(page.fragmentLinks.contains("area-in-m") && page.fragmentLinks.contains("\u{FE0F}-known-problems"))
    }

    @Test func fragmentsOfOnePageHaveTheirOwnIds() throws {
        let output = try Self.built()
        let issue = try Self.page(output, "issues/A-1.html")
        #expect(
            issue.ids.filter { $0.hasPrefix("description:") || $0.hasPrefix("resolution:") }.sorted() == [
                "description:fn:1", "description:fnref:1", "description:steps",
                "resolution:fn:1", "resolution:fnref:1", "resolution:steps",
            ])
        // Each fragment's `[steps](#steps)` goes to its own heading.
        #expect(
            issue.fragmentLinks.filter { $0.hasSuffix(":steps") }.sorted() == [
                "description:steps", "description:steps", "resolution:steps", "resolution:steps",
            ])
        let milestones = try Self.page(output, "milestones/index.html")
        #expect(
            milestones.ids.filter { $0.contains(":fn") }.sorted() == [
                "milestone-M1:fn:1", "milestone-M1:fnref:1", "milestone-M2:fn:1", "milestone-M2:fnref:1",
            ])
    }

    @Test func linksFromOtherPagesLandWhereGitHubLands() throws {
        let page = try String(contentsOf: try Self.built().appendingPathComponent("handbook/other.html"), encoding: .utf8)
        #expect(page.contains(#"href="../handbook/guide.html#area-in-m""#))
        #expect(page.contains(#"href="../handbook/guide.html#main""#))
        // cmark-gfm percent-encodes what is not ASCII.
        #expect(page.contains(#"href="../handbook/guide.html#%EF%B8%8F-known-problems""#))
    }
}
