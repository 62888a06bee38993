import DossierSite
import Foundation
import Testing

/// The build manifest walks content/ and templates/ as the loader does: a hidden file
/// (an editor's swap file) is not part of the site, so editing it builds nothing.
@Suite struct HiddenFileRebuildTests {
    static let asOf = AsOf.written("2026-03-12")

    func build(_ site: URL) throws -> Dossier.BuildResult {
        try Dossier.build(.init(site: site, asOf: Self.asOf))
    }

    @Test func anEditedSwapFileBuildsNothing() throws {
        let site = try Fixtures.copy("valid")
        let swap = site.appendingPathComponent("content/.a.md.swp")
        try Data("one".utf8).write(to: swap)
        #expect(try !build(site).upToDate)
        let stamp = Dossier.inputStamp(site: site)
        try Data("two, longer".utf8).write(to: swap)
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: templates.appendingPathComponent(".layout.mustache.swp"))
        #expect(Dossier.inputStamp(site: site) == stamp)
        #expect(try build(site).upToDate)
        // A visible file still counts.
        try Data("# Notes\n".utf8).write(to: site.appendingPathComponent("content/handbook/notes.md"))
        #expect(Dossier.inputStamp(site: site) != stamp)
        #expect(try !build(site).upToDate)
    }
}
