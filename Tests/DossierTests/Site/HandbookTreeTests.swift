import DossierSite
import Foundation
import Testing

/// An article's page lists the articles around it in its folder, not the whole folder:
/// a folder of forty costs each page what a folder of fifteen does.
@Suite struct HandbookTreeTests {
    @Test func aLargeFolderShowsAWindowAndLinksToTheRest() throws {
        let site = try Fixtures.copy("valid")
        let folder = site.appendingPathComponent("content/handbook/bulk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for number in 1...40 {
            let name = String(format: "a%02d", number)
            try Data("---\ntitle: Bulk \(name)\nweight: \(number)\n---\n\nText of \(name).\n".utf8)
                .write(to: folder.appendingPathComponent("\(name).md"))
        }
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(result.report.diagnostics.items.isEmpty)
        func tree(_ name: String) throws -> String {
            let page = try String(contentsOf: site.appendingPathComponent("output/handbook/bulk/\(name).html"), encoding: .utf8)
            let start = try #require(page.range(of: "<ul class=\"tree\">"))
            return String(page[start.lowerBound...].split(separator: "</nav>")[0])
        }
        func listed(_ tree: String) -> [String] {
            tree.components(separatedBy: ">Bulk ").dropFirst().map { String($0.prefix(3)) }
        }
        // In the middle: seven before, seven after, itself marked.
        let middle = try tree("a20")
        #expect(listed(middle) == (13...27).map { String(format: "a%02d", $0) })
        #expect(middle.contains("aria-current=\"page\">Bulk a20<"))
        #expect(
            middle.contains(
                "<li class=\"tree-more\"><a href=\"../../handbook/index.html#folder:bulk\">25 more articles in this folder</a></li>"
            ))
        // At an end the window stays full.
        #expect(listed(try tree("a01")) == (1...15).map { String(format: "a%02d", $0) })
        #expect(listed(try tree("a40")) == (26...40).map { String(format: "a%02d", $0) })
    }
}
