import DossierDiagnostics

/// The messages of the write stage's link check over the final pages, one constructor
/// per kind of problem; `page` is the page's path in the site, `link` the link as written.
extension Diagnostic {
    /// A link with a scheme that is not allowed; the first 40 characters are shown.
    static func unsafePageLink(_ link: String, page: String, at location: SourceLocation) -> Diagnostic {
        .error(.unsafeLink, at: location, "page.unsafe-link", ["page": .value(page), "link": .value(String(link.prefix(40)))])
    }

    /// A link to no file of the site.
    static func pageLinkOutsideSite(_ link: String, page: String, at location: SourceLocation) -> Diagnostic {
        .error(.brokenLink, at: location, "page.outside-site", ["page": .value(page), "link": .value(link)])
    }

    /// A link to an id the `target` page does not have.
    static func pageLinkBrokenAnchor(_ link: String, page: String, target: String, fragment: String, at location: SourceLocation)
        -> Diagnostic
    {
        .error(
            .brokenAnchor, at: location, "page.broken-anchor",
            ["page": .value(page), "link": .value(link), "target": .value(target), "fragment": .value(fragment)])
    }
}
