import DossierDiagnostics
import DossierUtilities
import Foundation

/// What a page is made of, as a 128-bit digest: the text of its template and of the
/// layout, the context the template gets (with each Markdown body as its source and
/// link targets, not its HTML) and the site's words.
///
/// Two builds that give a page the same key write the same bytes for it, so an
/// incremental build renders only pages whose key changed. The digest is the same in
/// every process (unlike Swift's `Hasher`), so keys can be kept with the output.
public struct PageKey: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public var description: String { String(high, radix: 16) + "-" + String(low, radix: 16) }
}

/// Digests values into a `PageKey`: the two lanes of `Digest` (`value` high, `second`
/// low), with each value framed so that different values never give the same bytes.
extension Digest {
    package var key: PageKey { PageKey(high: value, low: second) }

    package mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { update(bytes: $0) }
    }

    /// A string with its length first, so that ("ab", "c") and ("a", "bc") differ.
    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(UInt64(utf8.count))
            update(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    package mutating func add(_ text: String?) {
        if let text {
            add(tag: 1)
            add(text)
        } else {
            add(tag: 0)
        }
    }

    /// A one-byte tag, which tells kinds of value apart.
    package mutating func add(tag: UInt8) {
        withUnsafeBytes(of: tag) { update(bytes: $0) }
    }
}
