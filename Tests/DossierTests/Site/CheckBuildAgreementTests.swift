import DossierSite
import Foundation
import Testing

/// `check` finds everything `build` would refuse: on every fixture site, valid or not,
/// the build reports exactly the diagnostics `check` does — same rule, file, line and
/// column — and fails exactly when `check` has an error. The final pages' link check is
/// a safety net; a finding of its own here is a bug in `check`.
@Suite struct CheckBuildAgreementTests {
    static let sites: [String] = {
        func list(_ folder: String) -> [String] {
            let url = Fixtures.root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
        }
        return list("invalid") + list("exports") + ["valid"]
    }()

    @Test(arguments: sites)
    func buildAgreesWithCheck(_ name: String) throws {
        let site = try Fixtures.copy(name)
        let check = try Dossier.check(site: site)
        let build: Dossier.BuildResult
        do {
            build = try Dossier.build(.init(site: site, asOf: .written("2026-12-01")))
        } catch {
            // A site that cannot be read at all fails both commands the same way.
            #expect(throws: (any Error).self) { try Dossier.check(site: site) }
            return
        }
        func described(_ report: RunReport) -> [String] {
            report.diagnostics.items.map {
                "\($0.location.file):\($0.location.line):\($0.location.column) \($0.severity) [\($0.rule.rawValue)] \($0.message)"
            }
        }
        #expect(described(build.report) == described(check), "\(name): build and check disagree")
        #expect(build.report.diagnostics.hasErrors == check.diagnostics.hasErrors)
    }
}
