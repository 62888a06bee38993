import Foundation

/// project.yml's `base_url`: the absolute http or https URL where the site is published,
/// held as a URI (RFC 3986) that ends in `/`.
///
/// What is accepted (RFC 3986 §3, with the IRI characters of RFC 3987 §2.2):
/// `http://` or `https://` (any case), a host that is not empty, an optional port of
/// digits, then a path; no query and no fragment, since page paths are appended to it.
/// What is written everywhere an absolute address goes (feed ids and links, sitemap
/// locations, the mail version's links, `report weekly --format email`) is the URI the
/// value maps to by RFC 3987 §3.1: every character outside RFC 3986's unreserved,
/// sub-delims, `:`, `@` and `/` is written as the percent-encoded octets of its UTF-8
/// form, so `https://example.com/项目 A` becomes
/// `https://example.com/%E9%A1%B9%E7%9B%AE%20A/`. Percent-encodings already written
/// (`%20`) are kept; a `%` not followed by two hex digits becomes `%25`. The scheme and
/// the host's ASCII letters are lower-cased (RFC 3986 §6.2.2.1). A non-ASCII host
/// (`例子.测试`) is percent-encoded the same way (RFC 3987 §3.1 allows that for a
/// reg-name); browsers read it, and writing its IDNA `xn--` form in project.yml avoids it.
public struct BaseURL: Hashable, Sendable, CustomStringConvertible {
    /// The URI, ASCII only, ending in `/`.
    public let uri: String

    /// Why a text is not a base URL.
    public enum Problem: Error, Hashable, Sendable {
        /// No `scheme://` at the start (`example.com/erp`, `/erp/`).
        case noScheme
        /// A scheme other than http and https (`ftp`).
        case scheme(String)
        /// Nothing between `//` and the path.
        case noHost
        /// A host holding a character no host may hold (a space, `<`), or a port that is
        /// not digits.
        case badAuthority(String)
        /// A `?query` or `#fragment`, which page paths cannot follow.
        case queryOrFragment
        /// A user name or password (`user:pw@`), which every link would publish.
        case credentials
        /// A port above 65535.
        case port(String)
        /// A path that names a page (`/erp/index.html`), not the folder pages go under.
        case pagePath(String)
    }

    public var description: String { uri }

    /// Reads `text` as written in project.yml; surrounding white space is ignored.
    public static func parse(_ text: String) -> Result<BaseURL, Problem> {
        let written = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let separator = written.range(of: "://") else { return .failure(.noScheme) }
        let scheme = String(written[..<separator.lowerBound])
        guard let first = scheme.unicodeScalars.first, isASCIILetter(first),
            scheme.unicodeScalars.allSatisfy({ isASCIILetter($0) || isDigit($0) || "+-.".unicodeScalars.contains($0) })
        else { return .failure(.noScheme) }
        guard ["http", "https"].contains(scheme.lowercased()) else { return .failure(.scheme(scheme)) }
        let rest = written[separator.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let authority = String(rest[..<authorityEnd])
        let path = rest[authorityEnd...]
        if path.contains("?") || path.contains("#") { return .failure(.queryOrFragment) }
        if let last = path.split(separator: "/").last,
            [".html", ".htm", ".php", ".asp", ".aspx", ".jsp"].contains(where: { last.lowercased().hasSuffix($0) })
        {
            return .failure(.pagePath(String(last)))
        }
        let host: String
        switch encodeAuthority(authority) {
        case .success(let encoded): host = encoded
        case .failure(let problem): return .failure(problem)
        }
        var encodedPath = encode(String(path), keeping: pathCharacters)
        if !encodedPath.hasSuffix("/") { encodedPath += "/" }
        return .success(BaseURL(uri: scheme.lowercased() + "://" + host + encodedPath))
    }

    /// The corrected value to show in a hint, when the text can be read as one: a
    /// missing or other scheme becomes https, a query or fragment is dropped. Nil when
    /// there is no host to name (`/erp/`).
    public static func suggestion(for text: String) -> String? {
        var written = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let cut = written.firstIndex(where: { $0 == "?" || $0 == "#" }) { written = String(written[..<cut]) }
        if let separator = written.range(of: "://") {
            written = String(written[separator.upperBound...])
        } else if written.hasPrefix("//") {
            written.removeFirst(2)
        } else if let colon = written.firstIndex(of: ":"), ["http", "https"].contains(written[..<colon].lowercased()) {
            // `https:example.com` and `http:/example.com`
            written = String(written[written.index(after: colon)...].drop { $0 == "/" })
        }
        let host = written.prefix { $0 != "/" }
        guard !host.isEmpty, host.contains(".") || host.lowercased().hasPrefix("localhost") else { return nil }
        guard case .success(let url) = parse("https://" + written) else { return nil }
        return url.uri
    }

    /// The URI of a file of the site, `path` relative to its root (`handbook/付款.html`),
    /// with an optional fragment; both percent-encoded as the base is.
    public func address(of path: String, fragment: String? = nil) -> String {
        uri + Self.encode(path, keeping: Self.pathCharacters)
            + (fragment.map { "#" + Self.encode($0, keeping: Self.fragmentCharacters) } ?? "")
    }

    // MARK: - RFC 3986 characters

    /// unreserved / sub-delims / ":" / "@" (pchar without pct-encoded), and "/".
    static let pathCharacters: Set<Unicode.Scalar> = Set("-._~!$&'()*+,;=:@/".unicodeScalars)
    /// A fragment may also hold "?" (RFC 3986 §3.5).
    static let fragmentCharacters: Set<Unicode.Scalar> = pathCharacters.union(["?"])
    /// reg-name: unreserved / sub-delims (RFC 3986 §3.2.2).
    static let hostCharacters: Set<Unicode.Scalar> = Set("-._~!$&'()*+,;=".unicodeScalars)

    /// `text` with every scalar that is neither an ASCII letter or digit nor in
    /// `keeping` written as `%XX` octets of its UTF-8 form; a `%` already followed by two
    /// hex digits is kept.
    static func encode(_ text: String, keeping: Set<Unicode.Scalar>) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isASCIILetter(scalar) || isDigit(scalar) || keeping.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar == "%", index + 2 < scalars.count, isHexDigit(scalars[index + 1]), isHexDigit(scalars[index + 2]) {
                out += "%" + String(scalars[index + 1]).uppercased() + String(scalars[index + 2]).uppercased()
                index += 2
            } else {
                for byte in String(scalar).utf8 { out += "%" + hex(byte) }
            }
            index += 1
        }
        return out
    }

    /// `host[:port]` (a userinfo is refused), the host lower-cased and encoded; an IP literal
    /// (`[::1]`) is kept as written.
    private static func encodeAuthority(_ authority: String) -> Result<String, Problem> {
        let hostAndPort = Substring(authority)
        if authority.contains("@") { return .failure(.credentials) }
        var host = hostAndPort
        var port = ""
        let literalEnd = hostAndPort.hasPrefix("[") ? hostAndPort.firstIndex(of: "]") : nil
        if hostAndPort.hasPrefix("["), literalEnd == nil { return .failure(.badAuthority(authority)) }
        if let colon = hostAndPort.lastIndex(of: ":"), literalEnd.map({ colon > $0 }) ?? true {
            host = hostAndPort[..<colon]
            port = String(hostAndPort[hostAndPort.index(after: colon)...])
            guard port.unicodeScalars.allSatisfy(isDigit) else { return .failure(.badAuthority(authority)) }
            if let number = Int(port), number > 65535 { return .failure(.port(port)) }
            if !port.isEmpty { port = ":" + port }
        }
        guard !host.isEmpty else { return .failure(.noHost) }
        if let literalEnd, literalEnd != host.index(before: host.endIndex) { return .failure(.badAuthority(authority)) }
        if host.hasPrefix("[") {
            let inside = host.dropFirst().dropLast()
            guard !inside.isEmpty, inside.unicodeScalars.allSatisfy({ isHexDigit($0) || ":.".unicodeScalars.contains($0) })
            else { return .failure(.badAuthority(authority)) }
            return .success(host.lowercased() + port)
        }
        // Only characters a reg-name may hold, or ones an IRI's ireg-name may (non-ASCII).
        guard
            host.unicodeScalars.allSatisfy({
                $0.value > 0x7F || isASCIILetter($0) || isDigit($0) || $0 == "%" || hostCharacters.contains($0)
            })
        else { return .failure(.badAuthority(authority)) }
        return .success(encode(String(host).lowercased(), keeping: hostCharacters) + port)
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    private static func isHexDigit(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s)
    }
    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
