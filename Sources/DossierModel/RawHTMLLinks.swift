import DossierDiagnostics
import DossierHTML
import DossierMarkdown
import DossierUtilities
import Foundation

/// The links inside raw HTML that `markdown.unsafe_html` passes to a page, checked as the
/// final page's link check would check them, so `check` finds what `build` would refuse.
///
/// Raw HTML reaches the page as written: its `href` and `src` are not rewritten the way
/// Markdown links are, so they are resolved from the page's own place in the site
/// (`handbook/setup/login.html`), not from the record's folder.
struct RawHTMLLinks {
    /// Every file the site will have, relative to its root; `assets/` and `search/` hold
    /// the theme's and the search index's files, which are not listed.
    let sitePaths: Set<String>
    /// The headings of each article's page, by page path, for `page.html#anchor`.
    let articleAnchors: [String: Set<String>]

    static let unlistedFolders = ["assets/", "search/"]

    func check(_ source: DocumentSource, diagnostics: inout DiagnosticList) {
        let document = source.document
        guard !document.rawHTML.isEmpty else { return }
        let pages = document.rawHTML.map { HTMLPage(html: $0.text, collectingText: false) }
        // Ids the page will have from this document: its headings and the raw HTML's own.
        var ids = Set(document.headings.map(\.anchor))
        for page in pages { ids.formUnion(page.anchors) }
        let folder = (source.page.path as NSString).deletingLastPathComponent
        for (raw, page) in zip(document.rawHTML, pages) {
            for reference in page.references {
                let value = reference.value
                let location = source.location(raw.position(of: value) ?? raw.start)
                if let problem = problem(with: value, from: folder, ids: ids) {
                    diagnostics.append(problem(location))
                }
            }
        }
    }

    /// What is wrong with `value` as a link of a page in `folder`, as a diagnostic at a
    /// location; nil when it is fine.
    private func problem(with value: String, from folder: String, ids: Set<String>) -> ((SourceLocation) -> Diagnostic)? {
        if let scheme = URLSafety.scheme(of: value) {
            return URLSafety.allowedSchemes.contains(scheme) ? nil : { .rawHTMLUnsafeLink(scheme, at: $0) }
        }
        if value.hasPrefix("//") || value.isEmpty { return nil }
        let (pathPart, fragment) = LinkResolver.split(value)
        if pathPart.isEmpty {
            guard let fragment, !fragment.isEmpty, !ids.contains(fragment) else { return nil }
            return { .rawHTMLBrokenAnchor(fragment, candidates: ids.sorted(), at: $0) }
        }
        if pathPart.hasPrefix("/") { return { .rawHTMLServerRoot(value, at: $0) } }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        guard var path = RelativePath.normalize(folder, decoded) else { return { .rawHTMLOutsideSite(value, at: $0) } }
        if decoded.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        if Self.unlistedFolders.contains(where: { path.hasPrefix($0) }) { return nil }
        guard sitePaths.contains(path) else {
            return { .rawHTMLMissingPage(value, path: path, markdownSource: decoded.hasSuffix(".md"), at: $0) }
        }
        if let fragment, !fragment.isEmpty, let anchors = articleAnchors[path], !anchors.contains(fragment) {
            return { .rawHTMLBrokenAnchor(fragment, candidates: anchors.sorted(), at: $0) }
        }
        return nil
    }
}
