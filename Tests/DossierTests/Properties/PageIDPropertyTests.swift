import DossierMarkdown
import DossierModel
import DossierRecords
import Foundation
import PropertyBased
import Testing

@testable import DossierRender
@testable import DossierTemplates

/// Generated sites whose Markdown has headings made of every Unicode general category,
/// emoji with and without U+FE0F, repeats, links to its own headings and footnotes in
/// every fragment: every rendered page has non-empty, unique ids, and each link to a
/// place on the page lands on one of them.
@Suite struct PageIDPropertyTests {
    /// One of `values`, each equally likely.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.None<T?>> {
        Gen.element(of: values).map { $0 ?? values[0] }
    }

    /// A character of each general category (the ones Markdown reads as syntax left out),
    /// emoji, and words that are ids elsewhere on a page.
    static let pieces = [
        "A", "z", "ǅ", "ʰ", "审", "\u{301}", "\u{93F}", "\u{20DD}",  // L*, M*
        "7", "Ⅻ", "²", "½",  // Nd, Nl, No
        "_", "-", "–", "(", ")", "«", "»", "!", ":", ".",  // P*
        "+", "€", "^", "♥", "Ⓐ",  // S*
        " ", "\u{A0}", "\u{3000}", "\u{2028}", "\u{2029}",  // Z*
        "\u{7}", "\u{200D}", "\u{AD}", "\u{E000}", "\u{378}",  // Cc, Cf, Co, Cn
        "🎉", "⚠️", "⚠", "\u{FE0F}", "👩‍💻",  // emoji, with and without U+FE0F
        "main", "fn-1", "fnref-1", "heading", "page", "toc-h", "steps",
    ]

    /// Heading texts, from a small pool so that repeats are common.
    static let headingText = pick(pieces).array(of: 0...3).map { $0.joined() }

    /// A fragment: headings, footnotes cited once or twice, links to its own headings.
    struct Fragment: Sendable {
        var headings: [String]
        var footnotes: [String]
        var linkEvery: Int
    }

    /// Footnote labels; `1-2` is what cmark-gfm also writes for the second citation of `1`.
    static let footnoteLabels = pick(["1", "2", "note", "1-2", "x"]).array(of: 0...3)

    /// The fragment's Markdown, its links to its own headings written as GitHub's anchors.
    static func markdown(_ fragment: Fragment) -> String {
        var lines: [String] = []
        for heading in fragment.headings { lines += ["## " + heading, "", "Text.", ""] }
        let anchors = MarkdownDocument(lines.joined(separator: "\n")).headings.map(\.anchor)
        var text = "See"
        for (index, anchor) in anchors.enumerated() where !anchor.isEmpty && index % fragment.linkEvery == 0 {
            text += " [there](#\(anchor))"
        }
        for label in fragment.footnotes { text += " cited[^\(label)]" }
        lines += [text, ""]
        for label in Set(fragment.footnotes).sorted() { lines += ["[^\(label)]: Note \(label).", ""] }
        return lines.joined(separator: "\n")
    }

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    @Test func everyPageHasValidUniqueIdsAndItsLinksLand() async {
        let headings = Self.headingText.array(of: 0...5).array(of: 6...6)
        let footnotes = Self.footnoteLabels.array(of: 6...6)
        await propertyCheck(count: 60, input: headings, footnotes, Gen.int(in: 1...3)) { headings, footnotes, linkEvery in
            let bodies = zip(headings, footnotes).map {
                Self.markdown(Fragment(headings: $0, footnotes: $1, linkEvery: linkEvery))
            }
            let files: [String: String] = [
                "content/handbook/a.md": "# A\n\n" + bodies[0],
                "content/weekly/2026-W06.md": "---\nstatus: green\n---\n\n" + bodies[1],
                "content/issues.csv": "id,title,status,opened,description,resolution\n"
                    + "I-1,One,open,2026-02-02,\(Self.csvField(bodies[2])),\(Self.csvField(bodies[3]))\n",
                "content/milestones.csv": "id,title,due,description\n"
                    + "M1,One,2026-02-20,\(Self.csvField(bodies[4]))\nM2,Two,2026-03-20,\(Self.csvField(bodies[5]))\n",
            ]
            let root = URL(fileURLWithPath: "/generated")
            guard let (raw, loadProblems) = try? SiteLoader().load(MemoryFiles(files.mapValues { Data($0.utf8) }), root: root)
            else {
                Issue.record("the generated site did not load")
                return
            }
            let (site, problems) = SiteValidator(includeDrafts: false).validate(raw)
            let errors = (loadProblems.items + problems.items).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors.map(\.message))")
            let renderer = SiteRenderer(
                site: site, theme: Theme.load(overrides: [:]).0, asOf: Date(timeIntervalSince1970: 1_770_000_000))
            var pages = 0
            renderer.render { files in
                for file in files {
                    guard file.path.hasSuffix(".html"), case .text(let html) = file.contents else { continue }
                    pages += 1
                    let page = PageIDs(html: html)
                    #expect(page.invalid.isEmpty, "\(file.path): \(page.invalid)")
                    #expect(page.brokenLinks.isEmpty, "\(file.path): \(page.brokenLinks)")
                }
            }
            #expect(pages > 5)
        }
    }
}
