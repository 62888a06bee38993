import DossierMarkdown
import Foundation

/// A site's records, checked: what the figures and the pages are made from.
public struct Site: Sendable {
    /// The site folder.
    public var root: URL
    public var settings: ProjectSettings
    public var team: Team
    /// In file order.
    public var issues: [Issue]
    public var milestones: [Milestone]
    /// Oldest week first.
    public var weeklyNotes: [WeeklyNote]
    /// Without the drafts left out of this build, sorted by slug.
    public var articles: [Article]
    /// Files under handbook/ other than articles, relative to handbook/.
    public var handbookFiles: [String]
    /// Ids of issues.csv rows that have a readable id but other mistakes: the rows
    /// exist, but are not in `issues`.
    public var invalidIssueIDs: Set<String>
    /// Pages that link to a page.
    public var backlinks: [SitePage: [PageReference]]
    /// The records' git history (`ProjectHistory.none` until the build reads it).
    public var history = ProjectHistory.none
    /// The view the site is shown in (`viewed(as:hiddenReference:roleLabel:)`); nil for
    /// the whole site.
    public var view: SiteView?
    /// Pages the view leaves out: links to them are text.
    var hiddenPaths: Set<String> = []
    /// Anchors of kept pages the view leaves out (a cut section's heading, a handbook
    /// folder only hidden articles are in), by page path: links to them are text.
    var hiddenAnchors: [String: Set<String>] = [:]
    /// What a `[[…]]` written without text reads when the view leaves its page out.
    var hiddenReference = ""
    var linkTargets: [ObjectIdentifier: [LinkTarget]]
    /// Article titles by page path, for `[[…]]` written without text.
    var articleTitles: [String: String]
    /// Position of each issue in `issues`, by id.
    private var issueIndex: [String: Int]

    init(
        root: URL, settings: ProjectSettings, team: Team, issues: [Issue], milestones: [Milestone], weeklyNotes: [WeeklyNote],
        articles: [Article], handbookFiles: [String], invalidIssueIDs: Set<String> = [], backlinks: [SitePage: [PageReference]],
        linkTargets: [ObjectIdentifier: [LinkTarget]]
    ) {
        self.root = root
        self.settings = settings
        self.team = team
        self.issues = issues
        self.milestones = milestones
        self.weeklyNotes = weeklyNotes
        self.articles = articles
        self.handbookFiles = handbookFiles
        self.invalidIssueIDs = invalidIssueIDs
        self.backlinks = backlinks
        self.linkTargets = linkTargets
        issueIndex = Dictionary(issues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        articleTitles = Dictionary(
            articles.map { (SitePage.article($0.slug).path, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The checked targets of a document's links, in the order of `document.links`.
    /// A link to a page the view leaves out is `.none`: its text stays.
    public func targets(of document: MarkdownDocument) -> [LinkTarget] {
        let targets = linkTargets[ObjectIdentifier(document)] ?? document.links.map { _ in .none }
        guard !hiddenPaths.isEmpty || !hiddenAnchors.isEmpty else { return targets }
        return targets.map { target in
            guard case .site(let path, let fragment) = target else { return target }
            if hiddenPaths.contains(path) { return .none }
            if let fragment, hiddenAnchors[path]?.contains(fragment) == true { return .none }
            return target
        }
    }

    /// The title to show for each `[[…]]` of a document written without `|text`: an
    /// article's title; an issue keeps its id. Nil for other links. A reference to a
    /// page the view leaves out reads `hiddenReference`, not the page's title or path.
    public func referenceTitles(of document: MarkdownDocument) -> [String?] {
        zip(document.links, linkTargets[ObjectIdentifier(document)] ?? []).map { link, target in
            guard link.kind == .reference, link.label == nil, case .site(let path, _) = target else { return nil }
            return hiddenPaths.contains(path) ? hiddenReference : articleTitles[path]
        }
    }

    /// What the view hides, one line each (its pages, then its anchors as `path#anchor`,
    /// then what a hidden reference reads), for a digest of what pages depend on; empty
    /// lines for the whole site.
    public var hiddenSummary: [String] {
        hiddenPaths.sorted()
            + hiddenAnchors.keys.sorted().flatMap { path in hiddenAnchors[path]!.sorted().map { path + "#" + $0 } }
            + [hiddenReference]
    }

    public func issue(_ id: String) -> Issue? { issueIndex[id].map { issues[$0] } }
}
