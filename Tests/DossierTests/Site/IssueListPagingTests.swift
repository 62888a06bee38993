import DossierSite
import Foundation
import Testing

/// The issue list in pages of `issues.page_size` rows: every issue once, in the list's
/// order, page links that work without JavaScript, each page's rows script the page
/// itself, and rebuilds that touch only the page an edit reaches.
extension IncrementalBuildTests {
    /// The sample with `issues.page_size` set (nil: not written).
    func pagedSample(size: String?) throws -> URL {
        let site = try sample()
        if let size {
            let project = site.appendingPathComponent("content/project.yml")
            let text = try String(contentsOf: project, encoding: .utf8)
            try Data((text + "\nissues:\n  page_size: \(size)\n").utf8).write(to: project)
        }
        return site
    }

    func page(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent("output/\(path)"), encoding: .utf8)
    }

    /// The issue ids of a list page's rows, in order.
    func rowIDs(_ html: String) -> [String] {
        let body = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
        return body.components(separatedBy: "<tr ").dropFirst().map { row in
            row.components(separatedBy: "<a href=\"")[1].components(separatedBy: "\">")[1].components(separatedBy: "<")[0]
        }
    }

    @Test func aLongIssueListIsPagedWithEveryIssueOnceInOrder() throws {
        let whole = try pagedSample(size: "0")
        _ = try build(whole)
        let all = rowIDs(try page(whole, "issues/index.html"))
        #expect(all.count == 72)
        #expect(!FileManager.default.fileExists(atPath: whole.appendingPathComponent("output/issues/page").path))
        #expect(!FileManager.default.fileExists(atPath: whole.appendingPathComponent("output/issues/rows.js").path))
        #expect(!(try page(whole, "issues/index.html")).contains("data-pages"))

        let site = try pagedSample(size: "10")
        _ = try build(site)
        let paths = ["issues/index.html"] + (2...8).map { "issues/page/\($0)/index.html" }
        let pages = try paths.map { try page(site, $0) }
        #expect(pages.flatMap(rowIDs) == all)
        #expect(pages.map { rowIDs($0).count } == [10, 10, 10, 10, 10, 10, 10, 2])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page/9").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page/1").path))

        // Page 3 of 8: its number, its rows, the way to its neighbours, both ends and a gap.
        let third = pages[2]
        #expect(third.contains("<title>问题清单（第 3 页，共 8 页）"))
        #expect(third.contains("<p class=\"page-rows\" role=\"status\" data-pager-rows>第 21–30 条，共 72 条</p>"))
        #expect(third.contains("<a href=\"../../../issues/page/2/index.html\" rel=\"prev\">"))
        #expect(third.contains("<a href=\"../../../issues/page/4/index.html\" rel=\"next\">"))
        #expect(third.contains("<a href=\"../../../issues/page/3/index.html\" aria-current=\"page\">3</a>"))
        #expect(third.contains("<a href=\"../../../issues/index.html\">1</a>"))
        #expect(third.contains("<a href=\"../../../issues/page/8/index.html\">8</a>"))
        #expect(third.components(separatedBy: "class=\"page-gap\"").count == 2)
        #expect(third.contains("data-page=\"3\" data-page-size=\"10\" data-total=\"72\""))
        // The first page has no previous, the last no next.
        #expect(!pages[0].contains("rel=\"prev\"") && pages[0].contains("rel=\"next\""))
        #expect(pages[7].contains("rel=\"prev\"") && !pages[7].contains("rel=\"next\""))
        #expect(pages[0].contains("<p class=\"lede\">问题总数：72"))

        // Each page's script is the page itself, as one JavaScript string.
        for (path, html) in zip(paths, pages) {
            let script = try page(site, path.replacingOccurrences(of: "index.html", with: "rows.js"))
            #expect(script.hasPrefix("window.dossierPage(\"") && script.hasSuffix("\");\n"))
            let literal = String(script.dropFirst("window.dossierPage(".count).dropLast(");\n".count))
            let decoded = try JSONDecoder().decode(String.self, from: Data(literal.utf8))
            #expect(decoded == html, "\(path)")
        }
        // Every page names the first script and the others' pattern, relative to itself,
        // so a page's size does not grow with the number of pages.
        #expect(
            third.contains(
                "data-pages=\"8\" data-page=\"3\" data-page-size=\"10\" data-total=\"72\" "
                    + "data-rows-first=\"../../../issues/rows.js\" data-rows-pattern=\"../../../issues/page/{n}/rows.js\""))
        #expect(pages[0].contains("data-rows-first=\"../issues/rows.js\" data-rows-pattern=\"../issues/page/{n}/rows.js\""))
    }

    /// One issue a page (72 pages): a page names two scripts and at most seven page
    /// numbers, however many pages there are, so the site grows with the list, not with
    /// the square of its pages.
    @Test func aPageDoesNotGrowWithTheNumberOfPages() throws {
        let site = try pagedSample(size: "1")
        _ = try build(site)
        for number in [2, 36, 72] {
            let html = try page(site, "issues/page/\(number)/index.html")
            #expect(html.components(separatedBy: "rows.js").count - 1 == 2, "page \(number)")
            let links = html.components(separatedBy: "<ul data-pager-links>")[1].components(separatedBy: "</ul>")[0]
            #expect(links.components(separatedBy: "<a href=").count - 1 <= 9, "page \(number)")  // 7 numbers, previous, next
            #expect(rowIDs(html).count == 1)
        }
    }

    /// Issues without a tier or a category are filtered as `none`, and the filters offer
    /// it (the fixture has both); a list where every issue has them does not.
    @Test func theFiltersOfferNoneWhereSomeIssueHasNone() throws {
        let site = try Fixtures.copy("figures")
        _ = try build(site)
        let html = try page(site, "issues/index.html")
        let categories = html.components(separatedBy: "id=\"filter-category\"")[1].components(separatedBy: "</select>")[0]
        let tiers = html.components(separatedBy: "id=\"filter-tier\"")[1].components(separatedBy: "</select>")[0]
        #expect(categories.contains("<option value=\"none\">Uncategorised</option>"))
        #expect(tiers.contains("<option value=\"none\">No tier</option>"))
        #expect(html.contains("data-category=\"none\""))
        let sample = try pagedSample(size: nil)
        _ = try build(sample)
        #expect(!(try page(sample, "issues/index.html")).contains("<option value=\"none\">"))
    }

    /// A page size as large as a whole number goes is one page, not an overflow.
    @Test func aHugePageSizeIsOnePage() throws {
        let site = try pagedSample(size: String(Int.max))
        _ = try build(site)
        #expect(rowIDs(try page(site, "issues/index.html")).count == 72)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page").path))
    }

    /// A site's own issues.mustache written before pages (it never names `pagination`)
    /// keeps the whole list on its one page, and the build says why.
    @Test func aTemplateWithoutPaginationKeepsOnePageAndSaysSo() throws {
        let site = try pagedSample(size: "10")
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data(
            "<h1>{{page.title}} ({{count}})</h1>\n<table id=\"issue-table\"><tbody>\n{{#issues}}<tr class=\"r\"><td><a href=\"{{href}}\">{{id}}</a></td></tr>\n{{/issues}}</tbody></table>\n"
                .utf8
        ).write(to: site.appendingPathComponent("templates/issues.mustache"))
        let result = try build(site)
        #expect(rowIDs(try page(site, "issues/index.html")).count == 72)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page").path))
        #expect(result.report.notes.map(\.key) == ["note.issue-list-one-page"])
        #expect(!(try page(site, "issues/index.html")).contains("pages.js"))
    }

    @Test func theDefaultPageSizeLeavesASmallListOnOnePage() throws {
        let site = try pagedSample(size: nil)
        _ = try build(site)
        #expect(rowIDs(try page(site, "issues/index.html")).count == 72)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page").path))
        #expect(!(try page(site, "issues/index.html")).contains("page-links"))
    }

    @Test func anEditedIssueRendersItsOwnListPageOnly() throws {
        let site = try pagedSample(size: "10")
        _ = try build(site)
        let before = try paths(of: site)
        // FK-045 is on page 5.
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: "设置审批代理后原审批人仍收到待办", with: "设置审批代理后原审批人仍收到待办（已复现）") }
        let rebuilt = try rebuildMatchesFresh(site)
        let after = try paths(of: site)
        let changed = after.filter { before[$0.key] != $0.value }.keys.filter {
            $0.hasPrefix("issues/page/") || $0.hasPrefix("issues/index") || $0.hasPrefix("issues/rows")
        }
        #expect(changed.sorted() == ["issues/page/5/index.html", "issues/page/5/rows.js"])
        #expect(rebuilt.pagesUnchanged > 0)
        // Fewer issues than before: the pages past the end go.
        try edit(site, "content/project.yml") { $0.replacingOccurrences(of: "page_size: 10", with: "page_size: 40") }
        try rebuildMatchesFresh(site)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output/issues/page/3").path))
        #expect(rowIDs(try page(site, "issues/page/2/index.html")).count == 32)
    }

    /// Each file of the output with its inode: a file taken from the previous output
    /// keeps its inode (it is linked, not written again).
    func paths(of site: URL) throws -> [String: UInt64] {
        let output = site.appendingPathComponent("output")
        var inodes: [String: UInt64] = [:]
        for path in try Fixtures.files(in: output).keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            inodes[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        return inodes
    }
}
