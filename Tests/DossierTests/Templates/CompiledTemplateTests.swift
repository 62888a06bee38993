import DossierMarkdown
import Foundation
import Mustache
import Testing

@testable import DossierRender
@testable import DossierTemplates

/// The compiled templates against swift-mustache, case by case: each template is rendered
/// by both, and the compiled one must be used and give the same bytes.
@Suite struct CompiledTemplateTests {
    /// Both engines' output; fails the test when the compiled template is not made or not used.
    static func agree(
        _ template: String, _ context: Any, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let expected = try MustacheTemplate(string: template).render(context)
        let compiled = try #require(
            CompiledTemplate(template), "not compiled: \(template.debugDescription)", sourceLocation: sourceLocation)
        let actual = compiled.render(context)
        let same = actual.map { Array($0.utf8) } == Array(expected.utf8)
        #expect(
            same,
            "\(template.debugDescription): \(expected.debugDescription) != \(String(describing: actual?.debugDescription))",
            sourceLocation: sourceLocation)
        return expected
    }

    @Test func standaloneLinesAreRemoved() throws {
        let context: [String: Any] = ["a": true, "b": false, "list": ["x", "y"]]
        #expect(try Self.agree("a\n{{#a}}\nin\n{{/a}}\nz\n", context) == "a\nin\nz\n")
        #expect(try Self.agree("a\r\n{{#a}}\r\nin\r\n{{/a}}\r\nz", context) == "a\r\nin\r\nz")
        #expect(try Self.agree("  {{#a}}  \n    in\n  {{/a}}\t\n", context) == "    in\n")
        #expect(try Self.agree("\t{{^b}}\n x\n\t{{/b}}", context) == " x\n")
        #expect(try Self.agree("{{! a comment }}\nafter", context) == "after")
        #expect(try Self.agree("  {{! a comment }}  \r\nafter", context) == "after")
        // Not alone on its line: text before or after keeps the line.
        #expect(try Self.agree("x {{#a}}\ny\n{{/a}} z\n", context) == "x \ny\n z\n")
        for template in [
            "{{#list}}\n{{.}}\n{{/list}}\n", "a{{#a}}\n{{/a}}\n{{#a}}\nb\n{{/a}}\n", "  {{#a}}x{{/a}}  \n", "\n  ",
            "a\n  {{! c }}  b\n",
            "{{#a}}\n{{/a}}", "\n{{#a}}\n\n{{/a}}\n", "  {{^b}}\n  {{/b}}  \n  ", "{{#a}} \n {{#a}} \n {{/a}} \n {{/a}} \n",
            "a\r\n  {{#list}}\r\n  -{{.}}\r\n  {{/list}}\r\n", "{{\nx", "a{{!\n}}\nb", "x\u{2028}{{#a}}\u{2028}y{{/a}}",
        ] {
            _ = try Self.agree(template, context)
        }
    }

    @Test func sectionsNestAndInvert() throws {
        let context: [String: Any] = [
            "items": [["name": "a", "tags": ["t1", "t2"]], ["name": "b", "tags": [String]()]] as [[String: Any]],
            "empty": [[String: Any]](), "none": [Any](), "off": false, "on": true, "title": "T",
        ]
        let items = "{{#items}}{{name}}:{{#tags}}{{.}},{{/tags}}{{^tags}}-{{/tags}};{{/items}}"
        #expect(try Self.agree(items, context) == "a:t1,t2,;b:-;")
        #expect(try Self.agree("{{^empty}}no items{{/empty}}{{^none}}[{{.}}]{{/none}}", context) == "no items[[]]")
        #expect(try Self.agree("{{^off}}off{{/off}}{{^on}}on{{/on}}{{^missing}}missing{{/missing}}", context) == "offmissing")
        #expect(try Self.agree("{{#on}}{{title}}{{/on}}{{#off}}x{{/off}}{{#missing}}x{{/missing}}", context) == "T")
        // A section opened and closed on one line.
        #expect(try Self.agree("<{{#items}}{{name}}{{/items}}>\n", context) == "<ab>\n")
        // Outer names are found from inside a section.
        _ = try Self.agree("{{#items}}{{title}}{{name}}{{#tags}}{{name}}{{title}}{{/tags}}{{/items}}", context)
    }

    @Test func aSectionOverAnEmptyStringOrZeroIsShown() throws {
        let context: [String: Any] = ["s": "", "zero": 0, "d": 0.0, "dict": [String: Any]()]
        let shown = "{{#s}}[{{.}}]{{/s}}{{#zero}}[{{.}}]{{/zero}}{{#d}}[{{.}}]{{/d}}{{#dict}}[]{{/dict}}"
        #expect(try Self.agree(shown, context) == "[][0][0.0][]")
        #expect(try Self.agree("{{^s}}x{{/s}}{{^zero}}x{{/zero}}{{^dict}}x{{/dict}}", context) == "")
    }

    @Test func dottedNames() throws {
        let context: [String: Any] = [
            "a": ["b": ["c": "deep"], "x": "inner x"] as [String: Any], "c": "top c", "x": "top x",
            "t": ["key": "value"] as [String: String],
        ]
        #expect(try Self.agree("{{a.b.c}}|{{a.x}}|{{t.key}}", context) == "deep|inner x|value")
        // A missing later part gives nothing: it is not looked for further up.
        #expect(try Self.agree("[{{a.missing.c}}][{{a.b.x}}][{{missing.c}}]", context) == "[][][]")
        #expect(try Self.agree("{{#a}}{{#b}}{{c}}{{x}}{{.c}}[{{.x}}]{{/b}}{{/a}}", context) == "deepinner xdeep[]")
        _ = try Self.agree("{{#a.b}}{{c}}{{/a.b}}{{^a.nope}}none{{/a.nope}}{{a..x}}{{.}}{{..}}", context)
    }

    @Test func implicitIteratorOverStrings() throws {
        let list = "{{#list}}<li>{{.}}</li>{{/list}}"
        #expect(try Self.agree(list, ["list": ["a&b", "<c>"]]) == "<li>a&amp;b</li><li>&lt;c&gt;</li>")
        _ = try Self.agree("{{#list}}{{.}}{{/list}}", ["list": [1, "two", 3.5, true, ["k": "v"]] as [Any]])
    }

    @Test func escaping() throws {
        let text = #"<a href="x">Tom & Jerry's</a>"#
        let escaped = #"&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"#
        #expect(try Self.agree("{{s}}|{{{s}}}|{{&s}}", ["s": text]) == escaped + "|" + text + "|" + text)
        // CJK, Cyrillic and emoji are written as they are.
        for s in ["审批人离职 <审>", "😀&😀", "Отчёт \"кв\"", "", "a"] {
            _ = try Self.agree("{{s}}{{{s}}}", ["s": s])
        }
        // One of the five joined to a combining mark, U+FE0F, a joiner or a prepended mark
        // is one Character, which swift-mustache leaves unescaped; here it is escaped, so
        // record text cannot close an attribute.
        let joined: [(String, String)] = [
            ("<\u{301}>", "&lt;\u{301}&gt;"), ("&\u{200D}'", "&amp;\u{200D}&#39;"), ("\u{600}<", "\u{600}&lt;"),
            ("e\u{301}'", "e\u{301}&#39;"),
            ("x \"\u{308} onmouseover=alert(1) y=\"\u{FE0F}", "x &quot;\u{308} onmouseover=alert(1) y=&quot;\u{FE0F}"),
        ]
        for (text, escaped) in joined {
            let compiled = try #require(CompiledTemplate("<a title=\"{{s}}\">"))
            let output = try #require(compiled.render(["s": text]))
            #expect(Array(output.utf8) == Array("<a title=\"\(escaped)\">".utf8))
        }
    }

    @Test func numbersAndBoolsAsText() throws {
        let context: [String: Any] = [
            "i": -42, "d": 0.1, "big": 1e20, "yes": true, "no": false, "opt": Optional("o") as Any,
        ]
        #expect(try Self.agree("{{i}} {{d}} {{big}} {{yes}} {{no}}", context) == "-42 0.1 1e+20 true false")
        _ = try Self.agree("{{opt}}{{#opt}}[{{.}}]{{/opt}}", context)
    }

    @Test func markupIsItsHTML() throws {
        let markup = Markup(
            document: MarkdownDocument("*hi* <b>"), destinations: [], titles: [],
            labels: .init(headingLink: "link", footnoteBack: "back", footnotes: "notes"), ids: .page)
        _ = try Self.agree("{{{body}}}|{{body}}|{{#body}}in{{/body}}{{^body}}out{{/body}}", ["body": markup])
        // Names are looked for through it on the way up the stack.
        #expect(try Self.agree("{{#body}}{{title}}{{/body}}", ["body": markup, "title": "T"]) == "T")
    }

    @Test func commentsSpanLines() throws {
        #expect(try Self.agree("a{{! one\ntwo\n}}b\n  {{!\n x\n}}\nc", [String: Any]()) == "ab\nc")
    }

    /// What swift-mustache rejects is never compiled, so its error is the one reported.
    @Test func malformedTemplatesAreNotCompiled() {
        let malformed = [
            "{{#a}}x", "{{#a}}x{{/b}}", "{{/a}}", "{{a", "{{{a}}", "x{", "{{!never closed", "{{#a}}{{^b}}{{/a}}{{/b}}",
        ]
        for template in malformed {
            #expect((try? MustacheTemplate(string: template)) == nil, "\(template.debugDescription)")
            #expect(CompiledTemplate(template) == nil, "\(template.debugDescription)")
        }
    }

    /// What only swift-mustache renders is left to it.
    @Test func otherTagsAreNotCompiled() {
        let others = [
            "{{>partial}}", "{{=<% %>=}}", "{{upper(a)}}", "{{#first(list)}}x{{/first(list)}}", "{{$block}}x{{/block}}",
            "{{<parent}}{{/parent}}", "{{% CONTENT_TYPE: TEXT}}", "{{>*dynamic}}",
        ]
        for template in others {
            #expect(CompiledTemplate(template) == nil, "\(template.debugDescription)")
        }
        let lambda = MustacheLambda { _ in "x" }
        #expect(CompiledTemplate("{{#f}}a{{/f}}")?.render(["f": lambda]) == nil)
        #expect(CompiledTemplate("{{f}}")?.render(["f": lambda]) == nil)
    }

    /// The theme renders those with swift-mustache: a site's own template may use them.
    @Test func theThemeFallsBackToSwiftMustache() {
        let (theme, problems) = Theme.load(overrides: [
            "tag.mustache": "{{=<% %>=}}<%a%> {{b}}", "search.mustache": "{{#f}}a{{/f}}",
        ])
        #expect(problems.isEmpty)
        #expect(theme.render("tag", ["a": "<", "b": 1]) == "&lt; {{b}}")
        #expect(theme.render("search", ["f": MustacheLambda { text in "[\(text)]" }]) == "[a]")
    }
}
