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

/// Digests values into a `PageKey`: two 64-bit FNV-1a lanes with different primes. Not
/// a defence against anyone, only a way to tell that what a page is made of changed.
package struct PageDigest {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    package init() {}

    package var key: PageKey { PageKey(high: a, low: b) }

    package mutating func add(bytes: UnsafeRawBufferPointer) {
        var a = self.a
        var b = self.b
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
        }
        self.a = a
        self.b = b
    }

    package mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add(bytes: $0) }
    }

    /// A string with its length first, so that ("ab", "c") and ("a", "bc") differ.
    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(UInt64(utf8.count))
            add(bytes: UnsafeRawBufferPointer(utf8))
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
        withUnsafeBytes(of: tag) { add(bytes: $0) }
    }
}
