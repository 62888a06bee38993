import DossierDiagnostics
import DossierModel
import DossierOutput
import DossierTemplates
import DossierUtilities

/// A page before it is rendered: its template and context, and what its search entry
/// is made of. Cheap to make, so every page's key can be taken without rendering it.
struct PagePlan {
    var page: SitePage
    var template: String
    /// The template's context; the layout gets it too, with the template's HTML as `content`.
    var context: [String: Any]
    /// The layout's scripts; nil for a page that is its template alone (the mail version).
    var scripts: [String]?
    var search: SearchPlan?
}

/// A page's search entry before its Markdown is rendered.
struct SearchPlan {
    var title: String
    var kind: String
    /// An issue's status, for the status filter.
    var status = ""
    /// An issue's id, ranked first when the query is that id.
    var id: String?
    /// The title a query must equal for an exact-title match.
    var exactTitle: String?
    /// Issue fields and tags: searched, ranked above the body, not shown.
    var fields: [String] = []
    var lead: [(anchor: String, heading: String, text: String)] = []
    var bodies: [Markup?]
}

extension SiteRenderer {
    /// Keys of the context that every page shares, digested once into `sharedKey`.
    static let sharedContextKeys: Set<String> = ["t", "ti"]

    /// The page's key: what it is made of, with what every page shares.
    func key(_ plan: PagePlan) -> PageKey {
        var digest = Digest()
        digest.add(sharedKey.high)
        digest.add(sharedKey.low)
        digest.add(plan.page.path)
        digest.add(plan.template)
        digest.add(templateKey(plan.template).high)
        digest.add(templateKey(plan.template).low)
        if let scripts = plan.scripts {
            digest.add(templateKey("layout").high)
            digest.add(templateKey("layout").low)
            for script in scripts { digest.add(script) }
        } else {
            digest.add("alone")
        }
        digest.add(context: plan.context, skipping: Self.sharedContextKeys)
        if let search = plan.search {
            digest.add("search")
            digest.add(search.title)
            digest.add(search.kind)
            digest.add(search.status)
            digest.add(search.id ?? "")
            digest.add(search.exactTitle ?? "")
            for field in search.fields { digest.add(field) }
            digest.add("fields end")
            for (anchor, heading, text) in search.lead {
                digest.add(anchor)
                digest.add(heading)
                digest.add(text)
            }
            for body in search.bodies {
                if let body { body.digest(into: &digest) } else { digest.add("none") }
            }
        }
        return digest.key
    }

    /// Renders a page through its template and, unless it stands alone, the layout.
    func render(_ plan: PagePlan) -> OutputFile {
        let html: String
        if let scripts = plan.scripts {
            var layout = plan.context
            layout["content"] = theme.render(plan.template, plan.context)
            layout["scripts"] = scripts.map { ["src": plan.page.root + $0] }
            html = theme.render("layout", layout)
        } else {
            html = theme.render(plan.template, plan.context)
        }
        var file = OutputFile(path: plan.page.path, contents: .text(html), template: plan.template)
        if let search = plan.search {
            file.searchDocument = searchDocument(plan.page, search, bodies: search.bodies.map { $0?.rendered })
        }
        return file
    }
}
