import DossierDiagnostics
import DossierMarkdown

/// A page of the generated site, by what it shows.
public enum SitePage: Hashable, Sendable, Comparable {
    case dashboard
    case issueList
    /// Page `n` (from 2) of the issue list when it is paged (`issues.page_size`); page 1
    /// is `issueList`.
    case issueListPage(Int)
    case issue(String)
    case weeklyIndex
    case weekly(ISOWeek)
    case weeklyEmail(ISOWeek)
    case handbookIndex
    case article(String)
    /// A tag's page, by its slug (see `tagSlug`).
    case tag(String)
    case milestones
    case search

    /// The page's file, relative to the site root.
    public var path: String {
        switch self {
        case .dashboard: return "index.html"
        case .issueList: return "issues/index.html"
        case .issueListPage(let number): return "issues/page/\(number)/index.html"
        case .issue(let id): return "issues/\(id).html"
        case .weeklyIndex: return "weekly/index.html"
        case .weekly(let week): return "weekly/\(week).html"
        case .weeklyEmail(let week): return "weekly/\(week).email.html"
        case .handbookIndex: return "handbook/index.html"
        case .article(let slug): return "handbook/\(slug).html"
        case .tag(let slug): return "handbook/tags/\(slug).html"
        case .milestones: return "milestones/index.html"
        case .search: return "search.html"
        }
    }

    /// The prefix from this page back to the site root: "", "../", "../../".
    public var root: String {
        String(repeating: "../", count: path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    public static func < (a: SitePage, b: SitePage) -> Bool { a.path < b.path }

    /// A tag's file name: lower-cased, letters and digits of every script kept,
    /// punctuation dropped, spaces as `-` (as heading anchors are made).
    public static func tagSlug(_ tag: String) -> String {
        let slug = HeadingSlugger.baseSlug(tag.trimmed)
        return slug.isEmpty ? "tag" : slug
    }
}

/// A page that links to another, for "referenced by".
public struct PageReference: Hashable, Sendable, Comparable {
    public var page: SitePage
    public var title: String

    public static func < (a: PageReference, b: PageReference) -> Bool { (a.page.path, a.title) < (b.page.path, b.title) }
}
