import DossierUtilities
import Foundation
import PropertyBased
import Testing

@testable import DossierHTML
@testable import DossierMarkdown

/// The search text read from cmark-gfm's tree during the rendering must be exactly what
/// libxml2 reads back from the HTML: the same sections, anchors, headings and text.
@Suite struct SectionReaderTests {
    static let labels = AccessibleLabels(
        headingLink: "Link to this section", footnoteBack: "Back to the text", footnotes: "Notes")

    /// Renders `source` and compares its sections with those `HTMLPage` reads from its
    /// HTML. Returns false when the document left its sections to the HTML.
    @discardableResult
    static func expectSameSections(
        _ source: String, options: MarkdownOptions = MarkdownOptions(), labels: AccessibleLabels = labels,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let document = MarkdownDocument(source, options: options)
        let destinations = document.links.map { $0.kind == .reference ? nil : $0.destination }
        let rendered = document.renderWithSections(destinations: destinations, labels: labels)
        #expect(rendered.html == document.render(destinations: destinations, labels: labels), sourceLocation: sourceLocation)
        guard let sections = rendered.sections else { return false }
        expectEqual(sections, HTMLPage(html: rendered.html).sections, source, sourceLocation: sourceLocation)
        return true
    }

    static func expectEqual(
        _ actual: [(anchor: String, heading: String, text: String)],
        _ expected: [(anchor: String, heading: String, text: String)],
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let flat = { (sections: [(anchor: String, heading: String, text: String)]) in
            sections.map { [$0.anchor, $0.heading, $0.text] }
        }
        #expect(flat(actual) == flat(expected), "\(what.debugDescription)", sourceLocation: sourceLocation)
    }

    static let awkward: [String] = [
        "",
        "Just a paragraph.",
        "Text before\n\n## First\n\nBody *one*\n\n### Second\n\nBody two\n\n# Title h1\n\nafter h1",
        "## Heading with `code`, [a link](x.html) and *emphasis*\n\ntext",
        "## Empty next\n\n##\n\n## \\#\n\n## C \\#\n\n## ends with space #\n\ntext",
        "Setext\nheading\n---\n\nand\n\nOne\n===",
        "## Repeat\n\n## Repeat\n\n## Repeat-1",
        "- one\n- two\n  - nested *a*\n  - nested b\n    1. deep\n\n       loose para\n- three",
        "1. first\n\n2. second\n\n   > quoted\n   > lines\n\n3. third",
        "| Step | Owner |\n|---|:-:|\n| *a* | `b` |\n| c | |\n\nafter",
        "- item\n\n  | x | y |\n  |---|---|\n  | 1 | 2 |",
        "|only header|\n|-|",
        "```swift\nlet a = 1\n\n\nlet b = 2\n```\n\n    indented\n\n    code",
        "```\n\n```\n\n```\n   \n```",
        "Text[^1] and more[^note] and again[^1].\n\n[^1]: First *note*.\n\n[^note]: Second\n\n    > quoted in a note\n\n[^unused]: never cited",
        "A[^a]\n\n[^a]: B[^b]\n\n[^b]: C[^a] ![i](x.png)",
        "x[^e]\n\n[^e]:\n",
        "## Heading with a note[^n]\n\n[^n]: note",
        "中文段落，包含**强调**和`代码`。\n\n## 审批流程\n\n第二段 [[setup/login|登录]]",
        "Кириллица: *согласование* и `код`.\n\n## Раздел\n\nтекст",
        "Entities: &amp; &lt;b&gt; &copy; &nbsp;x&nbsp; &#169; &#0; &quot;q&quot; 'apos'",
        "hard  \nbreak and\\\nbackslash break\nsoft break",
        "> quote\n> > nested quote\n>\n> - list in quote",
        "- [ ] open task\n- [x] done *task*\n- [ ] ![img](a.png) task",
        "- [ ] loose task\n\n- [x] loose done\n\n  more",
        "![alt *text*](p.png) after image\n\nword ![i](p.png) *em*\n\nword![i](p.png) *em*\n\n![i](p.png)\n*b*",
        "[![inner](i.png)](x.html) and [link *em* `c`](y.html)",
        "a **b** *c* ~~d~~ `e` f\n\n*a* *b*\n\n`a` `b`\n\n~~a~~ ~~b~~",
        "www.example.com and https://example.org/path?q=1 and mail@example.com",
        "***\n\ntext\n\n---\n\n- - -",
        "<div>raw block</div>\n\ninline <b>bold</b> <script>x()</script> &amp;",
        "<!-- comment -->\n\ntext",
        "tab\there\n\n\ttab code",
        "line\u{0C}feed \u{0B}vt \u{01}ctl \u{7F}del \u{FFFF}non \u{85}nel \u{2028}ls",
        "crlf\r\nlines\r\n\r\n## Head\r\n\r\ntext\r\n",
        "emoji 😀 #tag\n\n## 🎉 Party\n\n🎉",
        "[[ISS-1]] and [[handbook/a]] and [dropped](javascript:alert(1))",
        "Text *[^1]* and **x[^1]** end\n\n[^1]: note *end*",
        "word[^1] *b*\n\n[^1]: n",
        "- a\n\n      code in list\n- b\n  ## heading in list\n  text",
        "> ## heading in quote\n>\n> text",
        "1. one\n1. two\n\n7. seven",
        "\\*escaped\\* \\<tag\\> \\[x\\]",
        "| a | b |\n|---|---|\n| `x \\| y` | [l](u) ![i](p) |\n| **s** ~~t~~ | 中文 |",
        "Paragraph\n\n<pre>\nraw pre\n</pre>\n\n<p>raw p</p>",
        // White space alone after an image, a footnote reference or a hard break, before markup.
        "Setext\\\n*broken*\n---\n\nword![i](p.png)\n[l](u.html) x![i](p.png) `c`",
        "## After an image![i](p.png)\n\n## After a note[^1]\n\n[^1]: ends with a note[^1]\n\n    and code",
        "[link with a note[^1] *em*](u.html)\n\n[^1]: n",
    ]

    @Test(arguments: awkward) func awkwardDocuments(_ source: String) {
        for options in [MarkdownOptions(), MarkdownOptions(allowRawHTML: true)] {
            for labels in [Self.labels, AccessibleLabels()] {
                let fromTree = Self.expectSameSections(source, options: options, labels: labels)
                // Only raw HTML sends a document back to its HTML.
                let raw = options.allowRawHTML && ["<div", "<b>", "<!--", "<pre>"].contains { source.contains($0) }
                #expect(fromTree == !raw, "\(source.debugDescription)")
            }
        }
    }

    /// Tidying as first written, scalar by scalar: `TidyText` reads UTF-8 bytes and must
    /// give the same text.
    static func tidiedScalarByScalar(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lineHasText = false
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                if lineHasText { pendingBreak = true }
                lineHasText = false
                pendingSpace = false
            case " ", "\t", "\u{00A0}":
                if lineHasText { pendingSpace = true }
            default:
                if pendingBreak {
                    out.append("\n")
                } else if pendingSpace {
                    out.append(" ")
                }
                pendingBreak = false
                pendingSpace = false
                lineHasText = true
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// White space and its neighbours in UTF-8: U+0085 and U+00A0 share a lead byte with
    /// ©, U+2028 and U+2029 theirs with the dash, the ellipsis and U+202F.
    @Test func tidyingReadsBytesAsScalars() async {
        let pieces = [
            "a", "审", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "©",
            "\u{80}",
            "–", "…", "\u{202F}", "\u{3000}", "Â", "😀",
        ]
        let texts = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...20).map { $0.joined() }
        await propertyCheck(count: 500, input: texts) { text in
            #expect(TidyText.tidy(text) == Self.tidiedScalarByScalar(text))
        }
    }

    @Test func deepNestingIsLeftToTheHTML() {
        let deep = String(repeating: "> ", count: 300) + "deep"
        #expect(!Self.expectSameSections(deep))
        Self.expectSameSections(String(repeating: "> ", count: 40) + "not so deep")
    }

    /// A footnote cited from a footnote cmark-gfm drops (never cited, or defined twice)
    /// still gets a way back for it, which the tree cannot show: the HTML is read then.
    @Test func footnotesCitedFromDroppedFootnotes() {
        let source = "x[^d]\n\n[^c]: see[^d]\n\n[^d]: D.\n\n[^e]: E\n\n[^e]: again[^e]\n"
        Self.expectSameSections(source)
        let document = MarkdownDocument(source)
        #expect(document.renderWithSections(destinations: [], labels: Self.labels).sections == nil)
    }

    static let fragments = [
        "# ", "## ", "### ", "- ", "1. ", "> ", "- [ ] ", "- [x] ", "```\n", "    ", "\n", "\n\n", "\n\n", "*", "**", "_", "~~",
        "`", "[a](b.html)", "![i](p.png)", "[^1]", "\n\n[^1]: note ", "[^x]", "\n\n[^x]: ", "[[ref]]", "[[ref|label]]",
        "\n|a|b|\n|-|-|\n", "| c |", "|", "\n---\n", "\\\n", "  \n", "&amp;", "&lt;", "&copy;", "&nbsp;", "审批", "Жук",
        "word", "word", "word", " ", " ", "\t", "www.example.com", "https://x.org", "\u{0C}", "\u{1}", "\r\n", "😀", "#",
        "<b>", "</b>", "<!-- c -->", "<div>\n", "\\", "!", "[", "]", "(", ")", "\"", "  - ", "   ", "\n===\n", "\n---",
        "<", ">", "&#x0B;", "&#xFFFF;", "&#12;", "[a](b \"title\")", "<http://a.b>", "<m@x.org>", "[a][r]", "\n\n[r]: /u\n",
        "<span>", "``", "***", "___", "<br>", "\u{00A0}", "\u{3000}", "\u{2028}",
    ]

    /// Documents made of random pieces of Markdown: lists, quotes, tables, notes and
    /// inline markup in every order.
    @Test func generatedDocuments() async {
        let documents = Gen.element(of: Self.fragments).map { $0 ?? "" }.array(of: 0...80).map { $0.joined() }
        await propertyCheck(count: 1000, input: documents, Gen.bool, Gen.bool) { source, raw, labelled in
            Self.expectSameSections(
                source, options: MarkdownOptions(allowRawHTML: raw), labels: labelled ? Self.labels : AccessibleLabels())
        }
    }
}
