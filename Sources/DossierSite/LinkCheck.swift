import DossierDiagnostics
import DossierHTML
import DossierMarkdown
import DossierOutput
import DossierUtilities
import Foundation

/// Checks every `href` and `src` of the final pages, templates' links included: an
/// internal one must be a file of the site and its `#fragment` an id on that page; no
/// link may use an unsafe scheme (raw HTML allowed by `markdown.unsafe_html` included).
struct LinkCheck {
    /// A link target's first use, to report it there if it is broken, and how many links
    /// of the pages noted point to it.
    private struct Use {
        var page: String
        var value: String
        /// The template's place in `templates`, and the count: 40 bytes a target, not 56,
        /// at hundreds of thousands of targets for 50,000 issues.
        var template: Int32
        var count: Int32 = 1
    }

    /// The names of the templates that wrote the pages noted; 0 is none.
    private var templates: [String?] = [nil]
    private var templateNumbers: [String: Int32] = [:]

    /// Distinct link targets (site path, fragment) with their first use: pages share most
    /// links (navigation, the handbook tree), so this stays small however large the site.
    private var targets: [String: Use] = [:]
    /// Links with an unsafe scheme, each use.
    private var unsafe: [Use] = []
    /// Each page's ids as one string, NUL before and after each: one allocation a page
    /// rather than a set, for the few pages a fragment is checked against. Searched as
    /// UTF-8: as characters, a NUL followed by an id starting with a mark (GitHub's
    /// `#️-known-problems`) would not end the id before it.
    private var anchors: [String: String] = [:]
    /// Every file of the site, with the number of the update that last saw it (see
    /// `update(_:before:)`); 0 in a check made in one build.
    private var paths: [String: Int] = [:]
    /// The pages with links that the page cache does not hold (files without a key), with
    /// their template and links: what `update(_:before:)` takes out when they change.
    private var uncached: [String: (template: String?, links: PageLinks)] = [:]
    /// What the current update changed, when the check is being carried to a new build.
    private var changes: Changes?
    /// Updates made so far.
    private var updates = 0

    /// What an update did, to tell whether the site can have a broken link now where the
    /// carried check had none.
    private struct Changes {
        var number: Int
        /// Files noted.
        var files = 0
        /// The pages with links, in the order noted, for a check from scratch.
        var order: [String] = []
        /// Targets no link pointed to before.
        var fresh: [String] = []
        /// A page lost an id or stopped being a page: any target may be broken.
        var anchorsLost = false
        /// A link with an unsafe scheme was found.
        var unsafe = false
    }

    /// A check expecting about `pages` pages linking to about `targets` distinct targets
    /// (what `serve`'s last build had), so that its tables are not grown step by step
    /// (5 % of a rebuild at 50,000 issues).
    init(pages: Int = 0, targets: Int = 0) {
        paths.reserveCapacity(pages)
        anchors.reserveCapacity(pages)
        self.targets.reserveCapacity(targets)
    }

    /// How many distinct targets the pages noted link to.
    var targetCount: Int { targets.count }

    /// How many files the check knows.
    var fileCount: Int { paths.count }

    /// Takes note of a batch of the site's files; their HTML need not be kept. Pages
    /// not yet read (their `links` are nil) are read and their links resolved on all
    /// cores, and get their `links`; only the distinct targets are merged.
    mutating func add(_ files: inout [OutputFile]) {
        Self.readLinks(&files)
        for file in files {
            paths[file.path] = 0
            guard let links = file.links else { continue }
            note(links, of: file.path, template: file.template, cached: file.key != nil)
        }
    }

    /// Reads the pages of `files` not yet read, on all cores.
    private static func readLinks(_ files: inout [OutputFile]) {
        let read: [PageLinks?] = files.parallelMap { file in
            guard file.links == nil, file.path.hasSuffix(".html"), case .text(let html) = file.contents else { return nil }
            return Self.read(html, path: file.path)
        }
        for index in files.indices {
            if let links = read[index] { files[index].links = links }
        }
    }

    /// Adds a page's ids and links; an update also keeps the targets no page linked to.
    private mutating func note(_ links: PageLinks, of path: String, template name: String?, cached: Bool) {
        anchors[path] = Self.joined(links.ids)
        if !cached { uncached[path] = (name, links) }
        var template: Int32 = 0
        if let name {
            if let known = templateNumbers[name] {
                template = known
            } else {
                template = Int32(templates.count)
                templates.append(name)
                templateNumbers[name] = template
            }
        }
        for value in links.unsafe { unsafe.append(Use(page: path, value: value, template: template)) }
        for target in links.targets {
            targets[target.key, default: Use(page: path, value: target.value, template: template, count: 0)].count += 1
            if changes != nil, targets[target.key]?.count == 1 { changes?.fresh.append(target.key) }
        }
    }

    /// A page's ids as `anchors` holds them.
    private static func joined(_ ids: [String]) -> String {
        ids.isEmpty ? "" : "\u{0}" + ids.joined(separator: "\u{0}") + "\u{0}"
    }

    /// Takes out what a page of the carried build linked to.
    private mutating func forget(_ links: PageLinks) {
        for target in links.targets {
            guard let index = targets.index(forKey: target.key) else { continue }
            targets.values[index].count -= 1
            if targets.values[index].count == 0 { targets.remove(at: index) }
        }
    }

    // MARK: Carried from one build to the next

    /// Starts bringing a clean check (one whose `problems` were none, made from the
    /// build whose page cache is `before` below) up to date with a new build of the same
    /// site: only the pages that changed are merged, taken out and put back.
    mutating func beginUpdate() {
        updates += 1
        changes = Changes(number: updates)
        unsafe = []
    }

    /// Takes note of a batch of the new build's files, as `add(_:)` does. A page that
    /// comes `.unchanged` has the links it had; any other page or file at a path of the
    /// carried build has its old links, `before(path)` (its entry in that build's page
    /// cache), taken out first.
    mutating func update(_ files: inout [OutputFile], before: (String) -> (template: String?, links: PageLinks)?) {
        guard let number = changes?.number else { return add(&files) }
        Self.readLinks(&files)
        for file in files {
            let known = paths.updateValue(number, forKey: file.path) != nil
            changes?.files += 1
            if case .unchanged = file.contents, file.key != nil, file.links != nil {
                changes?.order.append(file.path)
                continue
            }
            let old = known ? (uncached.removeValue(forKey: file.path) ?? before(file.path)) : nil
            if let old { forget(old.links) }
            guard let links = file.links else {
                if anchors.removeValue(forKey: file.path) != nil { changes?.anchorsLost = true }
                continue
            }
            changes?.order.append(file.path)
            if let old, !Set(links.ids).isSuperset(of: old.links.ids) { changes?.anchorsLost = true }
            if !links.unsafe.isEmpty { changes?.unsafe = true }
            note(links, of: file.path, template: file.template, cached: file.key != nil)
        }
    }

    /// Ends an update: takes out the files the new build no longer has and tells whether
    /// the site is still clean. False means a link may be broken: `fromScratch(entry:)`
    /// then makes the check a build without a carried one makes, to report each problem
    /// where it is first used.
    mutating func endUpdate(before: (String) -> (template: String?, links: PageLinks)?) -> Bool {
        guard let changes else { preconditionFailure("endUpdate(before:) without beginUpdate()") }
        let gone = paths.count == changes.files ? [] : paths.filter { $0.value != changes.number }.map(\.key)
        var anchorsLost = changes.anchorsLost
        for path in gone {
            paths[path] = nil
            if let old = uncached.removeValue(forKey: path) ?? before(path) { forget(old.links) }
            anchorsLost = true
            anchors[path] = nil
        }
        if changes.unsafe { return false }
        if anchorsLost { return targets.keys.allSatisfy { broken($0) == nil } }
        return changes.fresh.allSatisfy { targets[$0] == nil || broken($0) == nil }
    }

    /// The check of the same files made in one build, in the order the update noted
    /// them, with each page's template and links from `entry(path)` (the new build's page
    /// cache) or, for a page the cache does not hold, as the update noted it.
    func fromScratch(entry: (String) -> (template: String?, links: PageLinks)?) -> LinkCheck {
        var check = LinkCheck(pages: paths.count, targets: targets.count)
        for path in paths.keys { check.paths[path] = 0 }
        for path in changes?.order ?? [] {
            if let page = uncached[path] {
                check.note(page.links, of: path, template: page.template, cached: false)
            } else if let page = entry(path) {
                check.note(page.links, of: path, template: page.template, cached: true)
            }
        }
        return check
    }

    /// The check as the next update starts from it.
    mutating func endCarrying() { changes = nil }

    /// A page's ids and its links, each distinct one resolved to the site path it points to.
    static func read(_ html: String, path: String) -> PageLinks {
        let page = HTMLPage(html: html, collectingText: false)
        var links = PageLinks(ids: page.anchors.sorted(), targets: [], unsafe: [])
        let folder = Folder((path as NSString).deletingLastPathComponent)
        var seen: Set<String> = []
        for reference in page.references where seen.insert(reference.value).inserted {
            let value = reference.value
            guard URLSafety.isSafe(value) else {
                links.unsafe.append(value)
                continue
            }
            guard let (target, fragment) = folder.resolve(value) else { continue }
            // NUL: in neither a path nor a fragment.
            links.targets.append(PageLinks.Target(key: (target ?? path) + "\u{0}" + (fragment ?? ""), value: value))
        }
        return links
    }

    /// The problems of every page noted; `templateText` gives a template's source by
    /// name, to point at the line that wrote a broken link (links from records were
    /// checked before rendering). A broken target is reported once, where it is first used.
    func problems(templateText: (String) -> String? = { _ in nil }) -> [Diagnostic] {
        func place(_ use: Use) -> SourceLocation {
            location(
                of: use.value, in: OutputFile(path: use.page, contents: .text(""), template: templates[Int(use.template)]),
                templateText: templateText)
        }
        var diagnostics = unsafe.map { use in
            Diagnostic.unsafePageLink(use.value, page: use.page, at: place(use))
        }
        // Checked in any order and only the broken ones sorted (by key, as before): a sort
        // of every distinct target, compared as Unicode strings, was a third of the check.
        var broken: [(key: String, diagnostic: Diagnostic)] = []
        for (key, use) in targets {
            switch self.broken(key) {
            case nil:
                continue
            case (_, nil)?:
                broken.append((key, .pageLinkOutsideSite(use.value, page: use.page, at: place(use))))
            case (let target, let fragment?)?:
                broken.append(
                    (
                        key,
                        .pageLinkBrokenAnchor(
                            use.value, page: use.page, target: target, fragment: fragment, at: place(use))
                    ))
            }
        }
        diagnostics += broken.sorted { $0.key < $1.key }.map(\.diagnostic)
        // A link the layout writes breaks on every page type: said once, where it is written.
        var seen: Set<SourceLocation> = []
        return diagnostics.filter { $0.location.line == 1 && $0.location.column == 1 || seen.insert($0.location).inserted }
    }

    /// Whether the target `key` (site path, NUL, fragment) is broken: nil when it is a
    /// file of the site and its fragment, if any, an id on that page; else the path, and
    /// the fragment when only that is missing.
    private func broken(_ key: String) -> (target: String, fragment: String?)? {
        // The NUL is one scalar and one character of its own, so this index splits the
        // key as characters too.
        let separator = key.utf8.firstIndex(of: 0)!
        let target = String(key[..<separator])
        guard paths[target] != nil else { return (target, nil) }
        let fragment = String(key[key.utf8.index(after: separator)...])
        guard !fragment.isEmpty, let known = anchors[target],
            fragment.utf8.contains(0) || !Self.holds(known, "\u{0}" + fragment + "\u{0}")
        else { return nil }
        return (target, fragment)
    }

    /// Whether `text` holds `part` (not empty), compared as UTF-8 bytes: each place its
    /// first byte appears, then memcmp(3) for the rest. The generic collection search
    /// allocated for every fragment link of a large site (4 % of a one-article rebuild at
    /// 50,000 issues).
    static func holds(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Where a template writes `url`: the line of the page's own template, else of the
    /// layout around it, holding it without the page's `../` prefix (templates write
    /// `{{root}}`); the page template's start otherwise.
    func location(of url: String, in file: OutputFile, templateText: (String) -> String?) -> SourceLocation {
        guard let name = file.template else { return .start(of: file.path) }
        var written = Substring(url)
        while written.hasPrefix("../") { written = written.dropFirst(3) }
        guard !written.isEmpty else { return .start(of: "templates/\(name).mustache") }
        for template in [name, "layout"] {
            guard let text = templateText(template) else { continue }
            for (index, line) in TextLines.split(text).enumerated() {
                if let range = line.range(of: written) {
                    return SourceLocation(
                        file: "templates/\(template).mustache", line: index + 1,
                        column: line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return .start(of: "templates/\(name).mustache")
    }

    /// `text` without its percent-escapes; nil when they are malformed.
    private static func decoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// The site path and fragment an internal URL points to; nil for external URLs.
    /// A nil path with a fragment is the same page.
    static func resolve(_ url: String, from folder: String) -> (String?, String?)? {
        Folder(folder).resolve(url)
    }

    /// A page's folder, split once for all the links of the page.
    struct Folder {
        private let name: String
        private let parts: [String]
        /// The parts joined by `/`, as UTF-8; nil when a part holds a `/` byte of its own
        /// (a `/` with a combining mark), so that only the general path can pop a part.
        private let joined: [UInt8]?

        init(_ name: String) {
            self.name = name
            parts = name.split(separator: "/").map(String.init)
            let bytes = Array(parts.joined(separator: "/").utf8)
            joined = bytes.count(where: { $0 == UInt8(ascii: "/") }) == max(parts.count - 1, 0) ? bytes : nil
        }

        /// As `LinkCheck.resolve(_:from:)`.
        func resolve(_ url: String) -> (String?, String?)? {
            if let resolved = resolvePlain(url) { return resolved }
            return resolveInGeneral(url)
        }

        /// Most links are printable ASCII up to their `#` and have no `%` before it: for
        /// those, bytes and characters are the same and the path needs no decoding, so
        /// they are resolved on UTF-8 bytes, by `RelativePath`'s rule (tested to agree).
        /// Nil (no answer) for any other link; `.some(nil)` for an external one.
        private func resolvePlain(_ url: String) -> (String?, String?)?? {
            guard let joined else { return nil }
            var bytes = url
            return bytes.withUTF8 { bytes -> (String?, String?)?? in
                var end = bytes.count  // of the path and query: the first `#`
                var pathEnd: Int?  // the first `?`
                var schemeOver = false  // as `URLSafety.scheme(of:)`: at the first `/`, `?` or `:`
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "#") {
                        end = index
                        break
                    }
                    guard byte > 0x20, byte < 0x7F else { return nil }
                    switch byte {
                    case UInt8(ascii: "%"):
                        if pathEnd == nil { return nil }
                    case UInt8(ascii: "?"):
                        if pathEnd == nil { pathEnd = index }
                        schemeOver = true
                    case UInt8(ascii: "/"):
                        schemeOver = true
                    case UInt8(ascii: ":"):
                        if !schemeOver && index > 0 { return .some(nil) }  // a scheme: external
                        schemeOver = true
                    default:
                        break
                    }
                }
                if end >= 2 && bytes[0] == UInt8(ascii: "/") && bytes[1] == UInt8(ascii: "/") { return .some(nil) }
                var fragment: String?
                if end < bytes.count {
                    // A `#` followed by a combining mark still starts the fragment (`URLParts`).
                    fragment = decoded(String(decoding: UnsafeBufferPointer(rebasing: bytes[(end + 1)...]), as: UTF8.self))
                }
                let path = UnsafeBufferPointer(rebasing: bytes[..<(pathEnd ?? end)])
                if path.isEmpty { return (nil, fragment) }
                var out = joined
                out.reserveCapacity(joined.count + path.count + 11)
                var start = 0
                while start < path.count {
                    var stop = start
                    while stop < path.count && path[stop] != UInt8(ascii: "/") { stop += 1 }
                    let length = stop - start
                    if length == 1 && path[start] == UInt8(ascii: ".") {
                        // the same folder
                    } else if length == 2 && path[start] == UInt8(ascii: ".") && path[start + 1] == UInt8(ascii: ".") {
                        if out.isEmpty {  // outside the site: reported
                            return ("../" + String(decoding: path, as: UTF8.self), fragment)
                        }
                        out.removeSubrange((out.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                    } else if length > 0 {
                        if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: path[start..<stop]))
                    }
                    start = stop + 1
                }
                if out.isEmpty {
                    out.append(contentsOf: "index.html".utf8)
                } else if path.last == UInt8(ascii: "/") {
                    out.append(contentsOf: "/index.html".utf8)
                }
                return (String(decoding: out, as: UTF8.self), fragment)
            }
        }

        /// Any link, on characters: percent-escapes, white space and non-ASCII included.
        private func resolveInGeneral(_ url: String) -> (String?, String?)? {
            if url.hasPrefix("//") || URLSafety.scheme(of: url) != nil { return nil }
            let cut = URLParts(url)
            let rest = cut.path
            let fragment = cut.fragment.map { LinkCheck.decoded($0) } ?? nil
            if rest.isEmpty { return (nil, fragment) }
            let decoded = LinkCheck.decoded(rest) ?? rest
            // Outside the site: reported.
            guard let parts = RelativePath.resolve(decoded, from: parts) else { return ("../" + decoded, fragment) }
            var path = parts.joined(separator: "/")
            if decoded.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
            return (path, fragment)
        }
    }
}
