import DossierHTML
import DossierModel

extension SiteRenderer {
    /// Articles in their handbook order: by folder, then weight, then title.
    var orderedArticles: [Article] {
        site.articles.sorted {
            ($0.folder, $0.weight ?? Int.max, $0.title, $0.slug) < ($1.folder, $1.weight ?? Int.max, $1.title, $1.slug)
        }
    }

    func handbookIndexPage() -> OutputFile {
        let page = SitePage.handbookIndex
        var folders: [(String, [[String: Any]])] = []
        for article in orderedArticles {
            let entry = compact([
                "href": href(.article(article.slug), from: page), "title": article.title,
                "audienceLabel": t.label("audience", article.audience.rawValue),
                "updated": article.updated.map { t.date($0) }, "tags": article.tags.map { ["tag": $0] },
            ])
            let name = article.folder.isEmpty ? t["handbook_folder_root"] : article.folder
            if folders.last?.0 == name { folders[folders.count - 1].1.append(entry) } else { folders.append((name, [entry])) }
        }
        var tags: [String: [Article]] = [:]
        for article in orderedArticles { for tag in article.tags { tags[tag, default: []].append(article) } }
        let own: [String: Any] = [
            "folders": folders.map { ["name": $0.0, "articles": $0.1] },
            "tags": tags.keys.sorted().map { tag in
                ["tag": tag, "count": tags[tag]!.count,
                    "articles": tags[tag]!.map { ["href": href(.article($0.slug), from: page), "title": $0.title] }] as [String: Any]
            },
        ]
        return wrap(page, id: "handbook-index", template: "handbook-index", title: t["title_handbook"], own)
    }

    func articlePage(_ article: Article) -> OutputFile {
        let page = SitePage.article(article.slug)
        var breadcrumbs: [[String: Any]] = [["label": t["nav_handbook"], "href": href(.handbookIndex, from: page)]]
        if !article.folder.isEmpty { breadcrumbs.append(["label": article.folder]) }
        breadcrumbs.append(["label": article.title, "current": true])
        let own: [String: Any] = [
            "article": compact([
                "title": article.title, "bodyHTML": html(article.body, root: page.root) ?? "",
                "toc": article.body.headings.filter { $0.level == 2 || $0.level == 3 }
                    .map { ["level": $0.level, "anchor": $0.anchor, "text": $0.text] },
                "tags": article.tags.map { ["tag": $0] }, "audience": article.audience.rawValue,
                "audienceLabel": t.label("audience", article.audience.rawValue), "owner": person(article.owner),
                "updated": article.updated.map { t.date($0) },
                "issues": article.issues.compactMap { id in
                    site.issue(id).map { ["id": id, "href": href(.issue(id), from: page), "title": $0.title] }
                },
                "referencedBy": (site.backlinks[page] ?? []).map { ["href": href($0.page, from: page), "title": $0.title] },
            ]),
            "breadcrumbs": breadcrumbs,
            "folderArticles": orderedArticles.filter { $0.folder == article.folder }.map { other in
                compact(["href": href(.article(other.slug), from: page), "title": other.title, "current": other.slug == article.slug ? true : nil])
            },
        ]
        return wrap(page, id: "article", template: "article", title: article.title, own)
    }

    func milestonesPage() -> OutputFile {
        let page = SitePage.milestones
        let own: [String: Any] = ["milestones": site.milestones.sorted { $0.due < $1.due }.map { milestoneSummary($0) }]
        return wrap(page, id: "milestones", template: "milestones", title: t["title_milestones"], own)
    }

    func searchPage() -> OutputFile {
        wrap(.search, id: "search", template: "search", title: t["title_search"], [:], scripts: ["search-index.js", "assets/search.js"])
    }
}
