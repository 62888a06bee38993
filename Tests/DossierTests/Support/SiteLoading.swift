import DossierModel
import DossierRecords
import Foundation
import Testing

/// Loads and validates a fixture site, failing the test on any diagnostic.
func loadValidSite(_ name: String, drafts: Bool = false) throws -> Site {
    let (raw, loadProblems) = try SiteLoader().load(Fixtures.site(name))
    let (site, problems) = SiteValidator(includeDrafts: drafts).validate(raw)
    let all = loadProblems.items + problems.items
    #expect(all.isEmpty, "fixture \(name) should be valid: \(all.map { "\($0.location) \($0.message)" })")
    return site
}
