import DossierDiagnostics
import DossierMarkdown
import DossierRecords
import Foundation

/// The validate stage: turns raw records into a `Site`, reporting every problem.
public struct SiteValidator: Sendable {
    /// Keep articles marked `draft: true` (`--drafts`).
    public var includeDrafts: Bool

    /// Bodies parsed by an earlier validation, taken when unchanged (`serve`).
    public var memo: DocumentMemo?

    public init(includeDrafts: Bool = false, memo: DocumentMemo? = nil) {
        self.includeDrafts = includeDrafts
        self.memo = memo
    }

    public func validate(_ raw: RawSite) -> (Site, DiagnosticList) {
        var diagnostics = DiagnosticList()
        var documents: [DocumentSource] = []
        let settings = ProjectSettingsReader.read(raw.project, siteName: raw.root.lastPathComponent, diagnostics: &diagnostics)
        let team = TeamReader.read(raw.team, settings: settings, diagnostics: &diagnostics)
        let (milestones, milestoneIDs, milestoneTitles) = MilestoneReader.read(
            raw.milestones, settings: settings, team: team, documents: &documents, diagnostics: &diagnostics)
        let milestoneLookup = MilestoneLookup(ids: milestoneIDs, titles: milestoneTitles)
        // The notes' bodies need only the settings: they parse on the other cores while
        // the problem list is read, which is one pass on this thread (8 % of a `build`'s
        // main thread at S).
        let bodies = ParsedBodies()
        let parsing = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: parsing) { [memo] in
            let options = MarkdownOptions(allowRawHTML: settings.allowRawHTML)
            bodies.weekly = NoteReader.parseBodies(raw.weekly, options: options, memo: memo)
            bodies.handbook = NoteReader.parseBodies(raw.handbook, options: options, memo: memo)
        }
        for (id, location) in settings.milestoneValueTargets where !milestoneIDs.contains(id) {
            diagnostics.append(.unknownMilestoneTarget(id, ids: milestoneIDs, hasFile: raw.milestones != nil, at: location))
        }
        // The problem list reads the files that are not Markdown (issues.csv, project.yml, the
        // team and the milestones) and nothing else: when none changed, an earlier read serves.
        let inputs = memo.map { _ in raw.sources.filter { !$0.key.hasSuffix(".md") } } ?? [:]
        let read: DocumentMemo.IssuesRead
        if let kept = memo?.issues(reading: inputs, site: raw.root.lastPathComponent) {
            read = kept
        } else {
            var issueDocuments: [DocumentSource] = []
            var issueDiagnostics = DiagnosticList()
            let (issues, ids) = IssueReader(
                settings: settings, team: team, milestones: milestoneLookup, hasMilestoneFile: raw.milestones != nil
            ).read(raw.issues, documents: &issueDocuments, diagnostics: &issueDiagnostics)
            read = DocumentMemo.IssuesRead(
                issues: issues, ids: ids, documents: issueDocuments, diagnostics: issueDiagnostics.items)
            memo?.keep(read, reading: inputs, site: raw.root.lastPathComponent)
        }
        let (issues, rowIDs) = (read.issues, read.ids)
        documents += read.documents
        diagnostics.append(contentsOf: read.diagnostics)

        let issueIDs = Set(issues.map(\.id))
        let notes = NoteReader(settings: settings, team: team, issueIDs: rowIDs, memo: memo)
        parsing.wait()
        let weekly = notes.readWeekly(raw.weekly, parsed: bodies.weekly, documents: &documents, diagnostics: &diagnostics)
        if settings.views.contains(where: { !$0.weekly.isEmpty }) {
            var sections: [String] = []
            var seen = Set<String>()
            for heading in weekly.flatMap(\.body.headings) where seen.insert(SiteView.foldSection(heading.text)).inserted {
                sections.append(heading.text)
            }
            let known = SiteView.noteKeys + SiteView.conventionalSections
            for name in known { seen.insert(SiteView.foldSection(name)) }
            for view in settings.views {
                for (name, location) in view.weekly where !seen.contains(SiteView.foldSection(name)) {
                    let conventional = SiteView.conventionalSections.filter { !sections.contains($0) }
                    diagnostics.append(
                        .unknownViewSection(name, sections: SiteView.noteKeys + sections + conventional, at: location))
                }
            }
        }
        let (articles, drafts) = notes.readArticles(
            raw.handbook, parsed: bodies.handbook, includeDrafts: includeDrafts, documents: &documents,
            diagnostics: &diagnostics)
        memo?.settle(keeping: Set((raw.weekly + raw.handbook).map(\.file)))

        // Files copied from handbook/ must not land where a page is written.
        let pages = Set(articles.map { SitePage.article($0.slug).path })
        for file in raw.handbookFiles {
            let path = "handbook/" + file
            let lowered = path.lowercased()
            let onTagPage = lowered.hasPrefix("handbook/tags/") && (lowered.hasSuffix(".html") || lowered.hasSuffix(".htm"))
            if lowered == SitePage.handbookIndex.path || onTagPage || pages.contains(lowered) {
                diagnostics.append(.handbookFileOnPage("content/" + path, page: lowered))
            }
        }
        var resolver = LinkResolver(
            articles: Dictionary(articles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
            drafts: drafts, issueIDs: issueIDs, invalidIssueIDs: rowIDs.subtracting(issueIDs),
            weeks: Dictionary(weekly.map { ($0.week.description, $0) }, uniquingKeysWith: { first, _ in first }),
            milestoneIDs: Set(milestones.map(\.id)), files: Set(raw.handbookFiles.map { "handbook/\($0)" }))
        if settings.allowRawHTML {
            resolver.rawHTMLLinks = RawHTMLLinks(
                sitePaths: Self.sitePaths(
                    issues: issueIDs, weeks: weekly.map(\.week), articles: articles, handbookFiles: raw.handbookFiles,
                    sitemap: settings.baseURL != nil),
                articleAnchors: Dictionary(
                    articles.map { (SitePage.article($0.slug).path, Set($0.body.headings.map(\.anchor))) },
                    uniquingKeysWith: { first, _ in first }))
        }
        var (targets, backlinks) = resolver.resolve(documents, diagnostics: &diagnostics, memo: memo)
        for source in documents {
            for problem in source.document.emphasisProblems {
                diagnostics.append(
                    .emphasisNotFormatted(problem, rawHTML: settings.allowRawHTML, at: source.location(problem.position)))
            }
        }

        // An article's `issues:` list links it to those issues both ways.
        for article in articles {
            for id in article.issues where issueIDs.contains(id) {
                backlinks[.issue(id), default: []].insert(PageReference(page: .article(article.slug), title: article.title))
            }
        }
        let site = Site(
            root: raw.root, settings: settings, team: team, issues: issues, milestones: milestones, weeklyNotes: weekly,
            articles: articles.sorted { $0.slug < $1.slug }, handbookFiles: raw.handbookFiles,
            invalidIssueIDs: rowIDs.subtracting(issueIDs),
            backlinks: backlinks.mapValues { $0.sorted() }, linkTargets: targets)
        if raw.projectUnreadable {
            // Checked against default settings, the other records would report what
            // project.yml would have said (its column names, category labels, encodings)
            // as mistakes of their own: only project.yml's problems are reported, until it reads.
            diagnostics = DiagnosticList(diagnostics.items.filter { $0.location.file == "content/project.yml" })
        }
        return (site, diagnostics)
    }

    /// The files the site will have, relative to its root, but for the theme's assets
    /// and the search index: what a link in raw HTML may point to.
    static func sitePaths(issues: Set<String>, weeks: [ISOWeek], articles: [Article], handbookFiles: [String], sitemap: Bool)
        -> Set<String>
    {
        var paths = Set(
            [SitePage.dashboard, .issueList, .weeklyIndex, .handbookIndex, .milestones, .search].map(\.path)
                + ["feed.xml", "data/issues.json", "data/issues.csv"])
        if sitemap { paths.insert("sitemap.xml") }
        paths.formUnion(issues.map { SitePage.issue($0).path })
        for week in weeks { paths.formUnion([SitePage.weekly(week).path, SitePage.weeklyEmail(week).path]) }
        for article in articles {
            paths.insert(SitePage.article(article.slug).path)
            paths.formUnion(article.tags.map { SitePage.tag(SitePage.tagSlug($0)).path })
        }
        paths.formUnion(handbookFiles.map { "handbook/" + $0 })
        return paths
    }
}

/// The notes' bodies as parsed on another thread; read once the parse is waited for.
private final class ParsedBodies: @unchecked Sendable {
    var weekly: [MarkdownDocument] = []
    var handbook: [MarkdownDocument] = []
}
