import DossierSite
import Foundation
import PropertyBased
import Testing

/// Generated sites — headings from every kind of character (emoji with and without
/// U+FE0F, other numbers, connector punctuation, enclosed letters, Cyrillic, CJK),
/// repeated headings, links to anchors that exist and that do not, raw HTML links,
/// articles on generated pages' paths, footnotes in several fragments of one page — where
/// `build` must report exactly what `check` reports and fail exactly when `check` does.
@Suite struct CheckBuildPropertyTests {
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.None<T?>> {
        Gen.element(of: values).map { $0 ?? values[0] }
    }

    static let headings = [
        "⚠️ Known problems", "⚠ Known problems", "🎉", "Main", "Area in m²", "Area in m", "Вход в систему", "审批流程",
        "snake_case name", "Ⓐ circled", "  spaced  ", "Step 1", "Step 1", "FAQ?", "top", "C++ & C#", "Ⅻ roman",
    ]
    static let anchors = [
        "known-problems", "-known-problems", "️-known-problems", "", "main", "area-in-m", "area-in-m-1", "вход-в-систему",
        "审批流程", "snake_case-name", "circled", "ⓐ-circled", "spaced", "step-1", "step-1-1", "faq", "top", "c--c",
        "nope",
    ]
    static let names = ["a", "b", "index", "tags/x", "审批/flow", "Guide"]

    /// One Markdown block: a heading, a link to an anchor, a reference with an anchor,
    /// a footnote, a raw HTML link or plain text.
    static let lines: [String] =
        headings.map { "## " + $0 } + anchors.map { "[to](#\($0))" }
        + ["b", "审批/flow", "a", "missing"].flatMap { name in anchors.map { "[[\(name)#\($0)]]" } }
        + ["Note.[^1]\n\n[^1]: The note.", "Other.[^2]\n\n[^2]: Another."]
        + ["<a href=\"b.html#main\">b</a>", "<a href=\"missing.html\">m</a>", "<a href=\"#main\">top</a>", "[empty]()"]
        + ["Plain text.", "- item", "| a | b |\n| - | - |\n| 1 | 2 |"]
    static let line = pick(lines)

    @Test func buildReportsExactlyWhatCheckReports() async throws {
        let bodies = Self.line.array(of: 0...6).array(of: 1...3)
        let fragments = Self.line.array(of: 0...3)
        await propertyCheck(count: 40, input: Self.pick(Self.names).array(of: 3...3), bodies, fragments, fragments, Gen.bool) {
            names, bodies, description, resolution, rawHTML in
            let articles = zip(names, bodies).map { ($0, $1) }
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-prop-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            func write(_ path: String, _ text: String) throws {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            func csv(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            do {
                try write("content/project.yml", "markdown: {unsafe_html: \(rawHTML)}\n")
                try write(
                    "content/issues.csv",
                    "id,title,status,opened,description,resolution\nFK-1,Login,open,2026-11-04,"
                        + csv(description.joined(separator: "\n\n")) + "," + csv(resolution.joined(separator: "\n\n")) + "\n")
                try write(
                    "content/milestones.csv",
                    "id,title,due,description\nM1,Pilot,2026-11-06,\"Note.[^1]\n\n[^1]: One.\"\nM2,Rollout,2026-12-06,\"Note.[^1]\n\n[^1]: Two.\"\n"
                )
                for (name, lines) in articles {
                    try write("content/handbook/\(name).md", "# \(name)\n\n" + lines.joined(separator: "\n\n") + "\n")
                }
                let check = try Dossier.check(site: root)
                let build = try Dossier.build(.init(site: root, asOf: .written("2026-12-01")))
                func described(_ report: RunReport) -> [String] {
                    report.diagnostics.items.map {
                        "\($0.location.file):\($0.location.line):\($0.location.column) [\($0.rule.rawValue)] \($0.message)"
                    }
                }
                #expect(described(build.report) == described(check))
                #expect(build.report.diagnostics.hasErrors == check.diagnostics.hasErrors)
            } catch {
                Issue.record("a generated site could not be checked or built: \(error)")
            }
        }
    }
}
