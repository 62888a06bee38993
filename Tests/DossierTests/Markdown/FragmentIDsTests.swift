import Testing

@testable import DossierMarkdown

/// The ids a fragment's headings and footnotes get on its page (see `FragmentIDs`).
@Suite struct FragmentIDsTests {
    static func ids(_ html: String) -> [String] {
        html.matches(of: #/\sid="([^"]*)"/#.matchingSemantics(.unicodeScalar)).map { String($0.1) }
    }

    static func links(_ html: String) -> [String] {
        html.matches(of: #/\shref="#([^"]*)"/#.matchingSemantics(.unicodeScalar)).map { String($0.1) }
    }

    @Test func thePagesOwnTextKeepsGitHubsAnchors() {
        let document = MarkdownDocument("## Main\n\n## 🎉\n\n## 🎉\n\n## fn-1\n\nA note[^1].\n\n[^1]: One.\n")
        let html = document.renderAsWritten()
        // The heading GitHub leaves without an anchor gets one by its place; footnotes
        // hold a `:`, so `## fn-1` keeps its own.
        #expect(Self.ids(html) == ["main", "heading:2", "-1", "fn-1", "fnref:1", "fn:1"])
        #expect(Self.links(html) == ["fn:1", "fnref:1"])
    }

    @Test func footnotesAreNumberedAsShownWhateverTheirLabels() {
        // cmark-gfm writes fnref-1-2 twice here: for the second citation of [^1] and
        // the first of [^1-2].
        let source = "A[^1] b[^1] c[^note] d[^1-2]\n\n[^1]: one\n[^note]: two [^1]\n[^1-2]: three\n"
        let html = MarkdownDocument(source).renderAsWritten()
        #expect(Self.ids(html) == ["fnref:1", "fnref:1:2", "fnref:2", "fnref:3", "fn:1", "fn:2", "fnref:1:3", "fn:3"])
        #expect(
            Self.links(html) == [
                "fn:1", "fn:1", "fn:2", "fn:3", "fnref:1", "fnref:1:2", "fnref:1:3", "fn:1", "fnref:2", "fnref:3",
            ])
    }

    @Test func aNamespacedFragmentPrefixesEveryId() {
        let document = MarkdownDocument("## Steps\n\n## 🎉\n\nSee [steps](#steps)[^a].\n\n[^a]: Note.\n")
        let ids = FragmentIDs.namespaced("resolution")
        let destinations = document.links.map { link in
            link.destination.hasPrefix("#")
                ? "#" + (ids.id(forAnchor: String(link.destination.dropFirst()), in: document) ?? "") : link.destination
        }
        let html = document.render(destinations: destinations, ids: ids)
        #expect(Self.ids(html) == ["resolution:steps", "resolution:heading:2", "resolution:fnref:1", "resolution:fn:1"])
        #expect(Self.links(html) == ["resolution:steps", "resolution:fn:1", "resolution:fnref:1"])
        #expect(ids.headingIDs(of: document) == ["resolution:steps", "resolution:heading:2"])
    }

    @Test func sectionsCarryTheIdsOfTheHeadings() {
        let document = MarkdownDocument("Intro\n\n## Steps\n\nText.\n")
        let rendered = document.renderWithSections(destinations: [], ids: .namespaced("description"))
        #expect(rendered.sections?.map(\.anchor) == ["", "description:steps"])
    }
}
