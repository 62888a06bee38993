import DossierDiagnostics
import DossierFigures
import DossierHTML
import DossierMarkdown
import DossierModel
import DossierOutput
import DossierSearch
import DossierTemplates
import DossierUtilities
import Foundation

/// The render stage: every page of SPEC §2 from a checked site, its figures and a theme.
///
/// Rendering reads only its inputs, so the same records, theme and as-of moment give
/// byte-identical files. Pages are independent and render on all cores.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let theme: Theme
    public let asOf: Date
    let t: Localizer
    let timeline: IssueTimeline
    /// The dashboard's figures and each week's (see `weekFigures`), counted on first use:
    /// a rebuild that takes every page needing them from the previous output does not.
    private let figures: Once<Figures>
    struct Figures: Sendable {
        var dashboard: DashboardFigures
        var weeks: [ISOWeek: WeekFigures]
    }
    var dashboard: DashboardFigures { figures.value.dashboard }
    /// Articles by folder, weight and title; tags with their articles.
    let orderedArticles: [Article]
    let tagGroups: [String: (tag: String, articles: [Article])]
    /// Articles by folder, in handbook order; folders in order with their article counts.
    let articlesByFolder: [String: [Article]]
    let folderCounts: [(folder: String, count: Int)]
    /// The figures of each week that has a note, of the week before it, and of every week
    /// data/weeks.* lists (the dashboard's weeks), counted once for the report page, its
    /// mail version, the next week's changes and the export.
    var weekFigures: [ISOWeek: WeekFigures] { figures.value.weeks }
    /// The words a rendered Markdown body uses for its links and footnotes.
    let labels: AccessibleLabels
    /// What every page is made of: the site's words.
    let sharedKey: PageKey
    /// A digest of each template's text, by name: a page's key includes its template's
    /// and the layout's.
    let templateKeys: [String: PageKey]
    /// The issue list's number of pages (see `issueListPages(_:ignoresPages:)`), decided
    /// once rather than for every page rendered.
    let issueListPages: Int
    /// The site's own issues.mustache does not use `pagination`, so the list stays one page.
    public let issueTemplateIgnoresPages: Bool
    /// What every page may read, digested (see `inputs(_:page:)`); nil without a `recordsKey`.
    let sharedInputs: PageKey?

    /// With `recordsKey`, the digest of every record file's text but the articles' and of
    /// the build's options (as-of moment, view, history head), a page whose inputs the
    /// previous build recorded is taken without being planned (see `inputs(_:page:)`).
    public init(site: Site, theme: Theme, asOf: Date, recordsKey: PageKey? = nil) {
        self.site = site
        self.theme = theme
        self.asOf = asOf
        t = Localizer(language: site.settings.language, theme: theme)
        timeline = IssueTimeline(site: site)
        figures = Once {
            let dashboard = DashboardFigures(site: site, asOf: asOf)
            let weeks = Array(Set(site.weeklyNotes.flatMap { [$0.week, $0.week.previous] } + dashboard.weeks.map(\.week)))
            return Figures(
                dashboard: dashboard,
                weeks: Dictionary(uniqueKeysWithValues: zip(weeks, WeekFigures.all(site: site, weeks: weeks, asOf: asOf))))
        }
        orderedArticles = Self.handbookOrder(site.articles)
        tagGroups = Self.groupByTag(orderedArticles)
        let byFolder = Dictionary(grouping: orderedArticles, by: \.folder)
        articlesByFolder = byFolder
        folderCounts = byFolder.keys.sorted().map { ($0, byFolder[$0]!.count) }
        labels = AccessibleLabels(headingLink: t["heading_link"], footnoteBack: t["footnote_back"], footnotes: t["footnotes"])
        var shared = Digest()
        shared.add(context: t.strings)
        // Words said with a count, form by form: a site's override of one renders every page again.
        shared.add(
            context: t.words.plurals.mapValues { forms in
                Dictionary(uniqueKeysWithValues: forms.map { ($0.key.rawValue, $0.value) })
            })
        sharedKey = shared.key
        issueTemplateIgnoresPages = Self.issueTemplateIgnoresPages(site, theme: theme)
        issueListPages = Self.issueListPages(site, ignoresPages: issueTemplateIgnoresPages)
        let templateKeys = theme.texts.mapValues { text in
            var digest = Digest()
            digest.add(text)
            return digest.key
        }
        self.templateKeys = templateKeys
        sharedInputs = Self.sharedInputs(
            site: site, theme: theme, asOf: asOf, recordsKey: recordsKey, sharedKey: sharedKey, templateKeys: templateKeys)
    }

    /// The digest of template `name`'s text.
    func templateKey(_ name: String) -> PageKey { templateKeys[name] ?? PageKey(high: 0, low: 0) }

    /// What a page is made from.
    enum Job: Sendable {
        case dashboard
        /// The issue list's page at this index (0 is issues/index.html).
        case issueList(Int)
        case issue(Int)
        case weeklyIndex
        case weekly(Int)
        case email(Int)
        case handbookIndex
        case article(Int)
        case
            tag(String)
        case milestones, search
    }

    /// Renders the site in batches of pages, each batch on all cores, and hands each
    /// batch to `handle` in order: a large site is never held whole. While `handle`
    /// takes a batch (writing, link merging, cache encoding, on the calling thread), the
    /// next batch renders on the other cores, so no core waits for the serial steps; at
    /// most two batches are held at once.
    ///
    /// With `previous`, a page whose key is the one recorded there is not rendered: it
    /// comes as `.unchanged`, with the links and search entry recorded for it.
    ///
    /// With `exportsUnchanged` (the previous build's `inputsDigest` was this one's), the
    /// data exports come as `.unchanged`: they read nothing an article's body holds.
    ///
    /// With `searchMemo`, the search index keeps what did not change since the index
    /// made with the same memo (see `SearchIndex.Builder.files(memo:)`); when its postings
    /// are carried (that index is the one in `previous`'s output), a search file whose
    /// text is kept comes as `.unchanged`.
    ///
    /// Without `unchangedLinks` (the caller's link check carries the last build's links),
    /// a page taken from `previous` comes with empty links; with a carried `searchMemo`,
    /// without its search entry: neither is read from the cache.
    ///
    /// Returns the search index's size in bytes: its terms (meta.js and the term chunks)
    /// and the text of its documents (the document groups), kept or made again alike.
    @discardableResult
    public func render(
        batchSize: Int = 512, reusing previous: PageCache? = nil, exportsUnchanged: Bool = false,
        searchMemo: SearchMemo? = nil, unchangedLinks: Bool = true, _ handle: ([OutputFile]) throws -> Void
    ) rethrows -> (index: Int, text: Int) {
        var sizes = (index: 0, text: 0)
        let jobs = self.jobs
        let batches = stride(from: 0, to: jobs.count, by: batchSize).map { $0..<min(jobs.count, $0 + batchSize) }
        let paged = issueListPages > 1
        // serve's postings of the build before, when it made the same pages: only the
        // pages that changed are taken out (their entries as the previous page cache has
        // them) and put back.
        let order = searchOrder
        let carried = searchMemo?.lend(order: order)
        let carrying = carried != nil && previous != nil
        let parts = PageCache.Parts.all.subtracting(unchangedLinks ? [] : .links).subtracting(carrying ? .search : [])
        @Sendable func renderBatch(_ range: Range<Int>) -> [OutputFile] {
            Array(jobs[range]).parallelMap { job -> [OutputFile] in
                let page = self.page(of: job)
                // A paged issue list's page comes with its rows as a script (see `rowsScript`).
                let rows = paged ? Self.rowsScriptPath(of: page) : nil
                func unchanged(_ entry: PageCache.Entry, inputs: PageKey?) -> [OutputFile] {
                    var file = OutputFile(path: page.path, contents: .unchanged, template: entry.template)
                    file.key = entry.key
                    file.inputs = inputs
                    file.links = entry.links
                    file.searchDocument = entry.searchDocument
                    file.cacheEntry = entry.encoded
                    return [file] + (rows.map { [OutputFile(path: $0, contents: .unchanged)] } ?? [])
                }
                let inputs = inputs(job, page: page)
                if let inputs, let entry = previous?.entry(page.path, inputs: inputs, reading: parts) {
                    assert(key(plan(job)) == entry.key, "\(page.path): the same inputs, another plan")
                    var files = unchanged(entry, inputs: inputs)
                    files[0].planned = false
                    return files
                }
                let plan = plan(job)
                let key = key(plan)
                if let entry = previous?.entry(page.path, key: key, reading: parts) { return unchanged(entry, inputs: inputs) }
                var file = render(plan)
                file.key = key
                file.inputs = inputs
                guard let rows, case .text(let html) = file.contents else { return [file] }
                return [file, OutputFile(path: rows, contents: .text(Self.rowsScript(html)))]
            }.flatMap { $0 }
        }
        var pages: [String] = []
        var search = carrying ? carried! : SearchIndex.Builder(order: order, terms: searchMemo?.index.terms ?? 0)
        var rendered = batches.first.map(renderBatch) ?? []
        for index in batches.indices {
            let batch = rendered
            let next = RenderedBatch()
            let rendering = DispatchGroup()
            if index + 1 < batches.count {
                let range = batches[index + 1]
                DispatchQueue.global().async(group: rendering) { next.files = renderBatch(range) }
            }
            // The next batch reads only the renderer: wait for it even when `handle` throws.
            defer { rendering.wait() }
            pages += batch.map(\.path).filter { $0.hasSuffix(".html") && !$0.hasSuffix(".email.html") }
            for file in batch {
                guard carrying else {
                    if let entry = file.searchDocument { search.add(entry) }
                    continue
                }
                if case .unchanged = file.contents { continue }
                guard file.key != nil else { continue }
                let old = previous?.entry(at: file.path, reading: .search)?.searchDocument
                if let url = (file.searchDocument ?? old)?.url { search.replace(old, with: file.searchDocument, at: url) }
            }
            try handle(batch)
            rendering.wait()
            rendered = next.files
            releaseElsewhere(consume batch)
        }
        var files = theme.assets.keys.sorted().map { OutputFile(path: $0, contents: .text(theme.assets[$0]!)) }
        files += site.handbookFiles.map {
            OutputFile(path: "handbook/\($0)", contents: .copy(site.root.appendingPathComponent("content/handbook/\($0)")))
        }
        files.append(feed())
        if let sitemap = sitemap(pages: pages) { files.append(sitemap) }
        try handle(files)
        // The large files one group at a time, each let go once written, and the search
        // postings before the exports are made: a large site's search files (about 50 MB
        // at 50,000 issues) and issue exports (about 60 MB) are never held together.
        // A file kept from the memo's last index is the one the previous output holds when
        // the postings were carried: that index was made by the build committed there.
        let index = search.files(memo: searchMemo?.index).files
        for file in index {
            if file.path.hasPrefix("search/docs-") {
                sizes.text += file.text.utf8.count
            } else {
                sizes.index += file.text.utf8.count
            }
        }
        try handle(index.map { OutputFile(path: $0.path, contents: carrying && $0.kept ? .unchanged : .text($0.text)) })
        searchMemo?.filesKept = carrying ? index.count(where: \.kept) : 0
        releaseElsewhere(consume index)
        if let searchMemo {
            search.carry()
            searchMemo.hold(search)
        } else {
            releaseElsewhere(consume search)
        }
        if exportsUnchanged, sharedInputs != nil {
            try handle(Self.exportPaths.map { OutputFile(path: $0, contents: .unchanged) })
            return sizes
        }
        let issues = issueExports()
        assert(issues.map(\.path) == Array(Self.exportPaths.prefix(2)))
        try handle(issues)
        let others = weekExports() + milestoneExports()
        assert(others.map(\.path) == Array(Self.exportPaths.dropFirst(2)))
        try handle(others)
        return sizes
    }

    /// The data exports' paths, in the order they are made.
    static let exportPaths = [
        "data/issues.json", "data/issues.csv", "data/weeks.json", "data/weeks.csv", "data/milestones.json",
        "data/milestones.csv",
    ]

    /// What every page may read, as text (see `inputs(_:page:)`), for the build to record:
    /// the next build with the same takes the data exports as they are.
    public var inputsDigest: String? { sharedInputs?.description }

    /// Every page to render, in the order they are rendered.
    var jobs: [Job] {
        var jobs: [Job] = [.dashboard]
        jobs += (0..<issueListPages).map { .issueList($0) }
        jobs += [.weeklyIndex, .handbookIndex, .milestones, .search]
        jobs += site.issues.indices.map { .issue($0) }
        jobs += site.weeklyNotes.indices.flatMap { [Job.weekly($0), .email($0)] }
        jobs += site.articles.indices.map { .article($0) }
        jobs += tagGroups.keys.sorted().map { .tag($0) }
        return jobs
    }

    /// The number of files `render` hands in its batches of pages (the files after them
    /// are not counted): the pages, and a paged issue list's row scripts.
    public var pageCount: Int { jobs.count + (issueListPages > 1 ? issueListPages : 0) }

    func plan(_ job: Job) -> PagePlan {
        switch job {
        case .dashboard: return dashboardPage()
        case .issueList(let index): return issueListPage(index)
        case .issue(let i): return issuePage(site.issues[i])
        case .weeklyIndex: return weeklyIndexPage()
        case .weekly(let i): return weeklyPage(site.weeklyNotes[i], email: false)
        case .email(let i): return weeklyPage(site.weeklyNotes[i], email: true)
        case .handbookIndex: return handbookIndexPage()
        case .article(let i): return articlePage(site.articles[i])
        case .tag(let slug): return tagPage(slug)
        case .milestones: return milestonesPage()
        case .search: return searchPage()
        }
    }

    // MARK: Shared pieces

    /// The keys every template gets.
    func common(_ page: SitePage, id: String, title: String) -> [String: Any] {
        var siteInfo: [String: Any] = ["name": site.settings.name, "asOf": t.date(site.settings.clock.day(of: asOf))]
        if let client = site.settings.client, !client.isEmpty { siteInfo["client"] = client }
        if let view = site.view { siteInfo["view"] = view.name }
        let sections: [(SitePage, String)] = [
            (.dashboard, "nav_dashboard"), (.issueList, "nav_issues"), (.weeklyIndex, "nav_weekly"),
            (.handbookIndex, "nav_handbook"), (.milestones, "nav_milestones"), (.search, "nav_search"),
        ]
        let section = Self.section(of: page)
        let nav: [[String: Any]] = sections.map { target, key in
            var item: [String: Any] = ["href": page.root + target.path, "label": t[key]]
            if target == section { item["current"] = true }
            return item
        }
        return [
            "lang": site.settings.language, "root": page.root, "page": ["id": id, "title": title], "site": siteInfo,
            "t": t.strings, "ti": t.inlineStrings, "nav": nav,
        ]
    }

    static func section(of page: SitePage) -> SitePage {
        switch page {
        case .issue, .issueListPage: return .issueList
        case .weekly, .weeklyEmail: return .weeklyIndex
        case .article, .tag: return .handbookIndex
        default: return page
        }
    }

    /// A page through its template and the layout.
    func wrap(_ page: SitePage, id: String, template: String, title: String, _ own: [String: Any], scripts: [String] = [])
        -> PagePlan
    {
        var context = common(page, id: id, title: title)
        context.merge(own) { _, new in new }
        return PagePlan(page: page, template: template, context: context, scripts: scripts)
    }

    /// A record's Markdown for a page whose way back to the root is `root`, rendered
    /// with the page; its headings carry a link to themselves. `ids` names its ids on
    /// the page (see `FragmentIDs`): `.page` for the page's own text, a namespace for
    /// each of several fragments. Its links to its own headings go to their ids. With
    /// `base`, links to the site are absolute URIs under it instead.
    ///
    /// With `mailOf`, the Markdown goes into a mail made from that page: its headings get
    /// no `#` link, every element is styled inline (`MailHTML.inline`), and each link
    /// either works from a mail or is left out as text. With `base`, a link to the site
    /// is absolute under it, and one to a heading of the document goes to that heading
    /// on `mailOf`'s page; without, both become text (an image of the site its alt
    /// text). External links stay as written.
    func html(
        _ document: MarkdownDocument?, root: String, base: BaseURL? = nil, ids: FragmentIDs = .page, omittingTitle: Bool = false,
        mailOf mailPage: SitePage? = nil
    ) -> Markup? {
        guard let document else { return nil }
        let destinations = site.targets(of: document).map { target -> String? in
            if let mailPage {
                switch target {
                case .fragment(let anchor):
                    guard let base, let id = ids.id(forAnchor: anchor, in: document) else { return nil }
                    return base.address(of: mailPage.path, fragment: id)
                case .site:
                    return base.flatMap { target.href(under: $0) }
                case .external, .none:
                    return target.href(fromRoot: root)
                }
            }
            if case .fragment(let anchor) = target, let id = ids.id(forAnchor: anchor, in: document) {
                return LinkTarget.fragment(id).href(fromRoot: root)
            }
            return base.map { target.href(under: $0) } ?? target.href(fromRoot: root)
        }
        let mail = mailPage != nil
        return Markup(
            document: document, destinations: destinations, titles: site.referenceTitles(of: document),
            labels: mail ? AccessibleLabels(footnoteBack: labels.footnoteBack, footnotes: labels.footnotes) : labels, ids: ids,
            omittingTitle: omittingTitle, forMail: mail)
    }

    /// The link from `page` to `target`, its path percent-encoded where a file name
    /// holds `?`, `#`, `%`, `"` or a space (`handbook/faq/что-делать?.html`).
    func href(_ target: SitePage, from page: SitePage) -> String { page.root + LinkTarget.percentEncodePath(target.path) }

    func statusLabel(_ status: IssueStatus) -> String { t.label("status", status.rawValue) }
    func tierLabel(_ tier: Int?) -> String { t.tier(tier) }
    func categoryLabel(_ id: String?) -> String { t.category(id, settings: site.settings) }
    func person(_ written: String?) -> String? { written.map { site.team.displayName($0) } }
    func ragLabel(_ status: RAGStatus?) -> String { t.rag(status) }

    /// Drops nil values so templates can test for absence.
    func compact(_ dictionary: [String: Any?]) -> [String: Any] { dictionary.compactMapValues { $0 } }
}

/// A batch rendered on another thread, read once that thread is done (after its
/// DispatchGroup's wait, which orders the write before the read).
private final class RenderedBatch: @unchecked Sendable {
    var files: [OutputFile] = []
}

/// What a long-running process keeps of the last search index a renderer made, for the
/// next (see `SiteRenderer.render(searchMemo:)`): the terms' entries, and the postings of
/// the last committed build, carried to the next build of the same pages.
public final class SearchMemo: @unchecked Sendable {
    package let index = SearchIndex.Memo()
    private let lock = NSLock()
    /// The postings of the build whose pages' digest (its page cache's) is `pages`.
    private var carried: (pages: String, builder: SearchIndex.Builder)?
    /// The carried postings, for the build under way.
    private var lent: SearchIndex.Builder?
    /// The postings the build under way made, until it is committed.
    private var made: SearchIndex.Builder?
    private var lastCarried = false

    /// Terms whose entry the last index took from the memo, for tests.
    public var termsReused: Int { index.reused }

    /// Files of the last index taken from the previous output as they were, for tests.
    public var filesKept: Int {
        get {
            lock.lock()
            defer { lock.unlock() }
            return kept
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            kept = newValue
        }
    }
    private var kept = 0

    /// Whether the last index was made from the postings of the build before, with only
    /// the pages that changed taken out and put back.
    public var postingsCarried: Bool {
        lock.lock()
        defer { lock.unlock() }
        return lastCarried
    }

    public init() {}

    /// Before a build whose previous pages (those it reuses) have the digest `pages`:
    /// lends it the postings carried from the build that made them, if any.
    public func prepare(after pages: String?) {
        lock.lock()
        defer { lock.unlock() }
        lent = pages != nil && carried?.pages == pages ? carried?.builder : nil
        carried = nil
        made = nil
    }

    /// The lent postings, if they are of the pages of `order`.
    func lend(order: [String]) -> SearchIndex.Builder? {
        lock.lock()
        defer { lock.unlock() }
        let builder = lent
        lent = nil
        lastCarried = builder?.order == order
        return lastCarried ? builder : nil
    }

    func hold(_ builder: SearchIndex.Builder) {
        lock.lock()
        defer { lock.unlock() }
        made = builder
    }

    /// After the build under way: its postings are carried to the next build when it was
    /// committed with the pages' digest `pages`, and let go otherwise (nil).
    public func commit(pages: String?) {
        lock.lock()
        let builder = made
        made = nil
        carried = pages.flatMap { pages in builder.map { (pages, $0) } }
        lock.unlock()
        if pages == nil, let builder { releaseElsewhere(builder) }
    }
}
