import DossierSite
import Foundation
import Testing

/// Every folder of Fixtures/invalid is a site with one kind of mistake, and its
/// expected.txt is exactly what `dossier check` prints for it (file, line, column,
/// severity, message, rule and the line with a caret). Folders named valid-* must
/// check clean.
@Suite struct InvalidFixtureTests {
    static let cases: [String] = {
        let folder = Fixtures.root.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }()

    @Test func thereIsACaseForEveryRecordRule() {
        let covered = Set(Self.cases.compactMap { name in DiagnosticRuleNames.all.first { name.hasPrefix($0) } })
        let exempt: Set<String> = ["file-unreadable", "file-too-large"]
        let missing = DiagnosticRuleNames.all.filter { !covered.contains($0) && !exempt.contains($0) }
        #expect(missing.isEmpty, "rules without an invalid fixture: \(missing)")
    }

    @Test(arguments: cases)
    func checkPrintsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let site = Fixtures.root.appendingPathComponent("invalid/\(name)")
        let report = try Dossier.check(site: site)
        let output = report.printer(.text, language: .en).render(report.diagnostics)
        try Fixtures.assertSnapshot(output, "invalid/\(name)/expected.txt")
        if name.hasPrefix("valid-") {
            #expect(report.diagnostics.items.isEmpty)
        } else {
            #expect(!report.diagnostics.items.isEmpty, "\(name) should report a problem")
        }
    }
}

enum DiagnosticRuleNames {
    static let all = Rule.allCases.map(\.rawValue)
}
