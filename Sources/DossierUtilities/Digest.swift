import Foundation

/// Dossier's one digest: FNV-1a over bytes, the same in every process and on every
/// machine (unlike Swift's `Hasher`), so that it can be kept in files. Not a defence
/// against anyone, only a way to tell that what was digested changed.
///
/// Two 64-bit lanes take the same bytes: `value` is plain FNV-1a 64 (offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3); `second` starts from 0x6c62272e07bb0142 and
/// multiplies by 0x9e3779b97f4a7c15, so that both together make 128 bits where many
/// values share one space (page keys). Bytes are taken as they are: a caller that
/// digests several values frames them itself (lengths, separators).
public struct Digest: Hashable, Sendable {
    /// Plain 64-bit FNV-1a of the bytes so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The second lane (see the type's comment).
    public private(set) var second: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    public mutating func update(bytes: UnsafeRawBufferPointer) {
        var a = value
        var b = second
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
        }
        value = a
        second = b
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(bytes: $0) }
    }

    /// The UTF-8 bytes of `text`, without its length.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// `value` in lower-case hexadecimal, without leading zeros.
    public var hex: String { String(value, radix: 16) }
}
