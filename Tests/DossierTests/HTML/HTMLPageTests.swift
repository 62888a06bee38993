import DossierHTML
import DossierSite
import Foundation
import Testing

/// The link check reads pages as a stream; search reads them as a tree. Both must find
/// the same links and anchors, on real pages and on awkward markup.
@Suite struct HTMLPageTests {
    static let awkward = [
        #"<p><A HREF="a.html#x">up</A><a href='b.html?q=1&amp;r=2'>b</a><a href>empty</a><a name="old">n</a></p>"#,
        #"<script src="s.js">var x = "<a href='no.html'>";</script><noscript><a href="hidden.html">h</a></noscript>"#,
        ##"<svg><a href="in-svg.html"><use href="#icon"/></a></svg><p id="after">after the svg</p>"##,
        #"<div id="one"><p>unclosed <b>tags <i id="two">here</div><img src="pic.png" id=three>"#,
        #"<table><tr><td><a href="t.html">cell</a></td></tr></table><template><a href="tpl.html"></a></template>"#,
        "<p>text only, no links</p>", "", "<a href=\"javascript:alert(1)\">x</a><a href=\"&#106;avascript:1\">y</a>",
        // Names in any case, near misses of the attributes taken, and non-ASCII names.
        #"<DIV ID="Up"><A Name="n1" HrEf="x.html">x</A><IMG SRC="i.png" Id="i"><Link HREF="s.css"></DIV>"#,
        #"<a hreff="no.html" hre="no2.html" data-href="no3.html" srcset="no4.png" ids="no" names="no" nam="no" i="no">a</a>"#,
        #"<p name="not-an-anchor" id="p1"><area name="nor-this" href="area.html"><abbr name="no">x</abbr></p>"#,
        #"<SCRIPT SRC="up.js">var a = '<a href="in.html">';</SCRIPT><SvG><A HREF="no.html"></A></SvG><StYlE>a{}</StYlE><p id="end">"#,
        #"<Über href="ü.html" ID="ü">x</Über><a hrëf="no.html" ïd="no" nämé="no">y</a><審 src="審.png">z</審>"#,
        #"<a href="审批/流程.html#节" id="审">cjk</a><a href="&quot;q&quot; &amp; &lt;x&gt;" name="e&amp;">ent</a>"#,
        #"<script><svg><a href="x"></a></svg></script><noscript id="n"><a href="y"></a></noscript><p><a href="z" id="z">z</a></p>"#,
    ]

    func same(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let tree = HTMLPage(html: html, collectingText: true)
        let stream = HTMLPage(html: html, collectingText: false)
        #expect(stream.references.map(\.value) == tree.references.map(\.value), sourceLocation: sourceLocation)
        #expect(stream.references.map(\.element) == tree.references.map(\.element), sourceLocation: sourceLocation)
        #expect(stream.references.map(\.attribute) == tree.references.map(\.attribute), sourceLocation: sourceLocation)
        #expect(stream.anchors == tree.anchors, sourceLocation: sourceLocation)
    }

    @Test(arguments: awkward) func awkwardMarkup(_ html: String) {
        same(html)
    }

    @Test func streamSkipsWhatTheTreeSkips() {
        let page = HTMLPage(html: Self.awkward[1] + Self.awkward[2], collectingText: false)
        #expect(page.references.map(\.value) == ["s.js"])
        #expect(page.anchors == ["after"])
        #expect(
            HTMLPage(html: Self.awkward[0], collectingText: false).references.map(\.value)
                == ["a.html#x", "b.html?q=1&r=2", ""])
    }

    @Test func everyPageOfTheSampleProject() throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-11-22")))
        let output = site.appendingPathComponent("output")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 100)
        for page in pages {
            same(try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8))
        }
    }
}
