import DossierHTML
import DossierMarkdown
import Foundation
import PropertyBased
import Testing

@testable import DossierSite

/// The link check resolves most links on bytes; it must give what resolving them on
/// characters gave, link for link.
@Suite struct LinkCheckTests {
    /// `LinkCheck.resolve(_:from:)` as it was before links were resolved on bytes: the
    /// reference the faster one is held to (cutting the fragment at code points since).
    static func referenceResolve(_ url: String, from folder: String) -> (String?, String?)? {
        func decoded(_ text: String) -> String? {
            text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
        }
        if url.hasPrefix("//") || URLSafety.scheme(of: url) != nil { return nil }
        // Cut at code points, as browsers cut: a `#` or `?` followed by a combining mark
        // still ends the path.
        var scalars = url.unicodeScalars[...]
        var fragment: String?
        if let hash = scalars.firstIndex(of: "#") {
            fragment = decoded(String(scalars[scalars.index(after: hash)...]))
            scalars = scalars[..<hash]
        }
        if let query = scalars.firstIndex(of: "?") { scalars = scalars[..<query] }
        let rest = String(scalars)
        if rest.isEmpty { return (nil, fragment) }
        let decoded = decoded(rest) ?? rest
        var parts = folder.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return ("../" + decoded, fragment) }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        var path = parts.joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, fragment)
    }

    /// The same answer, compared byte for byte (String's `==` would take canonically
    /// equivalent text as equal).
    static func same(_ url: String, from folder: String) -> Bool {
        func bytes(_ answer: (String?, String?)?) -> [[UInt8]?]? {
            answer.map { [$0.0.map { Array($0.utf8) }, $0.1.map { Array($0.utf8) }] }
        }
        return bytes(LinkCheck.resolve(url, from: folder)) == bytes(referenceResolve(url, from: folder))
    }

    static let folders = ["", "handbook", "handbook/expense", "issues", "审批/流程", "a/b/c", "/", "x//y/"]

    static let awkward = [
        "", "#", "#top", "#%E5%AE%A1", "#%zz", "#a#b", "?", "?q", "?q#f", "page.html?query#frag", "../", "..", "../..",
        "../../../../x.html", "./", ".", "./a.html", "a/./b/../c", "a/../../b", "a//b", "a/", "/", "/abs/x.html", "//host/x",
        "//", "/#x", "mailto:a@b.c", "javascript:alert(1)", "JAVASCRIPT:x", ":colon", "a:b", "a/b:c", "?a:b", "#a:b",
        "%20", "a%20b.html", "%zz", "a/%zz/b", "a%2Fb", "a%2e%2e/b", "a.html?%zz", "审批/流程.html", "../审批/#节",
        "#审批", "#\u{301}x", "a#\u{301}", "a/\u{301}b", "/\u{301}/x", "a b.html", " ../a", "\t//x", "a\r\nb", "ｈttp:x",
        "index.html", "../index.html", "../../issues/B-1.html#history", "café.html", "cafe\u{301}.html", "x/..", "x/.",
    ]

    /// A page's ids are one string, NUL around each; a fragment is found only whole.
    @Test func anIdIsFoundOnlyWhole() {
        let ids = "\u{0}main\u{0}审批-流程\u{0}#️-known-problems\u{0}fn:1\u{0}"
        for id in ["main", "审批-流程", "#️-known-problems", "fn:1"] { #expect(LinkCheck.holds(ids, "\u{0}\(id)\u{0}"), "\(id)") }
        for id in ["mai", "ain", "审批", "流程", "-known-problems", "fn:", "fn:12", ""] {
            #expect(!LinkCheck.holds(ids, "\u{0}\(id)\u{0}"), "\(id)")
        }
        #expect(!LinkCheck.holds("", "\u{0}a\u{0}"))
        #expect(!LinkCheck.holds("\u{0}a", "\u{0}a\u{0}"))
        #expect(LinkCheck.holds("\u{0}a\u{0}", "\u{0}a\u{0}"))
    }

    @Test func awkwardURLs() {
        for folder in Self.folders {
            for url in Self.awkward {
                #expect(Self.same(url, from: folder), "\(url.debugDescription) from \(folder.debugDescription)")
            }
        }
    }

    @Test func urlsMadeOfAwkwardPieces() async {
        let pieces = [
            "a", "b.html", "/", "/", "./", "../", "..", ".", "#", "?", "%20", "%zz", "%", ":", "//", "审", "\u{301}", " ",
            "index.html", "x", "-", "=", "&",
        ]
        let urls = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...10).map { $0.joined() }
        let folders = Gen.element(of: Self.folders).map { $0 ?? "" }
        await propertyCheck(count: 3000, input: urls, folders) { url, folder in
            #expect(Self.same(url, from: folder), "\(url.debugDescription) from \(folder.debugDescription)")
        }
    }

    @Test func everyLinkOfTheSampleProject() throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
        }
        _ = try Dossier.build(.init(site: site, asOf: .written("2026-11-22")))
        let output = site.appendingPathComponent("output")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 100)
        var links = 0
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            let folder = (page as NSString).deletingLastPathComponent
            for reference in HTMLPage(html: html, collectingText: true).references {
                links += 1
                #expect(Self.same(reference.value, from: folder), "\(reference.value.debugDescription) from \(page)")
            }
        }
        #expect(links > 1000)
    }
}

/// A broken link in a site's own layout is reported once, at its line in that layout, not
/// at the first line of each built-in page template that the layout wraps.
@Suite struct SiteTemplateLinkTests {
    @Test func aBrokenLinkInTheSitesLayoutIsReportedWhereItIsWritten() throws {
        let site = try Fixtures.copy("invalid/valid-header-only")
        // Fixtures → DossierTests → Tests → the repository, whose templates/ is the theme.
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var layout = try String(contentsOf: repository.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
            .components(separatedBy: "\n")
        layout.insert("<a href=\"nope.html\">x</a>", at: 2)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data(layout.joined(separator: "\n").utf8).write(to: site.appendingPathComponent("templates/layout.mustache"))
        let result = try Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        let problems = result.report.diagnostics.items
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(file: "templates/layout.mustache", line: 3, column: 10))
        #expect(problems.first?.rule == .brokenLink)
    }
}
