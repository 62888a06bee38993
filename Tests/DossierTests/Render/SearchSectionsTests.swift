import DossierHTML
import DossierMarkdown
import DossierModel
import DossierRecords
import Foundation
import Testing

@testable import DossierRender
@testable import DossierTemplates

/// The search index takes each body's sections from its rendering: they must be those
/// libxml2 reads back from the page's HTML.
@Suite struct SearchSectionsTests {
    /// Every Markdown body of the sample project (content/), drafts too, rendered as the
    /// site renders it.
    @Test func everyBodyOfTheSampleProject() throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        let (raw, _) = try SiteLoader().load(folder)
        let (site, _) = SiteValidator(includeDrafts: true).validate(raw)
        let renderer = SiteRenderer(site: site, theme: Theme.load(overrides: [:]).0, asOf: Date())
        var bodies: [(root: String, body: MarkdownDocument?)] = site.articles.map { (SitePage.article($0.slug).root, $0.body) }
        bodies += site.issues.flatMap {
            [(SitePage.issue($0.id).root, $0.description), (SitePage.issue($0.id).root, $0.resolution)]
        }
        bodies += site.weeklyNotes.map { (SitePage.weekly($0.week).root, $0.body) }
        bodies += site.milestones.map { (SitePage.milestones.root, $0.description) }
        var compared = 0
        for (root, body) in bodies {
            guard let rendered = renderer.html(body, root: root)?.rendered else { continue }
            guard let sections = rendered.sections else {
                Issue.record("no sections from the tree:\n\(rendered.html)")
                continue
            }
            SectionReaderTests.expectEqual(sections, HTMLPage(html: rendered.html).sections, rendered.html)
            compared += 1
        }
        #expect(site.articles.count == 17 && site.weeklyNotes.count == 12 && site.issues.count == 72)
        #expect(compared == bodies.filter { $0.body != nil }.count)
    }
}
