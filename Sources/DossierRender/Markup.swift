import DossierDiagnostics
import DossierMarkdown
import Mustache

/// A record's Markdown on a page, rendered only when the page is: a page's key is made
/// from the Markdown and its link targets, so an unchanged page is never rendered.
///
/// Templates see it as its HTML (`{{{bodyHTML}}}`); it is rendered once however often
/// the template writes it. Made and used on the one core rendering its page.
final class Markup: MustacheCustomRenderable {
    let document: MarkdownDocument
    let destinations: [String?]
    let titles: [String?]
    let labels: AccessibleLabels
    /// How its ids are named on the page.
    let ids: FragmentIDs
    /// Leave out the opening `# Title`, which the page shows as its own `<h1>`.
    let omittingTitle: Bool

    init(
        document: MarkdownDocument, destinations: [String?], titles: [String?], labels: AccessibleLabels, ids: FragmentIDs,
        omittingTitle: Bool = false
    ) {
        self.document = document
        self.destinations = destinations
        self.titles = titles
        self.labels = labels
        self.ids = ids
        self.omittingTitle = omittingTitle
    }

    /// The HTML, with the text for search read from the same rendering.
    private(set) lazy var rendered: RenderedMarkdown = document.renderWithSections(
        destinations: destinations, titles: titles, labels: labels, ids: ids, omittingTitle: omittingTitle)

    var html: String { rendered.html }
    var renderText: String { html }
    var isNull: Bool { false }

    /// What the HTML depends on.
    func digest(into digest: inout Digest) {
        digest.add(document.source)
        digest.add(document.options.allowRawHTML ? "raw" : "safe")
        digest.add(UInt64(destinations.count))
        for destination in destinations { digest.add(destination) }
        digest.add(UInt64(titles.count))
        for title in titles { digest.add(title) }
        digest.add(labels.headingLink)
        digest.add(labels.footnoteBack)
        digest.add(labels.footnotes)
        digest.add(ids.namespace ?? ":page")
        digest.add(omittingTitle ? "untitled" : "titled")
    }
}
