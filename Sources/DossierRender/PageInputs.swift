import DossierMarkdown
import DossierModel
import DossierOutput
import DossierTemplates
import DossierUtilities
import Foundation

/// A page's inputs: a digest of what its plan reads, made without planning it.
///
/// A page's key (`PagePlan` digested) tells whether its bytes would change, but making
/// it means building the page's whole context. Most edits touch one article, and an
/// article's body is read by its own page only (others read its title, folder and
/// tags, and whether it links to them). So each page's inputs are:
///
/// - what every page may read (`sharedInputs`): the records other than the articles'
///   bodies (every record file's text but the articles', as read, with the build's
///   options: the as-of moment, the view and the history's head), the articles' front
///   matter and place (all but their bodies), the link targets of the documents that
///   are not articles, the theme's templates, words and assets, and what a view hides;
/// - the page's own: its path and the pages that link to it and, for an article, its
///   body as the page renders it (its source and its links' destinations).
///
/// The same inputs give the same plan, so a page whose inputs the previous build
/// recorded takes that build's key and file without being planned. In debug builds the
/// plan is made anyway and its key compared, so every test checks the rule.
extension SiteRenderer {
    /// What every page may read, digested; nil when the caller gave no `recordsKey`.
    static func sharedInputs(
        site: Site, theme: Theme, asOf: Date, recordsKey: PageKey?, sharedKey: PageKey, templateKeys: [String: PageKey]
    ) -> PageKey? {
        guard let recordsKey else { return nil }
        var digest = Digest()
        digest.add("inputs 1")
        for key in [recordsKey, sharedKey] {
            digest.add(key.high)
            digest.add(key.low)
        }
        for name in templateKeys.keys.sorted() {
            digest.add(name)
            digest.add(templateKeys[name]!.high)
            digest.add(templateKeys[name]!.low)
        }
        for name in theme.assets.keys.sorted() {
            digest.add(name)
            digest.add(theme.assets[name]!)
        }
        digest.add(asOf.timeIntervalSince1970.bitPattern)
        digest.add(UInt64(site.articles.count))
        for article in site.articles {
            digest.add(article.path)
            digest.add(article.slug)
            digest.add(article.title)
            digest.add(UInt64(article.tags.count))
            for tag in article.tags { digest.add(tag) }
            digest.add(article.audience.rawValue)
            digest.add(article.owner)
            digest.add(article.updated?.description)
            digest.add(UInt64(article.issues.count))
            for id in article.issues { digest.add(id) }
            digest.add(article.weight.map { String($0) })
            digest.add(article.draft ? "draft" : "published")
            digest.add(article.file)
        }
        digest.add(UInt64(site.handbookFiles.count))
        for file in site.handbookFiles { digest.add(file) }
        for line in site.hiddenSummary { digest.add(line) }
        // A link's destination may depend on the page it goes to (a view hides it), so the
        // documents that are not articles count with their links' targets.
        var documents: [MarkdownDocument] = site.weeklyNotes.map(\.body)
        documents += site.milestones.compactMap(\.description)
        for issue in site.issues {
            if let description = issue.description { documents.append(description) }
            if let resolution = issue.resolution { documents.append(resolution) }
        }
        for document in documents {
            let targets = site.targets(of: document)
            digest.add(UInt64(targets.count))
            for target in targets { digest.add(target: target) }
        }
        return digest.key
    }

    /// The page a job makes.
    func page(of job: Job) -> SitePage {
        switch job {
        case .dashboard: return .dashboard
        case .issueList(let index): return Self.issueListPage(at: index)
        case .issue(let i): return .issue(site.issues[i].id)
        case .weeklyIndex: return .weeklyIndex
        case .weekly(let i): return .weekly(site.weeklyNotes[i].week)
        case .email(let i): return .weeklyEmail(site.weeklyNotes[i].week)
        case .handbookIndex: return .handbookIndex
        case .article(let i): return .article(site.articles[i].slug)
        case .tag(let slug): return .tag(slug)
        case .milestones: return .milestones
        case .search: return .search
        }
    }

    /// The job's inputs (see above); nil when the renderer was given no `recordsKey`.
    func inputs(_ job: Job, page: SitePage) -> PageKey? {
        guard let sharedInputs else { return nil }
        var digest = Digest()
        digest.add(sharedInputs.high)
        digest.add(sharedInputs.low)
        digest.add(page.path)
        let references = site.backlinks[page] ?? []
        digest.add(UInt64(references.count))
        for reference in references {
            digest.add(reference.page.path)
            digest.add(reference.title)
        }
        if case .article(let i) = job {
            let body = articleBody(site.articles[i], on: page)
            if let markup = body.markup { markup.digest(into: &digest) } else { digest.add("none") }
            digest.add(body.repeatsTitle ? "repeats title" : "own title")
        }
        return digest.key
    }
}

extension Digest {
    mutating func add(target: LinkTarget) {
        switch target {
        case .external(let url):
            add(tag: 1)
            add(url)
        case .site(let path, let fragment):
            add(tag: 2)
            add(path)
            add(fragment)
        case .fragment(let anchor):
            add(tag: 3)
            add(anchor)
        case .none:
            add(tag: 4)
        }
    }
}
