import DossierDiagnostics
import DossierMarkdown
import DossierUtilities
import Foundation

/// Resolves and checks every `[[…]]` reference and relative link of the records
/// (SPEC §1.6), and records who links to whom for "referenced by".
struct LinkResolver {
    let articles: [String: Article]
    /// Slugs of drafts left out of this build.
    let drafts: Set<String>
    let issueIDs: Set<String>
    /// Issues whose rows have other mistakes (already reported): links to them are
    /// dropped without a second report.
    let invalidIssueIDs: Set<String>
    let weeks: [String: WeeklyNote]
    /// Milestone ids, for `[[M3]]`.
    let milestoneIDs: Set<String>
    /// Checks links inside raw HTML (`markdown.unsafe_html`); nil when none is to be checked.
    var rawHTMLLinks: RawHTMLLinks?
    /// Other files under handbook/, relative to content/.
    let files: Set<String>
    /// The folders (of slugs) that hold articles.
    private let articleFolders: Set<String>
    /// Article slugs and issue ids, sorted, for "did you mean".
    private let referenceNames: [String]
    /// "Did you mean" compares with every name: after this many, the rest of the broken
    /// references of a run are reported without one, so a large broken list stays linear.
    static let suggestionLimit = 200

    init(
        articles: [String: Article], drafts: Set<String>, issueIDs: Set<String>, invalidIssueIDs: Set<String>,
        weeks: [String: WeeklyNote], milestoneIDs: Set<String> = [], files: Set<String>
    ) {
        self.articles = articles
        self.drafts = drafts
        self.issueIDs = issueIDs
        self.invalidIssueIDs = invalidIssueIDs
        self.weeks = weeks
        self.milestoneIDs = milestoneIDs
        self.files = files
        articleFolders = Set(articles.values.map(\.folder))
        referenceNames = (Array(articles.keys) + Array(issueIDs) + Array(milestoneIDs)).sorted()
    }

    ///
    /// With `memo` (`serve`), a document resolved in the last build without a diagnostic,
    /// the same document (the same parsed object, from the same place) in the same
    /// `World`, is not resolved again: its targets and backlinks are as they were.
    func resolve(_ sources: [DocumentSource], diagnostics: inout DiagnosticList, memo: DocumentMemo? = nil)
        -> (targets: [ObjectIdentifier: [LinkTarget]], backlinks: [SitePage: Set<PageReference>])
    {
        var targets: [ObjectIdentifier: [LinkTarget]] = [:]
        var backlinks: [SitePage: Set<PageReference>] = [:]
        var suggestionsLeft = Self.suggestionLimit
        // Links in raw HTML are checked against every page of the site: not kept.
        let world = memo != nil && rawHTMLLinks == nil ? self.world : nil
        let kept = world.flatMap { memo?.resolutions(in: $0) } ?? [:]
        var keeping: [ObjectIdentifier: Resolution] = [:]
        if world != nil { keeping.reserveCapacity(sources.count) }
        var reused = 0
        for source in sources {
            let id = ObjectIdentifier(source.document)
            if let resolution = kept[id], resolution.source.isSame(as: source) {
                targets[id] = resolution.targets
                for (page, reference) in resolution.backlinks { backlinks[page, default: []].insert(reference) }
                keeping[id] = resolution
                reused += 1
                continue
            }
            let problems = diagnostics.items.count
            var resolved: [LinkTarget] = []
            var linking: [(SitePage, PageReference)] = []
            for link in source.document.links {
                let location = source.location(link.position)
                let (target, page) = resolve(
                    link, in: source, at: location, suggestionsLeft: &suggestionsLeft, diagnostics: &diagnostics)
                resolved.append(target)
                // Only what a page shows: an article lists every page linking to it; an
                // issue lists the articles that answer it.
                if let page, page != source.page, Self.isArticle(page) || Self.isArticle(source.page) {
                    let reference = PageReference(page: source.page, title: source.displayTitle)
                    backlinks[page, default: []].insert(reference)
                    linking.append((page, reference))
                }
            }
            targets[id] = resolved
            rawHTMLLinks?.check(source, diagnostics: &diagnostics)
            // A document with a problem is resolved again each time: its report may depend
            // on the others' (the "did you mean" budget).
            if world != nil, diagnostics.items.count == problems {
                keeping[id] = Resolution(source: source, targets: resolved, backlinks: linking)
            }
        }
        if let world { memo?.keep(keeping, in: world, reused: reused) }
        return (targets, backlinks)
    }

    /// A document's links as resolved, with the document, for `DocumentMemo`.
    struct Resolution {
        let source: DocumentSource
        let targets: [LinkTarget]
        let backlinks: [(SitePage, PageReference)]
    }

    /// Everything a document's links are resolved against: the articles (path, file,
    /// folder and heading anchors by slug), the weekly notes' anchors by week, the drafts,
    /// the issue, row and milestone ids and the handbook's other files.
    struct World: Equatable {
        var articles: [String: [String]]
        var weeks: [String: [String]]
        var drafts: Set<String>
        var issueIDs: Set<String>
        var invalidIssueIDs: Set<String>
        var milestoneIDs: Set<String>
        var files: Set<String>
    }

    var world: World {
        World(
            articles: articles.mapValues { [$0.path, $0.file, $0.folder] + $0.body.headings.map(\.anchor) },
            weeks: weeks.mapValues { $0.body.headings.map(\.anchor) }, drafts: drafts, issueIDs: issueIDs,
            invalidIssueIDs: invalidIssueIDs, milestoneIDs: milestoneIDs, files: files)
    }

    private func resolve(
        _ link: MarkdownLink, in source: DocumentSource, at location: SourceLocation, suggestionsLeft: inout Int,
        diagnostics: inout DiagnosticList
    ) -> (LinkTarget, SitePage?) {
        switch link.kind {
        case .reference:
            return resolveReference(link.destination, at: location, suggestionsLeft: &suggestionsLeft, diagnostics: &diagnostics)
        case .link, .image:
            return resolveLink(link.destination, in: source, at: location, diagnostics: &diagnostics)
        }
    }

    private func resolveReference(
        _ target: String, at location: SourceLocation, suggestionsLeft: inout Int, diagnostics: inout DiagnosticList
    ) -> (LinkTarget, SitePage?) {
        var path = target
        var fragment: String?
        let scalars = target.unicodeScalars
        // The code point `#` (`#` and U+FE0F are one Character) starts an anchor, unless the
        // whole target is an article whose name holds a `#` (`[[c#/notes]]`).
        let whole = target.hasPrefix("/") ? String(target.dropFirst()) : target
        if let hash = scalars.firstIndex(of: "#"),
            articles[Article.slug(for: whole.hasSuffix(".md") ? String(whole.dropLast(3)) : whole)] == nil
        {
            fragment = String(scalars[scalars.index(after: hash)...])
            path = String(scalars[..<hash])
        }
        if path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix(".md") { path.removeLast(3) }
        let slug = Article.slug(for: path)
        let article = articles[slug]
        let isIssue = issueIDs.contains(path)
        let isMilestone = milestoneIDs.contains(path)
        if article == nil, !isMilestone, invalidIssueIDs.contains(path) { return (.none, nil) }
        var kinds: [Message] = []
        if let article { kinds.append(Message("reference.kind-article", ["file": .value(article.file)])) }
        if isIssue { kinds.append(Message("reference.kind-issue")) }
        if isMilestone { kinds.append(Message("reference.kind-milestone")) }
        if kinds.count > 1 {
            diagnostics.append(.ambiguousReference(path, kinds: kinds, at: location))
            return (.none, nil)
        }
        if let fragment, article == nil, isIssue || isMilestone {
            diagnostics.append(.referenceAnchorOutsideArticle(path, fragment: fragment, at: location))
            return (.none, nil)
        }
        switch (article, isIssue, isMilestone) {
        case (.some(let article), _, _):
            let page = SitePage.article(article.slug)
            checkAnchor(fragment, in: article.body, named: article.path, at: location, diagnostics: &diagnostics)
            return (.site(path: page.path, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 }), page)
        case (.none, true, _):
            let page = SitePage.issue(path)
            return (.site(path: page.path, fragment: nil), page)
        case (.none, false, true):
            return (.site(path: SitePage.milestones.path, fragment: Milestone.anchor(for: path)), .milestones)
        case (.none, false, false):
            var names: [String]?
            if suggestionsLeft > 0 {
                suggestionsLeft -= 1
                names = referenceNames
            }
            diagnostics.append(.brokenReference(path, draft: drafts.contains(slug), slug: slug, names: names, at: location))
            return (.none, nil)
        }
    }

    private func resolveLink(
        _ destination: String, in source: DocumentSource, at location: SourceLocation, diagnostics: inout DiagnosticList
    ) -> (LinkTarget, SitePage?) {
        if destination.isEmpty || destination == "#" {
            diagnostics.append(.emptyLinkTarget(destination, at: location))
            return (.none, nil)
        }
        if let scheme = URLSafety.scheme(of: destination) {
            guard URLSafety.allowedSchemes.contains(scheme) else {
                diagnostics.append(.unsafeLinkScheme(scheme, at: location))
                return (.none, nil)
            }
            return (.external(destination), nil)
        }
        if destination.hasPrefix("//") { return (.external(destination), nil) }

        let (pathPart, fragment) = Self.split(destination)

        if pathPart.isEmpty {
            guard let fragment else { return (.none, nil) }
            if !source.document.headings.contains(where: { $0.anchor == fragment }) {
                diagnostics.append(
                    .brokenAnchor(fragment, in: nil, candidates: source.document.headings.map(\.anchor), at: location))
            }
            return (.fragment(fragment), nil)
        }
        if pathPart.hasPrefix("/") {
            diagnostics.append(.serverRootLink(destination, at: location))
            return (.none, nil)
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        guard let path = RelativePath.normalize(source.baseFolder, decoded) else {
            diagnostics.append(.linkOutsideContent(destination, at: location))
            return (.none, nil)
        }

        if path.hasSuffix(".md") {
            let stem = String(path.dropLast(3))
            if stem.hasPrefix("handbook/") {
                let slug = Article.slug(for: String(stem.dropFirst("handbook/".count)))
                if let article = articles[slug] {
                    let page = SitePage.article(slug)
                    checkAnchor(fragment, in: article.body, named: article.path, at: location, diagnostics: &diagnostics)
                    return (.site(path: page.path, fragment: fragment), page)
                }
                diagnostics.append(.missingArticleLink(destination, path: path, draft: drafts.contains(slug), at: location))
                return (.none, nil)
            }
            if stem.hasPrefix("weekly/"), let note = weeks[String(stem.dropFirst("weekly/".count))] {
                let page = SitePage.weekly(note.week)
                checkAnchor(fragment, in: note.body, named: note.week.description, at: location, diagnostics: &diagnostics)
                return (.site(path: page.path, fragment: fragment), page)
            }
            diagnostics.append(.missingRecordLink(destination, path: path, at: location))
            return (.none, nil)
        }
        if files.contains(path) {
            return (.site(path: path, fragment: fragment), nil)
        }
        if let anchor = folderAnchor(path) {
            return (.site(path: SitePage.handbookIndex.path, fragment: anchor.isEmpty ? nil : anchor), .handbookIndex)
        }
        diagnostics.append(.missingFileLink(destination, path: path, at: location))
        return (.none, nil)
    }

    /// The handbook index's section for a link to a folder under handbook/ (`../审批/`):
    /// the folder's own, or the first folder under it that holds articles; "" for the
    /// handbook's own folder (the index's top); nil when no article is at or under it.
    private func folderAnchor(_ path: String) -> String? {
        guard path == "handbook" || path.hasPrefix("handbook/") else { return nil }
        if path == "handbook" { return articles.isEmpty ? nil : "" }
        let folder = Article.slug(for: String(path.dropFirst("handbook/".count)))
        return articleFolders.filter { $0 == folder || $0.hasPrefix(folder + "/") }.min().map(Article.folderAnchor)
    }

    private func checkAnchor(
        _ fragment: String?, in document: MarkdownDocument, named: String, at location: SourceLocation,
        diagnostics: inout DiagnosticList
    ) {
        guard let fragment, !fragment.isEmpty else { return }
        if !document.headings.contains(where: { $0.anchor == fragment }) {
            diagnostics.append(.brokenAnchor(fragment, in: named, candidates: document.headings.map(\.anchor), at: location))
        }
    }

    static func isArticle(_ page: SitePage) -> Bool {
        if case .article = page { return true }
        return false
    }

    /// A relative URL's path, without its query, and its fragment, percent-decoded (nil
    /// when there is no `#`).
    /// Cut at the code point `#` (see `URLParts`): `#` followed by U+FE0F is one Swift
    /// `Character`, but browsers cut there.
    static func split(_ url: String) -> (path: String, fragment: String?) {
        let parts = URLParts(url)
        return (parts.path, parts.fragment.flatMap { $0.removingPercentEncoding })
    }
}
