/// A relative URL cut where a browser cuts it: its path, then `?query`, then `#fragment`.
///
/// URLs are cut at code points, as the WHATWG URL standard reads them: a `#` followed
/// by a combining mark is still the start of the fragment. (Swift's `Character` would
/// join them: GitHub's anchor of `## ⚠️ Known problems` starts with U+FE0F, so its
/// link is `#` U+FE0F `-known-problems`, one `Character` `#️`.)
public struct URLParts: Sendable, Equatable {
    /// Up to the first `?` or `#`, as written (percent-escapes kept).
    public var path: String
    /// After the first `#`, as written; nil when there is no `#`.
    public var fragment: String?

    public init(_ url: String) {
        let scalars = url.unicodeScalars
        var end = scalars.endIndex
        fragment = nil
        if let hash = scalars.firstIndex(of: "#") {
            fragment = String(scalars[scalars.index(after: hash)...])
            end = hash
        }
        let beforeFragment = scalars[..<end]
        path = String(beforeFragment[..<(beforeFragment.firstIndex(of: "?") ?? end)])
    }
}
