import DossierSite
import Foundation
import Testing

/// An article whose body opens with `# Title` of its own title shows one `<h1>`: the
/// page's, which keeps the heading's id so links written to it still land.
@Suite struct ArticleTitleTests {
    func build(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-title-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try Dossier.build(.init(site: root, asOf: .written("2026-12-01")))
        #expect(result.report.diagnostics.items.isEmpty, "\(result.report.diagnostics.items.map(\.message))")
        return root
    }

    func h1s(_ page: String) -> [String] {
        page.components(separatedBy: "<h1").dropFirst().map { "<h1" + $0.prefix { $0 != "<" } }
    }

    @Test func aBodyRepeatingTheTitleShowsOneH1WithTheHeadingsId() throws {
        let root = try build([
            "content/issues.csv": "id,title,status,opened\nFK-1,Login,open,2026-11-04\n",
            // Title from front matter, repeated by the body.
            "content/handbook/审批/flow.md": "---\ntitle: 审批流\n---\n# 审批流\n\n## 配置\n\nText.\n",
            // Title from the body's own first heading.
            "content/handbook/other.md": "# Other\n\nSee [the flow](审批/flow.md#审批流) and [here](#other).\n",
            // A first heading that is not the title stays.
            "content/handbook/third.md": "---\ntitle: Third\n---\n# Something else\n\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        func page(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("output/handbook/\(path)"), encoding: .utf8)
        }
        #expect(h1s(try page("审批/flow.html")) == ["<h1 id=\"审批流\">审批流"])
        #expect(h1s(try page("other.html")) == ["<h1 id=\"other\">Other"])
        #expect(h1s(try page("third.html")) == ["<h1>Third", "<h1 id=\"something-else\">Something else "])
        // The rest of the body is there, with its own ids.
        #expect(try page("审批/flow.html").contains("<h2 id=\"配置\">配置"))
    }
}
