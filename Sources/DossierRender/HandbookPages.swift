import DossierFigures
import DossierHTML
import DossierMarkdown
import DossierModel
import DossierTemplates

extension SiteRenderer {
    /// Articles in their handbook order: by folder, then weight, then title.
    /// Each article's folder is worked out once and the positions are sorted, not the
    /// articles: a rebuild in `serve` orders every article again.
    static func handbookOrder(_ articles: [Article]) -> [Article] {
        let folders = articles.map(\.folder)
        let order = articles.indices.sorted { a, b in
            let (x, y) = (articles[a], articles[b])
            return (folders[a], x.weight ?? Int.max, x.title, x.slug) < (folders[b], y.weight ?? Int.max, y.title, y.slug)
        }
        return order.map { articles[$0] }
    }

    /// Tag slug → the tag as first written and its articles in handbook order; tags that
    /// differ only in case or punctuation share a page.
    static func groupByTag(_ orderedArticles: [Article]) -> [String: (tag: String, articles: [Article])] {
        var groups: [String: (tag: String, articles: [Article])] = [:]
        for article in orderedArticles {
            for tag in article.tags {
                let slug = SitePage.tagSlug(tag)
                if groups[slug] == nil { groups[slug] = (tag, []) }
                if groups[slug]?.articles.last?.slug != article.slug { groups[slug]?.articles.append(article) }
            }
        }
        return groups
    }

    /// The id of a folder's section on the handbook index.
    static func folderAnchor(_ folder: String) -> String { Article.folderAnchor(folder) }

    /// An article's tags with links to their pages.
    func tagLinks(_ article: Article, from page: SitePage) -> [[String: Any]] {
        article.tags.map { ["tag": $0, "href": href(.tag(SitePage.tagSlug($0)), from: page)] }
    }

    /// The audiences an article serves, for the filter: "all" serves every one.
    func audienceMatch(_ article: Article) -> String {
        article.audience == .all ? Audience.allCases.map(\.rawValue).joined(separator: " ") : article.audience.rawValue
    }

    func handbookIndexPage() -> PagePlan {
        let page = SitePage.handbookIndex
        var folders: [(String, [[String: Any]])] = []
        for article in orderedArticles {
            let entry = compact([
                "href": href(.article(article.slug), from: page), "title": article.title,
                "audienceLabel": t.label("audience", article.audience.rawValue), "audienceMatch": audienceMatch(article),
                "updated": article.updated.map { t.date($0) }, "tags": tagLinks(article, from: page),
            ])
            let name = article.folder.isEmpty ? t["handbook_folder_root"] : article.folder
            if folders.last?.0 == name { folders[folders.count - 1].1.append(entry) } else { folders.append((name, [entry])) }
        }
        var anchors: [String: String] = [:]
        for article in orderedArticles where anchors[article.folder] == nil {
            anchors[article.folder] = Self.folderAnchor(article.folder)
        }
        let groups = tagGroups
        let own: [String: Any] = [
            "folders": folders.map { name, articles in
                ["name": name, "articles": articles, "anchor": Self.folderAnchor(name == t["handbook_folder_root"] ? "" : name)]
            },
            "tags": groups.keys.sorted { groups[$0]!.tag < groups[$1]!.tag }.map { slug in
                ["tag": groups[slug]!.tag, "count": groups[slug]!.articles.count, "href": href(.tag(slug), from: page)]
                    as [String: Any]
            },
            // A view's hidden audiences have no articles to filter.
            "audiences": Audience.allCases.filter { $0 != .all && site.view?.audiences.contains($0) != true }.map {
                ["value": $0.rawValue, "label": t.label("audience", $0.rawValue)]
            },
        ]
        return wrap(page, id: "handbook-index", template: "handbook-index", title: t["title_handbook"], own)
    }

    /// How many articles of its folder an article's page lists around it.
    static let treeWindow = 15

    func articlePage(_ article: Article) -> PagePlan {
        let page = SitePage.article(article.slug)
        let ordered = orderedArticles
        let position = ordered.firstIndex { $0.slug == article.slug }!
        func link(_ other: Article) -> [String: Any] { ["href": href(.article(other.slug), from: page), "title": other.title] }
        var breadcrumbs: [[String: Any]] = [["label": t["nav_handbook"], "href": href(.handbookIndex, from: page)]]
        if !article.folder.isEmpty { breadcrumbs.append(["label": article.folder]) }
        breadcrumbs.append(["label": article.title, "current": true])
        let (body, repeatsTitle) = articleBody(article, on: page)
        // The ids the body's headings get on the page: their GitHub anchors.
        let ids = FragmentIDs.page.headingIDs(of: article.body)
        let toc: [[String: Any]] = zip(article.body.headings, ids).filter { $0.0.level == 2 || $0.0.level == 3 }
            .map { heading, id in ["level": heading.level, "anchor": id, "text": heading.text] }
        let own: [String: Any] = [
            "article": compact([
                "title": article.title, "bodyHTML": (body as Any?) ?? "", "titleID": repeatsTitle ? ids.first : nil,
                "toc": toc,
                "tags": tagLinks(article, from: page), "audience": article.audience.rawValue,
                "previous": position > 0 ? link(ordered[position - 1]) : nil,
                "next": position + 1 < ordered.count ? link(ordered[position + 1]) : nil,
                "audienceLabel": t.label("audience", article.audience.rawValue), "owner": person(article.owner),
                "updated": article.updated.map { t.date($0) },
                "issues": article.issues.compactMap { id in
                    site.issue(id).map { ["id": id, "href": href(.issue(id), from: page), "title": $0.title] }
                },
                "referencedBy": (site.backlinks[page] ?? []).map { ["href": href($0.page, from: page), "title": $0.title] },
            ]),
            "breadcrumbs": breadcrumbs,
            // Every folder; this one open with the articles around this one (a window, so
            // a page costs the same in a folder of ten articles or of a thousand), the rest
            // of the folder and the other folders on the handbook index.
            "tree": folderCounts.map { folder, count -> [String: Any] in
                let open = folder == article.folder
                let folderHref =
                    href(.handbookIndex, from: page) + "#" + LinkTarget.percentEncodeFragment(Self.folderAnchor(folder))
                var shown: ArraySlice<Article> = []
                if open {
                    let siblings = articlesByFolder[folder, default: []]
                    let here = siblings.firstIndex { $0.slug == article.slug } ?? 0
                    let start = max(0, min(here - Self.treeWindow / 2, siblings.count - Self.treeWindow))
                    shown = siblings[start..<min(siblings.count, start + Self.treeWindow)]
                }
                let hidden = count - shown.count
                return compact([
                    "name": folder.isEmpty ? t["handbook_folder_root"] : folder, "open": open ? true : nil, "count": count,
                    "href": folderHref,
                    "articles": open
                        ? shown.map { other in
                            compact([
                                "href": href(.article(other.slug), from: page), "title": other.title,
                                "current": other.slug == article.slug ? true : nil,
                            ])
                        } : nil,
                    "more": open && hidden > 0
                        ? ["href": folderHref, "label": t.count("tree_more", hidden)]
                        : nil,
                ])
            },
        ]
        var plan = wrap(page, id: "article", template: "article", title: article.title, own)
        plan.search = SearchPlan(
            title: article.title, kind: "article", exactTitle: article.title, fields: article.tags, bodies: [body])
        return plan
    }

    /// An article's body as its page renders it, and whether it repeats the title.
    func articleBody(_ article: Article, on page: SitePage) -> (markup: Markup?, repeatsTitle: Bool) {
        // A body opening with `# Title` of the article's own title shows it once: the
        // page's <h1>, which takes that heading's id so links to it still land.
        let repeatsTitle = article.body.opensWithTitle && article.body.headings.first?.text.trimmed == article.title.trimmed
        return (html(article.body, root: page.root, omittingTitle: repeatsTitle), repeatsTitle)
    }

    func tagPage(_ slug: String) -> PagePlan {
        let page = SitePage.tag(slug)
        guard let group = tagGroups[slug] else { preconditionFailure("tag pages are made for the tags articles have") }
        let own: [String: Any] = [
            "tag": group.tag, "count": group.articles.count, "countText": t.count("tag_articles", group.articles.count),
            "articles": group.articles.map { article in
                compact([
                    "href": href(.article(article.slug), from: page), "title": article.title,
                    "audienceLabel": t.label("audience", article.audience.rawValue),
                    "updated": article.updated.map { t.date($0) },
                ])
            },
        ]
        return wrap(page, id: "tag", template: "tag", title: t.labelled(t["title_tag"], group.tag), own)
    }

    /// The milestones by due date, grouped by the first of the page's facets (`scope`, or
    /// the columns `milestones.group_by` names) and filterable by each of them.
    func milestonesPage() -> PagePlan {
        let page = SitePage.milestones
        let milestones = site.milestones.sorted { $0.due < $1.due }
        let facets = milestoneFacets(milestones)
        // Each facet's values, numbered in first-seen order: option values are tokens.
        var tokens: [[String: Int]] = facets.map { _ in [:] }
        for milestone in milestones {
            for (index, facet) in facets.enumerated() {
                if let value = facet.value(milestone), tokens[index][value] == nil { tokens[index][value] = tokens[index].count }
            }
        }
        func card(_ milestone: Milestone) -> [String: Any] {
            var card = milestoneSummary(milestone)
            card["anchor"] = milestone.anchor
            card["extra"] = milestone.extra.map { ["header": $0.header, "value": $0.value] }
            card["filterValues"] = facets.enumerated().compactMap { index, facet -> [String: String]? in
                facet.value(milestone).flatMap { tokens[index][$0] }.map { ["name": "f\(index)", "value": "v\($0)"] }
            }
            return card
        }
        var groups: [[String: Any]] = []
        if let first = facets.first {
            // Groups in the order of their first milestone's due date; milestones without a
            // value last.
            var order: [String?] = []
            var members: [String?: [Milestone]] = [:]
            for milestone in milestones {
                let value = first.value(milestone)
                if members[value] == nil { order.append(value) }
                members[value, default: []].append(milestone)
            }
            order.sort { a, b in a != nil && b == nil }
            groups = order.map { value in
                ["label": value ?? t["group_none"], "grouped": true, "milestones": (members[value] ?? []).map(card)]
            }
        } else if !milestones.isEmpty {
            groups = [["grouped": false, "milestones": milestones.map(card)]]
        }
        var own: [String: Any] = [
            "groups": groups, "hasMilestones": !milestones.isEmpty, "hasFacets": !facets.isEmpty, "count": milestones.count,
            "facets": facets.enumerated().map { index, facet -> [String: Any] in
                [
                    "name": "f\(index)", "label": facet.label,
                    "options": tokens[index].sorted { $0.value < $1.value }.map { ["value": "v\($0.value)", "label": $0.key] },
                ]
            },
        ]
        own["onTime"] = onTimeSummary(MilestoneOnTime(milestones, by: site.settings.clock.day(of: asOf)))
        return wrap(page, id: "milestones", template: "milestones", title: t["title_milestones"], own)
    }

    /// A column the milestones page groups and filters by.
    struct MilestoneFacet {
        let label: String
        let value: (Milestone) -> String?
    }

    /// `milestones.group_by` as written, else `scope` when any milestone has one.
    func milestoneFacets(_ milestones: [Milestone]) -> [MilestoneFacet] {
        let names = site.settings.milestoneGroups?.map(\.name) ?? (milestones.contains { $0.scope != nil } ? ["scope"] : [])
        return names.map { name in
            if name == "scope" { return MilestoneFacet(label: t["field_scope"], value: { $0.scope }) }
            return MilestoneFacet(label: name, value: { $0.extraValue(name) })
        }
    }

    func searchPage() -> PagePlan {
        wrap(
            .search, id: "search", template: "search", title: t["title_search"],
            ["statuses": IssueStatus.allCases.map { ["value": $0.rawValue, "label": statusLabel($0)] }],
            scripts: ["search/meta.js", "assets/snowball.js", "assets/search.js"])
    }
}
