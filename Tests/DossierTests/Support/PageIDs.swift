import Foundation

/// The ids of a page and its links to places on the same page, read from its HTML as
/// written: every `id` attribute (duplicates kept) and every `href="#…"`, entities and
/// percent-escapes decoded.
struct PageIDs {
    var ids: [String] = []
    var fragmentLinks: [String] = []

    init(html: String) {
        // On code points: an id may start with a mark (U+FE0F), which as a character
        // would join the quote before it.
        for match in html.matches(of: #/\sid="([^"]*)"/#.matchingSemantics(.unicodeScalar)) {
            ids.append(Self.unescaped(String(match.1)))
        }
        for match in html.matches(of: #/\shref="#([^"]*)"/#.matchingSemantics(.unicodeScalar)) {
            let value = Self.unescaped(String(match.1))
            fragmentLinks.append(value.removingPercentEncoding ?? value)
        }
    }

    /// Ids that appear more than once, or are empty.
    var invalid: [String] {
        var seen: [String: Int] = [:]
        for id in ids { seen[id, default: 0] += 1 }
        return seen.filter { $0.key.isEmpty || $0.value > 1 }.keys.sorted()
    }

    /// Links to an id the page does not have; compared as UTF-8, as browsers compare.
    var brokenLinks: [String] {
        let known = Set(ids.map { Array($0.utf8) })
        return fragmentLinks.filter { !known.contains(Array($0.utf8)) }
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
