import DossierDiagnostics
import DossierHTML
import DossierMarkdown
import DossierModel
import DossierRender
import Foundation

/// Checks every `href` and `src` of the final pages, templates' links included: an
/// internal one must be a file of the site and its `#fragment` an id on that page; no
/// link may use an unsafe scheme (raw HTML allowed by `markdown.unsafe_html` included).
struct LinkCheck {
    /// The first page that links to a target, to report a broken one there.
    private struct FirstUse {
        var page: String
        var template: String?
        var value: String
    }

    /// Distinct link targets (site path, fragment) with their first use: pages share most
    /// links (navigation, the handbook tree), so this stays small however large the site.
    private var targets: [String: FirstUse] = [:]
    /// Links with an unsafe scheme, each use.
    private var unsafe: [FirstUse] = []
    /// Each page's ids as one string, NUL before and after each: one allocation a page
    /// rather than a set, for the few pages a fragment is checked against.
    private var anchors: [String: String] = [:]
    private var paths: Set<String> = []

    /// Takes note of a batch of the site's files; their HTML need not be kept. Pages
    /// not yet read (their `links` are nil) are read and their links resolved on all
    /// cores, and get their `links`; only the distinct targets are merged.
    mutating func add(_ files: inout [OutputFile]) {
        paths.formUnion(files.map(\.path))
        let read: [PageLinks?] = files.parallelMap { file in
            guard file.links == nil, file.path.hasSuffix(".html"), case .text(let html) = file.contents else { return nil }
            return Self.read(html, path: file.path)
        }
        for index in files.indices {
            if let links = read[index] { files[index].links = links }
            guard let links = files[index].links else { continue }
            let file = files[index]
            anchors[file.path] = links.ids.isEmpty ? "" : "\u{0}" + links.ids.joined(separator: "\u{0}") + "\u{0}"
            for value in links.unsafe { unsafe.append(FirstUse(page: file.path, template: file.template, value: value)) }
            for target in links.targets where targets[target.key] == nil {
                targets[target.key] = FirstUse(page: file.path, template: file.template, value: target.value)
            }
        }
    }

    /// A page's ids and its links, each distinct one resolved to the site path it points to.
    static func read(_ html: String, path: String) -> PageLinks {
        let page = HTMLPage(html: html, collectingText: false)
        var links = PageLinks(ids: page.anchors.sorted(), targets: [], unsafe: [])
        let folder = (path as NSString).deletingLastPathComponent
        var seen: Set<String> = []
        for reference in page.references where seen.insert(reference.value).inserted {
            let value = reference.value
            guard URLSafety.isSafe(value) else {
                links.unsafe.append(value)
                continue
            }
            guard let (target, fragment) = resolve(value, from: folder) else { continue }
            // NUL: in neither a path nor a fragment.
            links.targets.append(PageLinks.Target(key: (target ?? path) + "\u{0}" + (fragment ?? ""), value: value))
        }
        return links
    }

    /// The problems of every page noted; `templateText` gives a template's source by
    /// name, to point at the line that wrote a broken link (links from records were
    /// checked before rendering). A broken target is reported once, where it is first used.
    func problems(templateText: (String) -> String? = { _ in nil }) -> [Diagnostic] {
        func place(_ use: FirstUse) -> SourceLocation {
            location(of: use.value, in: OutputFile(path: use.page, contents: .text(""), template: use.template), templateText: templateText)
        }
        var diagnostics = unsafe.map { use in
            Diagnostic.error(.unsafeLink, at: place(use), "page \(use.page) has a link with an unsafe scheme: \(use.value.prefix(40))")
        }
        for (key, use) in targets.sorted(by: { $0.key < $1.key }) {
            let separator = key.firstIndex(of: "\u{0}")!
            let target = String(key[..<separator])
            let fragment = String(key[key.index(after: separator)...])
            if !paths.contains(target) {
                diagnostics.append(
                    .error(.brokenLink, at: place(use), "page \(use.page) links to \(use.value), which is not part of the site"))
            } else if !fragment.isEmpty, let known = anchors[target],
                fragment.contains("\u{0}") || !known.contains("\u{0}" + fragment + "\u{0}")
            {
                diagnostics.append(
                    .error(.brokenAnchor, at: place(use), "page \(use.page) links to \(use.value): \(target) has no #\(fragment)"))
            }
        }
        return diagnostics
    }

    /// Where the template of `file` writes `url`: the line holding it without the
    /// page's `../` prefix (templates write `{{root}}`); the template's start otherwise.
    func location(of url: String, in file: OutputFile, templateText: (String) -> String?) -> SourceLocation {
        guard let name = file.template else { return .start(of: file.path) }
        let path = "templates/\(name).mustache"
        var written = Substring(url)
        while written.hasPrefix("../") { written = written.dropFirst(3) }
        guard !written.isEmpty, let text = templateText(name) else { return .start(of: path) }
        for (index, line) in TextLines.split(text).enumerated() {
            if let range = line.range(of: written) {
                return SourceLocation(file: path, line: index + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return .start(of: path)
    }

    /// `text` without its percent-escapes; nil when they are malformed.
    private static func decoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// The site path and fragment an internal URL points to; nil for external URLs.
    /// A nil path with a fragment is the same page.
    static func resolve(_ url: String, from folder: String) -> (String?, String?)? {
        if url.hasPrefix("//") || URLSafety.scheme(of: url) != nil { return nil }
        var rest = url
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = decoded(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        if rest.isEmpty { return (nil, fragment) }
        let decoded = decoded(rest) ?? rest
        var parts = folder.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return ("../" + decoded, fragment) }  // outside the site: reported
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        var path = parts.joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, fragment)
    }
}
