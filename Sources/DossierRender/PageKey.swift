import DossierDiagnostics
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
    var key: PageKey { PageKey(high: value, low: second) }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { update(bytes: $0) }
    }

    /// A string with its length first, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(UInt64(utf8.count))
            update(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func add(_ text: String?) {
        if let text {
            add(tag: 1)
            add(text)
        } else {
            add(tag: 0)
        }
    }

    private mutating func add(tag: UInt8) {
        withUnsafeBytes(of: tag) { update(bytes: $0) }
    }

    /// A template context: dictionaries by sorted key, arrays in order, and the scalar
    /// values templates are given. Keys in `skipping` are left out at this level (the
    /// words every page shares are digested once, with the theme).
    mutating func add(context value: Any, skipping: Set<String> = []) {
        switch value {
        case let text as String:
            add(tag: 1)
            add(text)
        case let dictionary as [String: Any]:
            add(tag: 2)
            add(UInt64(dictionary.count))
            for key in dictionary.keys.sorted() where !skipping.contains(key) {
                add(key)
                add(context: dictionary[key]!)
            }
        case let array as [Any]:
            add(tag: 3)
            add(UInt64(array.count))
            for element in array { add(context: element) }
        case let number as Int:
            add(tag: 4)
            add(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            add(tag: flag ? 5 : 6)
        case let number as Double:
            add(tag: 7)
            add(number.bitPattern)
        case let markup as Markup:
            add(tag: 8)
            markup.digest(into: &self)
        default:
            // Not a type the renderer puts in contexts; its description keeps the key honest.
            add(tag: 9)
            add(String(describing: type(of: value)) + ":" + String(describing: value))
        }
    }
}
