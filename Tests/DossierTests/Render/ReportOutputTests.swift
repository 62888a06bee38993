import DossierFigures
import DossierModel
import DossierSite
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects elements of an XML document: name, attributes and text.
final class ElementCollector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        /// The `class` of the nearest enclosing `g` (a chart series).
        var group: String?
    }

    var elements: [Element] = []
    private var open: [Int] = []
    private var groups: [String?] = []

    static func parse(_ text: String) -> (Bool, [Element]) {
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector.elements)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "g" { groups.append(attributes["class"]) }
        elements.append(Element(name: name, attributes: attributes, group: groups.last ?? nil))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
        if name == "g" { groups.removeLast() }
    }
}

@Suite struct ReportOutputTests {
    let output: URL
    let site: Site
    /// Sunday 2026-03-15, the end of W11, in the fixture's zone.
    static let asOf = "2026-03-15"

    init() throws {
        let folder = try Fixtures.copy("figures")
        _ = try Dossier.build(.init(site: folder, asOf: .written(Self.asOf)))
        output = folder.appendingPathComponent("output")
        site = try loadValidSite("figures")
    }

    /// Every `<svg>…</svg>` of a page.
    func charts(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    @Test func chartsDrawTheSeries() throws {
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let svgs = charts(html)
        #expect(svgs.count == 2)
        let clock = site.settings.clock
        let asOf = clock.startOfDay(CivilDate(iso: Self.asOf)!.adding(days: 1)).addingTimeInterval(-1)
        let weeks = DashboardFigures(site: site, asOf: asOf).weeks
        #expect(weeks.map(\.week.description) == ["2026-W08", "2026-W09", "2026-W10", "2026-W11"])

        // Opened and resolved: one bar per week and series, its value and height in order.
        let (barsOK, bars) = ElementCollector.parse(svgs[0])
        #expect(barsOK)
        func values(_ elements: [ElementCollector.Element], _ name: String, _ series: String) -> [Int] {
            elements.filter { $0.name == name && $0.group == series && $0.attributes["data-value"] != nil }
                .map { Int($0.attributes["data-value"]!)! }
        }
        #expect(values(bars, "rect", "series-a") == weeks.map(\.opened))
        #expect(values(bars, "rect", "series-b") == weeks.map(\.resolved))
        #expect(weeks.map(\.opened) == [1, 4, 6, 1])
        let opened = bars.filter { $0.name == "rect" && $0.group == "series-a" && $0.attributes["data-value"] != nil }
        let heights = opened.map { Double($0.attributes["height"]!)! }
        // Taller bars for larger values: W10's 6 is the tallest, W08 and W11 (1) equal.
        #expect(heights[2] == heights.max())
        #expect(heights[0] == heights[3])
        // A text alternative: the title and a description naming every week.
        #expect(bars.first { $0.name == "title" }?.text.isEmpty == false)
        let description = bars.first { $0.name == "desc" }?.text ?? ""
        #expect(weeks.allSatisfy { description.contains($0.week.description) })

        // The backlog: one point per week with the open count at its end.
        let (lineOK, line) = ElementCollector.parse(svgs[1])
        #expect(lineOK)
        #expect(values(line, "circle", "series-a") == weeks.map(\.backlog))
        #expect(weeks.map(\.backlog) == [1, 5, 6, 6])
        #expect(line.contains { $0.name == "polyline" })
    }

    @Test func feedIsAtom() throws {
        let text = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        let (ok, elements) = ElementCollector.parse(text)
        #expect(ok)
        let feed = try #require(elements.first)
        #expect(feed.name == "feed" && feed.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        // RFC 4287: a feed has id, title, updated and (unless every entry has one) author;
        // an entry has id, title, updated and a link or content.
        for required in ["id", "title", "updated", "author"] { #expect(elements.contains { $0.name == required }) }
        let entries = elements.indices.filter { elements[$0].name == "entry" }
        #expect(entries.count == site.weeklyNotes.count)
        let ids = elements.filter { $0.name == "id" }.map(\.text)
        #expect(Set(ids).count == ids.count)
        let stamp = try NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"#)
        for updated in elements.filter({ $0.name == "updated" }).map(\.text) {
            #expect(stamp.firstMatch(in: updated, range: NSRange(updated.startIndex..., in: updated)) != nil, "\(updated)")
        }
        #expect(elements.filter { $0.name == "link" }.allSatisfy { $0.attributes["href"]?.isEmpty == false })
    }

    @Test func feedDoesNotChangeWithTheClock() throws {
        let other = try Fixtures.copy("figures")
        _ = try Dossier.build(.init(site: other, asOf: .written("2027-01-01")))
        let later = try Data(contentsOf: other.appendingPathComponent("output/feed.xml"))
        #expect(try Data(contentsOf: output.appendingPathComponent("feed.xml")) == later)
    }

    @Test func mailLinksAreAbsoluteWithABaseURL() throws {
        let folder = try Fixtures.copy("valid")
        let project = folder.appendingPathComponent("content/project.yml")
        try Data((try String(contentsOf: project, encoding: .utf8) + "base_url: https://pm.example.com/acme\n").utf8).write(
            to: project)
        _ = try Dossier.build(.init(site: folder, asOf: .written("2026-03-12")))
        let mail = try String(contentsOf: folder.appendingPathComponent("output/weekly/2026-W10.email.html"), encoding: .utf8)
        #expect(mail.contains("href=\"https://pm.example.com/acme/issues/EX-1.html\""))
        #expect(!mail.contains("href=\"../"))
        #expect(!mail.contains("<script") && !mail.contains("<link ") && !mail.contains("<style"))
        // The page itself keeps relative links.
        let page = try String(contentsOf: folder.appendingPathComponent("output/weekly/2026-W10.html"), encoding: .utf8)
        #expect(page.contains("href=\"../issues/EX-1.html\""))
    }
}

@Suite struct LongListTests {
    /// A weekly report names the first 25 open issues past their target and links the
    /// rest: a report listing thousands could not be sent. The mail links them only with
    /// base_url, since a relative link leads nowhere from a mail.
    @Test func weeklyReportListsTheFirstBreachedIssues() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("content/weekly"), withIntermediateDirectories: true)
        var csv = "id,title,status,opened,category\n"
        for i in 1...40 { csv += "L-\(i),Open \(i),open,2026-03-02 09:00,config\n" }
        try Data(csv.utf8).write(to: site.appendingPathComponent("content/issues.csv"))
        try Data("---\nstatus: red\n---\n\nBusy.\n".utf8).write(to: site.appendingPathComponent("content/weekly/2026-W10.md"))
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        for page in ["weekly/2026-W10.html", "weekly/2026-W10.email.html"] {
            let html = try String(contentsOf: site.appendingPathComponent("output/\(page)"), encoding: .utf8)
            #expect(html.contains("L-25<") || html.contains("L-25</"), "\(page)")
            #expect(!html.contains(">L-26<"), "\(page)")
            #expect(html.contains("15 more issues in the issue list"), "\(page)")
            #expect(html.contains("issues/index.html?open=true") == !page.hasSuffix(".email.html"), "\(page)")
        }
        try Data("base_url: https://example.com/x/\n".utf8).write(to: site.appendingPathComponent("content/project.yml"))
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        let mail = try String(contentsOf: site.appendingPathComponent("output/weekly/2026-W10.email.html"), encoding: .utf8)
        #expect(mail.contains(#"<a href="https://example.com/x/issues/index.html?open=true""#))
        #expect(mail.contains(#"<a href="https://example.com/x/issues/L-25.html""#))
    }
}
