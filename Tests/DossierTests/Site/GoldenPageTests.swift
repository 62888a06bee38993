import DossierSite
import Foundation
import Testing

/// Pages of Fixtures/valid built as of a fixed moment, compared with the reviewed files
/// in Fixtures/golden (RECORD_SNAPSHOTS=1 rewrites them after a deliberate change).
@Suite struct GoldenPageTests {
    static let pages = [
        "index.html", "issues/index.html", "issues/EX-1.html", "issues/EX-3.html", "weekly/index.html",
        "weekly/2026-W10.html", "weekly/2026-W10.email.html", "handbook/index.html", "handbook/setup/login.html",
        "handbook/faq/budget.html", "milestones/index.html", "search.html", "search/meta.js", "search/terms-0.js",
        "search/docs-0.js", "feed.xml",
        "data/issues.json", "data/issues.csv", "data/weeks.json", "data/weeks.csv", "data/milestones.json",
        "data/milestones.csv",
    ]

    @Test func pagesMatchTheGoldenFiles() throws {
        let site = try Fixtures.copy("valid")
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12 18:00")))
        #expect(result.report.diagnostics.items.isEmpty)
        for page in Self.pages {
            let text = try String(contentsOf: site.appendingPathComponent("output/\(page)"), encoding: .utf8)
            try Fixtures.assertSnapshot(text, "golden/\(page)")
        }
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        let site = try Fixtures.copy("valid")
        let other = try Fixtures.copy("valid")
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        _ = try Dossier.build(.init(site: other, asOf: .written("2026-03-12")))
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.appendingPathComponent("output").path).sorted()
        #expect(files.count > 20)
        for file in files {
            let a = FileManager.default.contents(atPath: site.appendingPathComponent("output/\(file)").path)
            let b = FileManager.default.contents(atPath: other.appendingPathComponent("output/\(file)").path)
            #expect(a == b, "\(file) differs between two builds")
        }
    }
}
