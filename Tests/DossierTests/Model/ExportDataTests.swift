import DossierSite
import Foundation
import Testing

/// Every export fixture, built: its `data/issues.json` is exactly the golden
/// `expected-issues.json` beside its content/ folder (each read and checked by hand
/// against the export's rows), and what `dossier check` says of it is exactly
/// `expected-check.txt` — so a guess (a delimiter, a resolved date from Updated) is
/// announced, and an unannounced change of any value read fails.
@Suite struct ExportDataTests {
    static let exports: [String] = {
        let folder = Fixtures.root.appendingPathComponent("exports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test(arguments: exports)
    func exportedIssuesHoldTheValuesRead(_ name: String) throws {
        let site = try Fixtures.copy("exports/\(name)")
        let check = try Dossier.check(site: site)
        try Fixtures.assertSnapshot(check.printer(.text).render(check.diagnostics), "exports/\(name)/expected-check.txt")
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-12-01")))
        #expect(!result.report.diagnostics.hasErrors)
        let json = try String(contentsOf: site.appendingPathComponent("output/data/issues.json"), encoding: .utf8)
        try Fixtures.assertSnapshot(json, "exports/\(name)/expected-issues.json")
    }
}
