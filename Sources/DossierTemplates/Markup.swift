import DossierDiagnostics
import DossierHTML
import DossierMarkdown
import Mustache

/// A record's Markdown on a page, rendered only when the page is: a page's key is made
/// from the Markdown and its link targets, so an unchanged page is never rendered.
///
/// Templates see it as its HTML (`{{{bodyHTML}}}`); it is rendered once however often
/// the template writes it. Made and used on the one core rendering its page.
package final class Markup: MustacheCustomRenderable {
    package let document: MarkdownDocument
    package let destinations: [String?]
    package let titles: [String?]
    package let labels: AccessibleLabels
    /// How its ids are named on the page.
    package let ids: FragmentIDs
    /// Leave out the opening `# Title`, which the page shows as its own `<h1>`.
    package let omittingTitle: Bool
    /// For a mail: every element styled inline, no classes or ids (see `MailHTML.inline`).
    package let forMail: Bool

    package init(
        document: MarkdownDocument, destinations: [String?], titles: [String?], labels: AccessibleLabels, ids: FragmentIDs,
        omittingTitle: Bool = false, forMail: Bool = false
    ) {
        self.document = document
        self.destinations = destinations
        self.titles = titles
        self.labels = labels
        self.ids = ids
        self.omittingTitle = omittingTitle
        self.forMail = forMail
    }

    /// The HTML, with the text for search read from the same rendering.
    package private(set) lazy var rendered: RenderedMarkdown = document.renderWithSections(
        destinations: destinations, titles: titles, labels: labels, ids: ids, omittingTitle: omittingTitle)

    package private(set) lazy var html: String = forMail ? MailHTML.inline(rendered.html) : rendered.html
    package var renderText: String { html }
    package var isNull: Bool { false }
}
