import DossierHTML
import DossierMarkdown
import Foundation
import Testing

/// A note's HTML made fit for a mail: the look in inline styles only, no link that leads
/// nowhere from a mail client.
@Suite struct MailHTMLTests {
    /// Every construct of GitHub Flavored Markdown a note may hold, rendered as a page
    /// renders it: heading links, footnotes with their way back, a table with alignments.
    static let markdown = """
        # Title

        ## 本周完成 done

        Text with **strong**, *em*, ~~gone~~, `inline code`, a [site link](../issues/FK-1.html),
        a [heading link](#本周完成-done), [mail](mailto:pm@example.com) and [web](https://example.com/a?b=1&c=2)[^1].

        - one
          1. nested
        - [ ] open task
        - [x] done task

        > quoted *text*

        | left | right | centre |
        |---|---:|:---:|
        | a | 1 | x |

        ```yaml
        key: <value> & more
        ```

        ![wide](https://example.com/wide.png) ![local](../handbook/pic.png "a title")

        ---

        ### Three
        #### Four
        ##### Five
        ###### Six

        [^1]: The note, with [a link](https://example.com/n).
        """

    static func rendered(_ markdown: String = markdown) -> String {
        let document = MarkdownDocument(markdown)
        return document.render(
            destinations: document.links.map(\.destination),
            labels: AccessibleLabels(headingLink: "Link to this section", footnoteBack: "Back to content", footnotes: "Notes"))
    }

    /// Start tags of `html` with their attribute text: [(name, attributes)].
    static func tags(_ html: String) -> [(name: String, attributes: String)] {
        html.matches(of: #/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/#).map { (String($0.output.1).lowercased(), String($0.output.2)) }
    }

    @Test func theInputHasWhatTheMailMustNotKeep() {
        let html = Self.rendered()
        for needle in [
            #"class="heading-anchor""#, #"class="footnotes""#, #"class="visually-hidden""#, "href=\"#", " id=\"",
            #"align="right""#, "footnote-backref", #"lang="yaml""#, "<input", "../issues/FK-1.html", "../handbook/pic.png",
        ] {
            #expect(html.contains(needle), "\(needle)")
        }
    }

    @Test func everyElementIsStyledInlineAndNothingDependsOnClassesOrIDs() throws {
        let mail = MailHTML.inline(Self.rendered())
        for needle in ["class=", " id=", "data-", "align=", "<section", "<input", "<style", "lang=", "heading-anchor", "↩"] {
            #expect(!mail.contains(needle), "\(needle) is left")
        }
        let tags = Self.tags(mail)
        #expect(
            Set(tags.map(\.name)).isSuperset(of: [
                "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "th", "td", "pre", "code", "blockquote", "img", "a",
                "hr", "sup", "del", "strong", "em", "div",
            ]))
        for tag in tags where !["thead", "tbody", "tr"].contains(tag.name) {
            #expect(tag.attributes.contains(" style=\""), "<\(tag.name)\(tag.attributes)> has no style")
        }
    }

    @Test func stylesComeFromTheTableByElementAndContainer() {
        let mail = MailHTML.inline(Self.rendered())
        func style(_ name: String, where condition: (String) -> Bool = { _ in true }) -> [String] {
            Self.tags(mail).filter { $0.name == name && condition($0.attributes) }.map {
                String($0.attributes.firstMatch(of: #/style="([^"]*)"/#)!.output.1)
            }
        }
        // The first element adds no margin above the fragment; the others keep theirs.
        #expect(style("h1") == [MailHTML.styles["h1"]! + "margin-top:0;"])
        #expect(style("h2").first == MailHTML.styles["h2"])
        #expect(style("table") == [MailHTML.styles["table"]!])
        // Cells keep cmark-gfm's alignment as text-align, once.
        let cells = style("td")
        #expect(cells.count == 3)
        #expect(cells[0].contains("text-align:left;") && cells[1].contains("text-align:right;"))
        #expect(cells[2].contains("text-align:center;") && !cells[2].contains("text-align:left;"))
        #expect(cells.allSatisfy { $0.contains("border:1px solid #d0d7de;") && $0.contains("padding:6px 10px;") })
        #expect(style("pre") == [MailHTML.styles["pre"]!])
        #expect(MailHTML.styles["pre"]!.contains("background-color:#f6f8fa;"))
        // Code inside pre has no tint of its own; inline code has.
        #expect(style("code") == [MailHTML.styles["code"]!, MailHTML.styles["pre code"]!])
        #expect(style("blockquote") == [MailHTML.styles["blockquote"]!])
        #expect(MailHTML.styles["blockquote"]!.contains("border-left:4px solid"))
        #expect(style("p").contains(MailHTML.styles["blockquote p"]!))
        #expect(style("ol").contains(MailHTML.styles["li ol"]!))
        #expect(style("img") == [MailHTML.styles["img"]!])
        #expect(MailHTML.styles["img"]!.contains("max-width:100%;") && MailHTML.styles["img"]!.contains("height:auto;"))
        // The footnotes: their own entries win over `li p`.
        #expect(style("div") == [MailHTML.styles["footnotes"]!])
        #expect(style("h2").last == MailHTML.styles["footnotes h2"])
        #expect(style("p").last == MailHTML.styles["footnotes p"])
        // The font stack and colours of the mail template.
        #expect(MailHTML.styles["p"]!.hasPrefix(MailHTML.font) && MailHTML.styles["p"]!.contains("color:#1f2328;"))
        let template = try? String(
            contentsOf: Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("templates/weekly-email.mustache"), encoding: .utf8)
        #expect(template?.contains(MailHTML.font) == true)
    }

    @Test func onlyLinksThatWorkFromAMailStay() {
        let mail = MailHTML.inline(Self.rendered())
        let hrefs = mail.matches(of: #/href="([^"]*)"/#).map { String($0.output.1) }
        #expect(hrefs == ["mailto:pm@example.com", "https://example.com/a?b=1&amp;c=2", "https://example.com/n"])
        // Their text stays.
        #expect(mail.contains("a site link,") && mail.contains("a heading link, "))
        // A footnote's number is superscript text; its way back is gone, the note stays.
        #expect(mail.contains(">web</a><sup style=\"\(MailHTML.styles["sup"]!)\">1</sup>"))
        #expect(mail.contains("The note, with <a href=\"https://example.com/n\""))
        #expect(mail.contains("\">Notes</h2>"))
        // An image of the site is its alt text; one on the web stays.
        #expect(mail.contains(#"<img src="https://example.com/wide.png" alt="wide" style=""#))
        #expect(!mail.contains("pic.png") && mail.contains(" local</p>"))
    }

    @Test func unsafeAndRelativeTargetsNeverBecomeLinksOrImages() {
        let html = """
            <p><a href="javascript:alert(1)">js</a> <a href="page.html">rel</a> <a href="//host/x">net</a> <a>bare</a>
            <a href="HTTPS://Example.com/">up</a> <a href="tel:+123">tel</a> <img src="data:image/png;base64,AA" alt="d&amp;x">
            <img src="http://example.com/i.png"></p>
            """
        let mail = MailHTML.inline(html)
        let hrefs = mail.matches(of: #/href="([^"]*)"/#).map { String($0.output.1) }
        #expect(hrefs == ["HTTPS://Example.com/", "tel:+123"])
        #expect(mail.contains(">js ") && mail.contains(" rel ") && mail.contains(" net ") && mail.contains(" bare"))
        #expect(mail.contains(" d&amp;x\n"))
        #expect(mail.contains(#"<img src="http://example.com/i.png" style=""#))
    }

    /// Raw HTML (`markdown.unsafe_html`) may put a URL on any element: what would not
    /// work from a mail goes, so no reference of the result is relative.
    @Test func urlAttributesOfOtherElementsWorkFromAMailOrGo() {
        let html = """
            <map name="m"><area href="rel.html" alt="a"><area href="https://example.com/" alt="b"></map>
            <video src="v.mp4" poster="p.png"></video><form action="/x"><button formaction="y">b</button></form>
            <blockquote cite="../c.html">q</blockquote><img src="https://example.com/i.png" srcset="i2.png 2x" alt="i">
            """
        let mail = MailHTML.inline(html)
        let references = HTMLPage(html: mail).references.map(\.value)
        #expect(references == ["https://example.com/", "https://example.com/i.png"])
        #expect(!mail.contains("srcset") && !mail.contains("action=") && !mail.contains("cite="))
    }

    @Test func tasksRawStylesAndHiddenElements() {
        let mail = MailHTML.inline(
            #"<ul><li><input type="checkbox" disabled="" /> open</li><li><input type="checkbox" checked="" disabled="" /> done</li></ul>"#
                + #"<style>p{color:red}</style><script>x()</script><!-- raw HTML omitted --><p class="x" style="color:red">own</p>"#
        )
        #expect(mail.contains("☐ open</li>") && mail.contains("☑ done</li>"))
        #expect(!mail.contains("color:red}") && !mail.contains("x()") && !mail.contains("<!--"))
        #expect(mail.contains("<p style=\"\(MailHTML.styles["p"]!)color:red;\">own</p>"))
        #expect(mail.hasPrefix("<ul style=\"\(MailHTML.styles["ul"]!)margin-top:0;\">"))
    }

    @Test func textIsEscapedAsHTML5AndCJKStaysReadable() {
        let mail = MailHTML.inline(#"<p title="a &quot;q&quot; &amp; b">审批 &lt;x&gt; &amp; Ж<br />next</p><hr />"#)
        #expect(
            mail
                == #"<p title="a &quot;q&quot; &amp; b" style="\#(MailHTML.styles["p"]!)margin-top:0;">审批 &lt;x&gt; &amp; Ж<br>next</p>"#
                + #"<hr style="\#(MailHTML.styles["hr"]!)">"#)
        #expect(MailHTML.inline("") == "")
    }

    @Test func codeKeepsItsLinesAndCharacters() {
        let mail = MailHTML.inline(Self.rendered("```\nline 1\n  <two> & \"three\"\n```\n"))
        #expect(mail.contains(">line 1\n  &lt;two&gt; &amp; &quot;three&quot;\n</code></pre>"))
    }
}
