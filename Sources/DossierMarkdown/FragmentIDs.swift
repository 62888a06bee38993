/// The ids a Markdown fragment gets on its page, so that every id on a page is non-empty
/// and unique however many fragments the page shows.
///
/// The rules rest on one fact: a GitHub anchor never holds a `:` (github-slugger drops
/// it, see `HeadingSlugger`). So every id Dossier makes that is not a GitHub anchor holds
/// one, and cannot meet a heading's:
/// - The page's own text (an article's body, a weekly note's body; `FragmentIDs.page`):
///   a heading's id is its GitHub anchor, exactly, so links written on a git host land.
///   The heading whose GitHub anchor is empty (`## 🎉`; GitHub writes `id=""`) gets
///   `heading:N`, N its 1-based place among the fragment's headings. Footnotes are
///   numbered as they are shown: note N is `fn:N`, its K-th citation `fnref:N` (K = 1)
///   or `fnref:N:K`, whatever the labels (cmark-gfm's own `fn-label` ids meet headings
///   such as `## fn-1`, and meet each other: `[^1-2]` against the second `[^1]`).
/// - Each of several fragments on one page (an issue's description and resolution, each
///   milestone's description): a namespace, with `:`, before each of those ids:
///   `resolution:steps`, `resolution:fn:1`, `milestone-M3:heading:2`. Namespaces hold no
///   `:`, so two fragments' ids never meet.
/// - The templates' own ids on pages with a `page` fragment hold a `:` too (`page:main`,
///   see docs/theme.md), and no namespace is `page`, `heading`, `fn` or `fnref`.
///
/// Links inside a fragment are written as GitHub anchors (`#steps`) and checked against
/// them; `id(forAnchor:in:)` gives the id they are rewritten to.
public struct FragmentIDs: Sendable, Hashable {
    /// Nil for the page's own text.
    public let namespace: String?

    /// The page's own text: headings keep their GitHub anchors.
    public static let page = FragmentIDs(namespace: nil)

    /// One of several fragments of a page. `name` must be non-empty, hold no `:` and not
    /// be `page`, `heading`, `fn` or `fnref`.
    public static func namespaced(_ name: String) -> FragmentIDs {
        precondition(!name.isEmpty && !name.contains(":") && !reserved.contains(name), "a namespace of ids: \(name)")
        return FragmentIDs(namespace: name)
    }

    /// First parts of ids that only Dossier's own ids have.
    static let reserved: Set<String> = ["page", "heading", "fn", "fnref"]

    private init(namespace: String?) { self.namespace = namespace }

    /// The id of a heading, from its GitHub anchor and its 1-based place among the
    /// fragment's headings.
    public func heading(anchor: String, position: Int) -> String {
        prefixed(anchor.isEmpty ? "heading:\(position)" : anchor)
    }

    /// The id of footnote `number` (1-based, as shown).
    public func footnote(_ number: Int) -> String { prefixed("fn:\(number)") }

    /// The id of the `citation`-th (1-based) place that cites footnote `number`.
    public func footnoteReference(_ number: Int, citation: Int) -> String {
        prefixed(citation == 1 ? "fnref:\(number)" : "fnref:\(number):\(citation)")
    }

    /// The id of each heading of `document`, in order.
    public func headingIDs(of document: MarkdownDocument) -> [String] {
        document.headings.enumerated().map { heading(anchor: $1.anchor, position: $0 + 1) }
    }

    /// The id on the page of the heading of `document` whose GitHub anchor is `anchor`;
    /// nil when it has none.
    public func id(forAnchor anchor: String, in document: MarkdownDocument) -> String? {
        guard !anchor.isEmpty, let index = document.headings.firstIndex(where: { $0.anchor == anchor }) else { return nil }
        return heading(anchor: anchor, position: index + 1)
    }

    private func prefixed(_ id: String) -> String {
        namespace.map { $0 + ":" + id } ?? id
    }
}
