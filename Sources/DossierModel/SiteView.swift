import DossierDiagnostics
import DossierMarkdown
import Foundation

/// A view of the site for readers outside the team (project.yml's `views:`): what it
/// hides. `dossier build --view NAME` renders the site the view keeps; nothing the view
/// hides reaches any file of that output.
///
/// A view hides whole articles and weekly notes (by `audience`), fields and extra
/// columns of issues, sections of weekly notes (by heading, or the `summary` and
/// `attendees` of their front matter), and may show every person as their
/// organisation or role (team.csv's `org`, `role`). It never hides an issue or a
/// milestone: the figures are counted on every issue, the true totals.
public struct SiteView: Sendable {
    /// How a view shows a person (an owner, a reporter, an attendee, a commit's author).
    public enum PeopleShown: String, Sendable, CaseIterable {
        /// As team.csv names them (the default).
        case name
        /// As their organisation (team.csv's `org`), or their role when they have none.
        case org
        /// As their role (team.csv's `role`), in the site's language.
        case role
    }

    /// The view's name, as `--view` gives it: letters, digits, `-` and `_`.
    public var name: String
    /// Articles and weekly notes written for these audiences are left out.
    public var audiences: Set<Audience> = []
    /// Issue fields left out of every page and export (see `hideableIssueFields`).
    public var issueFields: Set<String> = []
    /// Headers of issues.csv's extra columns left out, as written in project.yml.
    public var columns: [(name: String, location: SourceLocation)] = []
    public var people: PeopleShown = .name
    /// Weekly note sections left out: a heading's text (any level; its subsections go
    /// with it), or `summary` or `attendees` of the front matter.
    public var weekly: [(name: String, location: SourceLocation)] = []
    /// The output folder, relative to the site; `output-NAME` by default.
    public var output: String?
    /// Where the view is named in project.yml.
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// The issue fields a view may hide: the others (id, title, status, the opened,
    /// resolved and due dates, tier, category, priority, milestone) are what the figures
    /// and the pages are made of (`due` is an issue's SLA target).
    public static let hideableIssueFields = [
        "reporter", "owner", "module", "tags", "updated", "description", "resolution",
    ]
    /// Front-matter keys of a weekly note that `weekly:` may name besides headings.
    public static let noteKeys = ["summary", "attendees"]
    /// The sections weekly notes have by convention (SPEC §1.5), in every language
    /// Dossier speaks, as `dossier new weekly` writes them (the catalogue's
    /// `scaffold.section-*`): a view may name them before any note has one.
    public static let conventionalSections = Language.allCases.flatMap { language in
        ["done", "next", "risks", "delays"].map { Message("scaffold.section-\($0)").text(in: language) }
    }

    /// The folder the view's site is written to, relative to the site.
    public var outputFolder: String { output ?? "output-\(name)" }

    /// Whether a heading's text or a front-matter key names a hidden section: compared
    /// without case, with every run of white space (a no-break or ideographic space
    /// too) read as one space and none around, and a trailing `:` or `：` dropped
    /// (`## 风险：` is the section `风险`).
    public func hidesSection(_ text: String) -> Bool {
        let folded = Self.foldSection(text)
        return weekly.contains { Self.foldSection($0.name) == folded }
    }

    static func foldSection(_ text: String) -> String {
        var folded = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = folded.last, last == ":" || last == "：" || last.isWhitespace { folded.removeLast() }
        return folded
    }

    /// A view name is a folder name and a command-line word: ASCII letters and digits,
    /// `-` and `_`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }
}

extension Site {
    /// The site as `view` shows it: hidden articles and notes gone, hidden sections cut
    /// out of the notes, hidden issue fields and columns emptied, people shown as the
    /// view says. Links of kept records to a page the view leaves out become text (see
    /// `targets(of:)`); a `[[…]]` written without text then reads `hiddenReference`, so
    /// neither the hidden page's title nor its path is shown; so does a link to a cut
    /// section's heading, to a handbook folder only hidden articles were in, or to a tag
    /// only they had. Backlinks stay only where a kept record still links, and handbook
    /// files only where a kept record links to them. The git history loses its authors
    /// (a view is read outside the team), the commits that changed only what the view
    /// hides, and the notes left out; call `ProjectHistory.prepare(for:)` after.
    ///
    /// `roleLabel` gives the words for a team.csv role id, for `owners_as: role`.
    public func viewed(as view: SiteView, hiddenReference: String, roleLabel: (String) -> String) -> Site {
        var site = self
        site.view = view
        site.hiddenReference = hiddenReference

        // People.
        func shown(_ written: String?) -> String? {
            guard let written else { return nil }
            switch view.people {
            case .name: return written
            // Someone without an organisation shows as their role, never by name.
            case .org: return team.member(written).flatMap { $0.org ?? $0.role.map { roleLabel($0.rawValue) } }
            case .role: return team.member(written)?.role.map { roleLabel($0.rawValue) }
            }
        }

        // Pages left out.
        let hiddenArticles = articles.filter { view.audiences.contains($0.audience) }
        let hiddenNotes = weeklyNotes.filter { view.audiences.contains($0.audience) }
        var hidden = Set(hiddenArticles.map { SitePage.article($0.slug).path })
        for note in hiddenNotes {
            hidden.insert(SitePage.weekly(note.week).path)
            hidden.insert(SitePage.weeklyEmail(note.week).path)
        }
        // Tag pages only hidden articles have, and folders of the handbook index only
        // hidden articles are in.
        let keptArticles = articles.filter { !view.audiences.contains($0.audience) }
        let keptTags = Set(keptArticles.flatMap(\.tags).map(SitePage.tagSlug))
        for tag in hiddenArticles.flatMap(\.tags).map(SitePage.tagSlug) where !keptTags.contains(tag) {
            hidden.insert(SitePage.tag(tag).path)
        }
        // A link to a folder goes to the index's section of a folder holding articles.
        let keptFolders = Set(keptArticles.map(\.folder))
        var anchors: [String: Set<String>] = [:]
        for folder in hiddenArticles.map(\.folder) where !keptFolders.contains(folder) {
            anchors[SitePage.handbookIndex.path, default: []].insert(Article.folderAnchor(folder))
        }
        site.hiddenPaths = hidden
        site.articles = keptArticles.map { article in
            var article = article
            article.owner = shown(article.owner)
            return article
        }
        site.articleTitles = articleTitles.filter { !hidden.contains($0.key) }

        // Notes: sections cut out, links carried over to the new bodies.
        var targets = linkTargets
        for note in hiddenNotes { targets[ObjectIdentifier(note.body)] = nil }
        for article in hiddenArticles { targets[ObjectIdentifier(article.body)] = nil }
        site.weeklyNotes = weeklyNotes.filter { !view.audiences.contains($0.audience) }.map { note in
            var note = note
            if view.hidesSection("summary") { note.summary = nil }
            if view.hidesSection("attendees") {
                note.attendees = []
            } else if view.people != .name {
                var seen = Set<String>()
                note.attendees = note.attendees.compactMap(shown).filter { seen.insert($0).inserted }
            }
            if !view.weekly.isEmpty, note.body.headings.contains(where: { view.hidesSection($0.text) }) {
                let body = note.body.removingSections { view.hidesSection($0.text) }
                let old = Dictionary(
                    zip(note.body.links.map(\.position), targets[ObjectIdentifier(note.body)] ?? []),
                    uniquingKeysWith: { first, _ in first })
                // The anchors of the sections cut: a link to one is text.
                let cut = Set(note.body.headings.map(\.anchor)).subtracting(body.headings.map(\.anchor))
                for page in [SitePage.weekly(note.week), .weeklyEmail(note.week)] {
                    anchors[page.path, default: []].formUnion(cut)
                }
                targets[ObjectIdentifier(note.body)] = nil
                targets[ObjectIdentifier(body)] = body.links.map { link in
                    let target = old[link.position] ?? .none
                    if case .fragment(let anchor) = target, cut.contains(anchor) { return .none }
                    return target
                }
                note.body = body
            }
            return note
        }

        // Issues: hidden fields emptied, people shown as the view says.
        let hiddenColumns = Set(view.columns.map { FieldAliases.fold($0.name) })
        let fields = view.issueFields
        site.issues = issues.map { issue in
            var issue = issue
            if fields.contains("reporter") { issue.reporter = nil } else { issue.reporter = shown(issue.reporter) }
            if fields.contains("owner") { issue.owner = nil } else { issue.owner = shown(issue.owner) }
            if fields.contains("module") { issue.module = nil }
            if fields.contains("tags") { issue.tags = [] }
            if fields.contains("due") { issue.due = nil }
            if fields.contains("description"), let document = issue.description {
                targets[ObjectIdentifier(document)] = nil
                issue.description = nil
            }
            if fields.contains("resolution"), let document = issue.resolution {
                targets[ObjectIdentifier(document)] = nil
                issue.resolution = nil
            }
            issue.extra.removeAll { column in
                hiddenColumns.contains(FieldAliases.fold(column.header))
                    || (fields.contains("updated")
                        && FieldAliases.isUpdatedHeader(column.header, columns: settings.columns))
            }
            if fields.contains("updated") { issue.updated = nil }
            return issue
        }
        site.milestones = milestones.map { milestone in
            var milestone = milestone
            milestone.owner = shown(milestone.owner)
            return milestone
        }
        site.linkTargets = targets
        site.hiddenAnchors = anchors.filter { !$0.value.isEmpty }

        // "Referenced by" and the article lists of issue pages: from what is kept only, a
        // page's reference staying while a kept record of it still links there (or, for
        // an article, lists the issue in `issues:`).
        var sources: [(page: SitePage, document: MarkdownDocument)] = []
        for article in site.articles { sources.append((.article(article.slug), article.body)) }
        for note in site.weeklyNotes { sources.append((.weekly(note.week), note.body)) }
        for issue in site.issues {
            for document in [issue.description, issue.resolution].compactMap({ $0 }) {
                sources.append((.issue(issue.id), document))
            }
        }
        for document in site.milestones.compactMap(\.description) { sources.append((.milestones, document)) }
        var links = Set<[String]>()
        for (page, document) in sources {
            for case .site(let path, _) in site.targets(of: document) { links.insert([page.path, path]) }
        }
        for article in site.articles {
            for id in article.issues { links.insert([SitePage.article(article.slug).path, SitePage.issue(id).path]) }
        }
        site.backlinks = [:]
        for (page, references) in backlinks where !hidden.contains(page.path) {
            let kept = references.filter { links.contains([$0.page.path, page.path]) }
            if !kept.isEmpty { site.backlinks[page] = kept }
        }

        // Handbook files: those a kept record links to.
        var linked = Set<String>()
        for documentTargets in targets.values {
            for case .site(let path, _) in documentTargets where path.hasPrefix("handbook/") { linked.insert(path) }
        }
        site.handbookFiles = handbookFiles.filter { linked.contains("handbook/" + $0) }

        // A team table names people: kept only when the view shows names.
        if view.people != .name { site.team = Team(members: [], isDeclared: false) }

        site.history = history.viewed(
            hidingFields: fields, notes: Set(hiddenNotes.map(\.week.description)), owner: shown)
        return site
    }
}

extension Site {
    /// A document's Markdown for the data exports: as written, or, when the view leaves
    /// out a page it links to, written again by cmark-gfm (`renderCommonMark`) with the
    /// links to hidden pages as their text, `[[…]]` references as text, and other links
    /// kept, so no hidden page's path or title is exported.
    public func exportedSource(of document: MarkdownDocument) -> String {
        let written = linkTargets[ObjectIdentifier(document)] ?? []
        guard
            written.contains(where: { target in
                if case .site(let path, _) = target { return hiddenPaths.contains(path) }
                return false
            })
        else { return document.source }
        let destinations = zip(document.links, targets(of: document)).map { link, target -> String? in
            if case .none = target { return nil }
            return link.kind == .reference ? nil : link.destination
        }
        return document.renderCommonMark(destinations: destinations, titles: referenceTitles(of: document))
    }
}

extension ProjectHistory {
    /// The history as a view shows it: no authors, owners shown by `owner` (nil when
    /// `owner` is hidden), no revision that changed only what the view hides, and no
    /// revisions of the notes in `notes` (weeks, `2026-W47`). Not prepared.
    func viewed(hidingFields fields: Set<String>, notes hiddenNotes: Set<String>, owner: (String?) -> String?)
        -> ProjectHistory
    {
        func anonymous(_ commit: Commit) -> Commit { Commit(id: commit.id, time: commit.time, author: "") }
        var result = ProjectHistory(
            availability: availability, issues: [:], milestones: [:], unreadable: unreadable.map(anonymous),
            revisions: revisions)
        result.issues = issues.mapValues { revisions in
            var kept: [Revision<IssueState>] = []
            for revision in revisions {
                var state = revision.state
                if state != nil { state!.owner = fields.contains("owner") ? nil : owner(state!.owner) }
                // A commit that changed only what the view hides (an owner for another of
                // the same organisation) changed nothing the view shows.
                if let last = kept.last, last.state != nil, last.state == state { continue }
                kept.append(Revision(commit: anonymous(revision.commit), state: state))
            }
            return kept
        }
        result.milestones = milestones.mapValues { $0.map { Revision(commit: anonymous($0.commit), state: $0.state) } }
        result.notes = notes.filter { !hiddenNotes.contains($0.key) }.mapValues {
            $0.map { Revision(commit: anonymous($0.commit), state: $0.state) }
        }
        return result
    }
}
