import Foundation
import Testing

@testable import DossierMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func referencesAreFoundWithTheirPlace() {
        let source = "# 标题\n\n中文 text [[setup/login|登录]] and [link](a.md#x)\n`[[not/in/code]]` [[ISS-1]]\n"
        let document = MarkdownDocument(source, lineOffset: 4)
        #expect(document.links.map(\.kind) == [.reference, .link, .reference])
        #expect(document.links.map(\.destination) == ["setup/login", "a.md#x", "ISS-1"])
        // Lines count from the file (offset 4); columns count characters.
        #expect(document.links[0].position == MarkdownPosition(line: 7, column: 9))
        #expect(document.links[1].position == MarkdownPosition(line: 7, column: 32))
        #expect(document.links[2].position == MarkdownPosition(line: 8, column: 19))
        #expect(document.headings.map(\.anchor) == ["标题"])
    }

    @Test func renderingWritesDestinationsAndHeadingIDs() {
        let document = MarkdownDocument("## Über uns\n\nSee [[a/b|the article]] and [x](y.md).\n")
        let html = document.render(destinations: ["../handbook/a/b.html", nil])
        #expect(html.contains("<h2 id=\"über-uns\">Über uns</h2>"))
        #expect(html.contains("<a href=\"../handbook/a/b.html\">the article</a>"))
        // A dropped link keeps its text.
        #expect(html.contains("and x."))
    }

    @Test func rawHTMLIsEscapedUnlessAllowed() {
        let source = "<div onclick=\"x()\">hi</div>\n\nInline <b>bold</b> <script>alert(1)</script>\n"
        let safe = MarkdownDocument(source).renderAsWritten()
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<b>"))
        #expect(safe.contains("&lt;b&gt;bold&lt;/b&gt;"))
        let allowed = MarkdownDocument(source, options: MarkdownOptions(allowRawHTML: true)).renderAsWritten()
        #expect(allowed.contains("<b>bold</b>"))
        #expect(!allowed.contains("<script>"))  // the tagfilter extension still neutralises it
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html,x"])
    func unsafeTargetsNeverReachThePage(_ url: String) {
        let document = MarkdownDocument("[click](\(url.replacingOccurrences(of: "\t", with: "%09")))\n")
        #expect(!URLSafety.isSafe(url))
        let html = document.render(destinations: [url])
        #expect(!html.lowercased().contains("script:"))
        #expect(!html.contains("href"))
    }

    /// cmark-gfm's own CommonMark writer, with the links given: a table stays a GFM table,
    /// a dropped link keeps its text, a reference gets its destination and title.
    @Test func commonMarkKeepsTheTextAndRewritesTheLinks() {
        let document = MarkdownDocument(
            "## 进展\n\n| a | b |\n|---|--:|\n| [x](y.md) | 2 |\n\nSee [[ISS-1]], [[p/q]] and <https://e.example>[^n].\n\n[^n]: Note.\n"
        )
        let markdown = document.renderCommonMark(
            destinations: ["https://s.example/y.html", nil, "https://s.example/p/q.html", "https://e.example"],
            titles: [nil, nil, "Q title", nil])
        #expect(
            markdown == """
                ## 进展

                | a | b |
                | --- | --: |
                | [x](https://s.example/y.html) | 2 |

                See ISS-1, [Q title](https://s.example/p/q.html) and <https://e.example>[^n].

                [^n]:
                    Note.

                """)
        // It reads back to the same table.
        #expect(MarkdownDocument(markdown).renderAsWritten().contains("<td align=\"right\">2</td>"))
    }

    /// No `<!-- end list -->` reaches a chat: a fence after a list needs nothing, a list or
    /// an indented code block after one gets a no-break-space paragraph, and each reads
    /// back to the same blocks.
    @Test func commonMarkEndsListsWithoutAnHTMLComment() {
        let cases = [
            "- a\n\n```yaml\nk: v\n```\n",
            "- a\n\n1. b\n",
            "> - a\n>\n> ```\n> c\n> ```\n",
            "- a\n\n~~~\nc\n~~~\n",
        ]
        for source in cases {
            let document = MarkdownDocument(source)
            let markdown = document.renderCommonMark(destinations: document.links.map { _ in nil })
            #expect(!markdown.contains("<!-- end list -->"), "\(source) gave \(markdown)")
            let before = document.renderAsWritten()
            let after = MarkdownDocument(markdown).renderAsWritten().replacingOccurrences(of: "<p>\u{00A0}</p>\n", with: "")
            #expect(after == before, "\(source) reads back as \(after), not \(before)")
        }
        // An indented code block (cmark-gfm writes code without an info string indented).
        let indented = MarkdownDocument.withoutEndListComments("- a\n\n<!-- end list -->\n\n    code\n")
        #expect(indented == "- a\n\n\u{00A0}\n\n    code\n")
        #expect(
            MarkdownDocument(indented).renderAsWritten()
                == "<ul>\n<li>a</li>\n</ul>\n<p>\u{00A0}</p>\n<pre><code>code\n</code></pre>\n")
    }

    /// cmark-gfm's plain-text writer, with a table as `header: value` lines, a link's URL
    /// after its text (once for an autolink) and footnotes as `[n]`.
    @Test func plainTextWritesURLsAfterTheirTextAndTablesAsLines() {
        let document = MarkdownDocument(
            "## 进展\n\n| a | b |\n|---|--:|\n| [x](y.md) | 2 |\n| | 3 |\n\n- See [[ISS-1]], [it](z.md)。 <https://e.example>[^n]\n\n> **Quoted** `code`\n\n[^n]: Note.\n"
        )
        let text = document.renderPlainText(
            destinations: ["https://s.example/y.html", "https://s.example/ISS-1.html", nil, "https://e.example"])
        #expect(
            text == """
                进展

                  - a: x https://s.example/y.html · b: 2
                  - b: 3

                  - See ISS-1 https://s.example/ISS-1.html , it。 https://e.example [1]

                Quoted code

                [1] Note.

                """)
    }

    /// Struck-out text keeps its `~~` in plain text, and an extended autolink
    /// (`www.…`) is written once, not followed by the `http://` URL GFM gives it.
    @Test func plainTextKeepsStrikethroughAndWritesAWWWLinkOnce() {
        let document = MarkdownDocument("~~11 月 20 日上线~~ 改为 11 月 27 日，见 www.example.com 或 ops@example.com\n")
        let text = document.renderPlainText(destinations: document.links.map { _ in nil })
        #expect(text == "~~11 月 20 日上线~~ 改为 11 月 27 日，见 www.example.com 或 ops@example.com\n")
    }

    @Test func gfmExtensionsAreOn() {
        let html = MarkdownDocument(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n"
        )
        .renderAsWritten()
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("href=\"http://www.example.com\""))
        #expect(html.contains("checkbox"))
        #expect(html.contains("footnote"))
    }

    /// cmark-gfm edits a process-wide table while a parser finishes; documents parsed
    /// on many threads must come out exactly as parsed one at a time.
    @Test func parallelRenderingEqualsSerial() {
        let sources = (0..<400).map { i in
            "# Doc \(i)\n\n~~struck \(i)~~ and www.example\(i).com and https://x.org/\(i)\n\n| a | b |\n|---|---|\n| \(i) | ~~\(i)~~ |\n"
        }
        let serial = sources.map { MarkdownDocument($0).renderAsWritten() }
        var parallel = [String](repeating: "", count: sources.count)
        parallel.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                out[i] = MarkdownDocument(sources[i]).renderAsWritten()
            }
        }
        #expect(serial == parallel)
        #expect(serial[7].contains("<del>struck 7</del>"))
        #expect(serial[7].contains("href=\"http://www.example7.com\""))
    }

    @Test func footnotesSpeakThePagesLanguage() {
        let document = MarkdownDocument("Cited here.[^1]\n\n[^1]: The note.\n")
        let english = document.render(destinations: [])
        #expect(english.contains(#"aria-label="Back to content""#))
        let chinese = document.render(destinations: [], labels: AccessibleLabels(footnoteBack: "返回正文", footnotes: "脚注"))
        #expect(chinese.contains(#"aria-label="返回正文""#) && !chinese.contains("Back to content"))
        #expect(chinese.contains("<section class=\"footnotes\" data-footnotes>\n<h2 class=\"visually-hidden\">脚注</h2>"))
        // Without footnotes nothing is added.
        #expect(!MarkdownDocument("No notes.").render(destinations: [], labels: AccessibleLabels(footnotes: "脚注")).contains("脚注"))
    }

    @Test func occurrencesAreCountedWithoutOverlap() {
        #expect(MarkdownDocument.occurrences(of: "aa", in: "aaaaa") == 2)
        #expect(MarkdownDocument.occurrences(of: "aa", in: "aaaaa", limit: 1) == 1)
        #expect(MarkdownDocument.occurrences(of: "脚注", in: "脚注 and 脚注") == 2)
        #expect(MarkdownDocument.occurrences(of: "end", in: "the end") == 1)
        #expect(MarkdownDocument.occurrences(of: "longer", in: "long") == 0)
        #expect(MarkdownDocument.occurrences(of: "", in: "text") == 0)
    }

    /// A paragraph that a table interrupts (no blank line between them) has no source
    /// positions from cmark-gfm (github/cmark-gfm#222): its links are found on its own
    /// lines, at their `[`, not at the document's first line.
    @Test(arguments: [
        ("intro\n\nsee [x](nope.md) and ![i](a.png)\n| a | b |\n|---|---|\n| 1 | 2 |\n", [(3, 5), (3, 22)]),
        ("intro\n\n前言 [审批](a.md)\n第二行 <https://x.example>\n| a |\n|---|\n", [(3, 4), (4, 5)]),
        ("- item\n\n  text [[faq]] and [y](b.md)\n  | a |\n  |---|\n  | 1 |\n", [(3, 8), (3, 20)]),
        ("a\n\nline one\nsee [[faq]] here\n| a |\n|---|\n", [(4, 5)]),
        ("Intro\n| [h](n1.md) | [[r1]] |\n|---|---|\n| [b](n2.md) | c |\n", [(2, 3), (2, 16), (4, 3)]),
        ("a [x](n.md) b [[r]] c [y](n.md)\nd [[r]] <n.md>\n| a |\n|---|\n", [(1, 3), (1, 15), (1, 23), (2, 3)]),
        ("说明 [x](nope.md)\r\n第二行\r\n| [h](n1.md) | b |\r\n|---|---|\r\n", [(1, 4), (3, 3)]),
    ])
    func linksInAParagraphATableInterruptsArePlacedOnTheirLines(_ source: String, _ expected: [(Int, Int)]) {
        let document = MarkdownDocument(source, lineOffset: 3)
        let placed = document.links.map { "\($0.position.line):\($0.position.column)" }
        #expect(placed == expected.map { "\($0.0 + 3):\($0.1)" }, "\(source.debugDescription)")
    }
}
