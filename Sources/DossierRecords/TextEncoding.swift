import DossierDiagnostics
import DossierUtilities
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings a record file may be written in (project.yml `encoding`).
///
/// The contract's list (SPEC §1.1), with what writes each: UTF-8 (Excel's "CSV UTF-8",
/// LibreOffice, WPS); UTF-16 (Excel's "Unicode Text"); GBK, i.e. Windows code page 936
/// (Chinese Excel's "CSV"); GB18030 (Redmine's zh export, and what holds every
/// character); Big5 (Excel in Traditional Chinese); Shift_JIS (Japanese Excel);
/// Windows-1251 (Russian Excel's "CSV"); KOI8-R (older Russian Unix tools); Windows-1252
/// (Western Excel's "CSV"; Redmine's en export), which `iso-8859-1` also names.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"
    case gbk = "gbk"
    case big5 = "big5"
    case shiftJIS = "shift_jis"
    case windows1251 = "windows-1251"
    case koi8R = "koi8-r"
    case windows1252 = "windows-1252"

    /// Reads the names people write: `utf-8`, `UTF8`, `GB18030`, `gbk`, `latin1`,
    /// `cp1251`, `sjis`. `utf-16` alone is little-endian, as Windows writes it; a
    /// byte-order mark in the file decides by itself anyway.
    ///
    /// As in the WHATWG Encoding Standard (and every browser), `iso-8859-1` and `latin1`
    /// name Windows-1252: files said to be Latin-1 are Windows-1252 files, whose `€“”‘’…`
    /// (bytes 0x80–0x9F) ISO-8859-1 would read as invisible C1 control characters; and
    /// `gb2312` names GBK, its superset. GB18030 is not GBK: it lacks code page 936's `€`
    /// (the single byte 0x80), and has four-byte sequences GBK lacks.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf16le", "unicode": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gb-18030": self = .gb18030
        case "gbk", "cp936", "windows-936", "ms936", "gb2312", "x-gbk": self = .gbk
        case "big5", "big-5", "cp950": self = .big5
        case "shift-jis", "shiftjis", "sjis", "cp932", "ms932", "windows-31j": self = .shiftJIS
        case "windows-1251", "cp1251", "win-1251": self = .windows1251
        case "koi8-r", "koi8r": self = .koi8R
        case "windows-1252", "cp1252", "win-1252": self = .windows1252
        case let latin1 where Self.latin1Names.contains(latin1): self = .windows1252
        default: return nil
        }
    }

    /// The names of ISO-8859-1, read as Windows-1252.
    static let latin1Names: Set<String> = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819"]

    /// What tells the encoding from its sibling, for the hint that names it instead.
    var distinction: Message.Argument {
        switch self {
        case .gbk: return .message(Message("encoding.distinction-gbk"))
        case .gb18030: return .message(Message("encoding.distinction-gb18030"))
        default: return .value("")
        }
    }

    /// The names project.yml's `encoding` reads, as an error lists them: the contract's
    /// (SPEC §1.1), with `gbk`.
    public static let names = [
        "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5", "shift_jis", "windows-1251", "koi8-r", "windows-1252",
        "iso-8859-1",
    ]

    /// The name glibc's iconv knows the encoding by. GBK, Big5 and Shift_JIS are read as
    /// Windows writes them (CP936, CP950, CP932): CP936 has `€` at 0x80; glibc's
    /// `SHIFT_JIS` turns `\` into `¥` and lacks the NEC characters (①) Japanese Windows
    /// files hold.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .gb18030: return "GB18030"
        case .gbk: return "CP936"
        case .big5: return "CP950"
        case .shiftJIS: return "CP932"
        case .windows1251: return "WINDOWS-1251"
        case .koi8R: return "KOI8-R"
        case .windows1252: return "WINDOWS-1252"
        }
    }

    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }

    /// The byte-order mark of the encoding, for the ones that have one.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        default: return []
        }
    }
}

/// How a file ends its lines, as it was written.
public enum LineEnd: String, Sendable {
    case lf = "\n"
    /// Windows (and RFC 4180).
    case crlf = "\r\n"
    /// CR alone: Excel for Mac's "CSV (Macintosh)" and classic Mac OS.
    case cr = "\r"
}

/// How a text file was written: what `dossier new` needs to append to it in kind.
public struct TextForm: Sendable, Equatable {
    /// The encoding read: a byte-order mark decides it, else project.yml, else UTF-8.
    public var encoding: TextEncoding
    /// True when the file starts with a byte-order mark.
    public var byteOrderMark: Bool
    /// CRLF when the file has any; else CR when it has a CR alone; else LF.
    public var lineEnd: LineEnd

    public init(encoding: TextEncoding = .utf8, byteOrderMark: Bool = false, lineEnd: LineEnd = .lf) {
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark
        self.lineEnd = lineEnd
    }
}

/// A record file's text and how it was written.
///
/// In `text` a CR alone is turned into LF, one character for one, so every later stage
/// (the CSV scanner, the lines shown under diagnostics, Markdown positions) counts the
/// lines of an Excel for Mac file as an editor does; CRLF is kept as it is.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var form: TextForm
}

/// Why the bytes of a file could not be read as text.
public enum TextDecodingProblem: Error, Equatable, Sendable {
    case empty
    case binary
    /// UTF-16 (found from its NUL bytes) without a byte-order mark, and not named in
    /// project.yml: the byte order would be a guess.
    case utf16WithoutMark(bigEndian: Bool)
    /// The first malformed sequence, at a 1-based line and column.
    case invalidUTF8(line: Int, column: Int)
    /// A byte sequence the named encoding does not have.
    case invalidEncoding(TextEncoding, line: Int, column: Int)
}

/// Turns file bytes into text, refusing what is not text instead of guessing.
public enum TextDecoder {
    /// The text of `data`, read in `encoding` unless a byte-order mark says otherwise.
    public static func decode(_ data: Data, as encoding: TextEncoding) -> Result<String, TextDecodingProblem> {
        read(data, as: encoding).map(\.text)
    }

    /// Reads `data` as text: a UTF-8 or UTF-16 byte-order mark decides the encoding by
    /// itself (it is dropped); else `encoding` is used. UTF-16 without a mark is read
    /// only when `encoding` names it; any other NUL byte makes the file binary.
    public static func read(_ data: Data, as encoding: TextEncoding) -> Result<DecodedText, TextDecodingProblem> {
        if data.isEmpty { return .failure(.empty) }
        var bytes = [UInt8](data)
        var chosen = encoding
        var marked = false
        for candidate in [TextEncoding.utf8, .utf16LE, .utf16BE] where bytes.starts(with: candidate.byteOrderMark) {
            chosen = candidate
            marked = true
            bytes.removeFirst(candidate.byteOrderMark.count)
            break
        }
        if bytes.isEmpty { return .failure(.empty) }
        if !chosen.isUTF16, let nul = bytes.firstIndex(of: 0) {
            // UTF-16 without a mark still shows as many NUL bytes; any NUL means not text.
            let zeros = bytes.prefix(512).lazy.filter { $0 == 0 }.count
            if nul < 512 && zeros * 3 >= min(bytes.count, 512) { return .failure(.utf16WithoutMark(bigEndian: nul % 2 == 0)) }
            return .failure(.binary)
        }
        if chosen == .utf8 {
            let lineEnd = normaliseLineEnds(&bytes)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let (line, column) = firstInvalidUTF8(bytes[...])
                return .failure(.invalidUTF8(line: line, column: column))
            }
            return .success(DecodedText(text: text, form: TextForm(encoding: .utf8, byteOrderMark: marked, lineEnd: lineEnd)))
        }
        guard let converted = iconvConvert(bytes, from: chosen.iconvName, to: "UTF-8") else {
            return .failure(.invalidEncoding(chosen, line: 1, column: 1))
        }
        var output = converted.0
        let complete = converted.1
        let lineEnd = normaliseLineEnds(&output)
        if !complete {
            let good = String(decoding: output, as: UTF8.self)
            let lines = TextLines.split(good)
            return .failure(.invalidEncoding(chosen, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1))
        }
        if output.contains(0) { return .failure(.binary) }
        return .success(
            DecodedText(
                text: String(decoding: output, as: UTF8.self),
                form: TextForm(encoding: chosen, byteOrderMark: marked, lineEnd: lineEnd)))
    }

    /// Turns every CR not followed by LF into LF, in place (so offsets, lines and
    /// columns stay those of the file), and says how the file ends its lines.
    static func normaliseLineEnds(_ bytes: inout [UInt8]) -> LineEnd {
        var sawCRLF = false
        var sawLoneCR = false
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0D, buffer.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 1 < buffer.count && buffer[index + 1] == 0x0A {
                    sawCRLF = true
                } else {
                    buffer[index] = 0x0A
                    sawLoneCR = true
                }
                offset = index + 1
            }
        }
        return sawCRLF ? .crlf : sawLoneCR ? .cr : .lf
    }

    /// Line and column (1-based, in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid =
                length > 0 && index + length <= bytes.endIndex
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            if !valid {
                let before = String(decoding: bytes[lineStart..<index], as: UTF8.self)
                return (line, before.unicodeScalars.count + 1)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }

    /// GBK when `data` is invalid GB18030 but reads as GBK (code page 936's `€`), and the
    /// other way round (GB18030's four-byte sequences); else nil.
    static func sibling(of encoding: TextEncoding, reading data: Data) -> TextEncoding? {
        let sibling: TextEncoding
        switch encoding {
        case .gb18030: sibling = .gbk
        case .gbk: sibling = .gb18030
        default: return nil
        }
        if case .success = read(data, as: sibling) { return sibling }
        return nil
    }

    /// `bytes` in `encoding` as text when every byte converts, else nil; no byte-order
    /// mark handling and no line-end changes. For weighing guesses.
    static func convertExactly(_ bytes: [UInt8], from encoding: TextEncoding) -> String? {
        if encoding == .utf8 { return String(validating: bytes, as: UTF8.self) }
        guard let (output, complete) = iconvConvert(bytes, from: encoding.iconvName, to: "UTF-8"), complete else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Turns text into the bytes of a record file's encoding, for rows `dossier new` appends.
public enum TextEncoder {
    /// `text` in `encoding`, without a byte-order mark; nil when the encoding has no byte
    /// sequence for one of its characters (a Chinese title in a Windows-1251 file).
    public static func encode(_ text: String, as encoding: TextEncoding) -> Data? {
        if encoding == .utf8 { return Data(text.utf8) }
        guard let (output, complete) = iconvConvert(Array(text.utf8), from: "UTF-8", to: encoding.iconvName), complete else {
            return nil
        }
        return Data(output)
    }
}

/// `bytes` converted by iconv, and whether all of them were (false at the first byte
/// sequence the source encoding lacks or the target cannot hold); nil when iconv does not
/// know an encoding. The output grows as needed (a Shift_JIS half-width kana byte is three
/// bytes of UTF-8).
private func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> ([UInt8], Bool)? {
    if bytes.isEmpty { return ([], true) }
    let converter = iconv_open(target, source)
    if converter == iconv_t(bitPattern: -1) { return nil }
    defer { iconv_close(converter) }
    var input = bytes
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count * 2)
    var chunk = [UInt8](repeating: 0, count: max(64, min(bytes.count * 2, 1 << 24)))
    var consumed = 0
    while true {
        var inLeft = input.count - consumed
        var outLeft = chunk.count
        let (status, error): (Int, Int32) = input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (status, errno)
            }
        }
        result.append(contentsOf: chunk[0..<(chunk.count - outLeft)])
        consumed = input.count - inLeft
        if status != -1 && inLeft == 0 { return (result, true) }
        if status == -1 && error == E2BIG { continue }
        return (result, false)
    }
}
