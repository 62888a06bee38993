import DossierDiagnostics

/// Where a link of a record goes, once checked.
public enum LinkTarget: Hashable, Sendable {
    /// An absolute URL with a safe scheme, written as it is.
    case external(String)
    /// A file of the generated site (relative to its root) and an optional anchor.
    case site(path: String, fragment: String?)
    /// An anchor on the same page.
    case fragment(String)
    /// No link: the text is kept (a broken or unsafe target, already reported).
    case none

    /// The `href` to write on a page whose way back to the root is `root` ("../").
    public func href(fromRoot root: String) -> String? {
        switch self {
        case .external(let url): return url
        case .site(let path, let fragment):
            return root + Self.percentEncodePath(path) + (fragment.map { "#" + Self.percentEncodeFragment($0) } ?? "")
        case .fragment(let anchor): return "#" + Self.percentEncodeFragment(anchor)
        case .none: return nil
        }
    }

    /// The absolute `href` under the site's published address, a URI (see
    /// `BaseURL.address`): for pages read away from the site, such as the mail version.
    public func href(under base: BaseURL) -> String? {
        switch self {
        case .site(let path, let fragment): return base.address(of: path, fragment: fragment)
        default: return href(fromRoot: "")
        }
    }

    /// Encodes what a URL path may not hold as is; letters of every script stay readable
    /// in the page's source, browsers accept them.
    public static func percentEncodePath(_ path: String) -> String {
        // Most paths hold none of them: returned as they are, with no copy.
        guard path.utf8.contains(where: { $0 == 0x20 || $0 == 0x23 || $0 == 0x3F || $0 == 0x25 || $0 == 0x22 }) else {
            return path
        }
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "#": out += "%23"
            case "?": out += "%3F"
            case "%": out += "%25"
            case "\"": out += "%22"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func percentEncodeFragment(_ fragment: String) -> String {
        guard fragment.utf8.contains(where: { $0 == 0x20 || $0 == 0x23 || $0 == 0x25 || $0 == 0x22 }) else {
            return fragment
        }
        // By code point: a `"` joined to a following mark is one Character.
        return fragment.replacingEvery("%", with: "%25").replacingEvery(" ", with: "%20").replacingEvery("\"", with: "%22")
            .replacingEvery("#", with: "%23")
    }
}
