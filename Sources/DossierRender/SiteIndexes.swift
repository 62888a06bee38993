import DossierDiagnostics
import DossierFigures
import DossierHTML
import DossierMarkdown
import DossierModel
import DossierOutput
import DossierSearch
import DossierUtilities
import Foundation

extension SiteRenderer {
    /// The search entry of `page`, whose Markdown rendered to `bodies`: sections split
    /// at its headings, after the `lead` sections. The sections come from the rendering
    /// itself; only a body with raw HTML has its HTML read again.
    func searchDocument(_ page: SitePage, _ plan: SearchPlan, bodies: [RenderedMarkdown?]) -> SearchIndex.Document {
        let sections = bodies.flatMap { body in body.map { $0.sections ?? HTMLPage(html: $0.html).sections } ?? [] }
        return .init(
            url: page.path, title: plan.title, kind: plan.kind, status: plan.status, id: plan.id, exactTitle: plan.exactTitle,
            fields: plan.fields, sections: plan.lead + sections)
    }

    /// The order of the search index's documents, which breaks ties between equal scores:
    /// articles in handbook order, issues by their latest activity (updated, else resolved,
    /// else opened) newest first, then weekly notes newest first.
    var searchOrder: [String] {
        let issues = site.issues.enumerated().map { index, issue in
            (index, issue.id, (issue.updated ?? issue.resolved ?? issue.opened).instant)
        }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        return orderedArticles.map { SitePage.article($0.slug).path } + issues.map { SitePage.issue($0.1).path }
            + site.weeklyNotes.reversed().map { SitePage.weekly($0.week).path }
    }

    /// feed.xml: an Atom feed (RFC 4287) of the weekly reports, newest first. Ids and
    /// times come from the records (the week), never from the clock, so they are stable.
    /// With `base_url`, ids and links are the pages' URIs (`BaseURL.address`); without,
    /// ids are `urn:dossier:NAME:PATH` and links relative to the feed.
    func feed() -> OutputFile {
        let base = site.settings.baseURL
        let clock = site.settings.clock
        func stamp(_ week: ISOWeek) -> String {
            // The end of the week's Sunday, local time, as an RFC 3339 UTC instant.
            let end = clock.startOfDay(week.sunday.adding(days: 1)).addingTimeInterval(-1)
            return Self.rfc3339(end)
        }
        let urn = "urn:dossier:" + site.settings.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + ":"
        func id(_ path: String) -> String { base?.address(of: path) ?? urn + path }
        func link(_ path: String) -> String {
            base?.address(of: path) ?? LinkTarget.site(path: path, fragment: nil).href(fromRoot: "")!
        }
        let notes = Array(site.weeklyNotes.reversed())
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(site.settings.language)\">\n"
        xml += "  <title>\(xmlEscape(site.settings.name)) · \(xmlEscape(t["title_weekly"]))</title>\n"
        xml += "  <id>\(xmlEscape(id("weekly/")))</id>\n"
        xml +=
            "  <updated>\(notes.first.map { stamp($0.week) } ?? Self.rfc3339(clock.startOfDay(CivilDate(year: 2000, month: 1, day: 1))))</updated>\n"
        xml += "  <author><name>\(xmlEscape(site.settings.client ?? site.settings.name))</name></author>\n"
        xml += "  <link rel=\"alternate\" href=\"\(xmlEscape(link("weekly/index.html")))\"/>\n"
        if let base { xml += "  <link rel=\"self\" href=\"\(xmlEscape(base.address(of: "feed.xml")))\"/>\n" }
        for note in notes {
            let page = SitePage.weekly(note.week)
            let summary = [ragLabel(note.status), note.completion.map { t.percent($0) }, note.summary].compactMap { $0 }.joined(
                separator: " · ")
            xml += "  <entry>\n"
            xml += "    <title>\(xmlEscape(t["weekly_report"])) \(note.week)</title>\n"
            xml += "    <id>\(xmlEscape(id(page.path)))</id>\n"
            xml += "    <updated>\(stamp(note.week))</updated>\n"
            xml += "    <link rel=\"alternate\" href=\"\(xmlEscape(link(page.path)))\"/>\n"
            xml += "    <summary>\(xmlEscape(summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", contents: .text(xml))
    }

    /// sitemap.xml by the sitemaps.org protocol: every page's absolute URI. The protocol
    /// wants absolute URLs, so without `base_url` there is none (nil).
    func sitemap(pages: [String]) -> OutputFile? {
        guard let base = site.settings.baseURL else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.sorted() {
            xml += "  <url><loc>\(xmlEscape(base.address(of: path)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", contents: .text(xml))
    }

    /// `2026-11-22T09:30:00+08:00` (or `Z` for UTC).
    static func rfc3339(_ date: Date, zone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = CivilDate(daysSinceEpoch: Int((Double(local) / 86400).rounded(.down)))
        let seconds = ((local % 86400) + 86400) % 86400
        let zoneText =
            offset == 0
            ? "Z" : (offset < 0 ? "-" : "+") + (abs(offset) / 3600).zeroPadded(2) + ":" + (abs(offset) % 3600 / 60).zeroPadded(2)
        return "\(day)T" + (seconds / 3600).zeroPadded(2) + ":" + (seconds % 3600 / 60).zeroPadded(2) + ":"
            + (seconds % 60).zeroPadded(2) + zoneText
    }
}

/// Text for XML: HTML escaping, without the control characters XML 1.0 forbids.
func xmlEscape(_ text: String) -> String {
    var allowed = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" || scalar == "\r" {
        allowed.append(scalar)
    }
    return HTMLText.escapeAttribute(String(allowed))
}
