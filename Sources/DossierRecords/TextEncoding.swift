import DossierDiagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The encodings a record file may be written in (project.yml `encoding`).
///
/// Besides the contract's UTF-8 and GB18030 (what Redmine's zh export writes):
/// ISO-8859-1, what Redmine's en export writes by default, and Windows-1251, what Excel
/// in Russian saves as "CSV".
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case latin1 = "iso-8859-1"
    case windows1251 = "windows-1251"

    /// Reads the names people write: `utf-8`, `UTF8`, `GB18030`, `latin1`, `cp1251`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gb-18030", "gbk", "cp936", "gb2312": self = .gb18030  // GBK and GB2312 are subsets
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .latin1
        case "windows-1251", "cp1251", "win-1251": self = .windows1251
        default: return nil
        }
    }

    /// The name iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030"
        case .latin1: return "ISO-8859-1"
        case .windows1251: return "WINDOWS-1251"
        }
    }
}

/// Why the bytes of a file could not be read as text.
public enum TextDecodingProblem: Error, Equatable, Sendable {
    case empty
    case binary
    case utf16(bigEndian: Bool)
    /// The first malformed sequence, at a 1-based line and column.
    case invalidUTF8(line: Int, column: Int)
    /// A byte sequence the named encoding does not have.
    case invalidEncoding(TextEncoding, line: Int, column: Int)
}

/// Turns file bytes into text, refusing what is not text instead of guessing.
public enum TextDecoder {
    public static func decode(_ data: Data, as encoding: TextEncoding) -> Result<String, TextDecodingProblem> {
        if data.isEmpty { return .failure(.empty) }
        let bytes = [UInt8](data)
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE { return .failure(.utf16(bigEndian: false)) }
            if bytes[0] == 0xFE && bytes[1] == 0xFF { return .failure(.utf16(bigEndian: true)) }
        }
        // UTF-16 without a mark still shows as many NUL bytes; any NUL means not text.
        if let nul = bytes.firstIndex(of: 0) {
            let zeros = bytes.prefix(512).lazy.filter { $0 == 0 }.count
            if nul < 512 && zeros * 3 >= min(bytes.count, 512) { return .failure(.utf16(bigEndian: nul % 2 == 0)) }
            return .failure(.binary)
        }
        switch encoding {
        case .utf8:
            var start = 0
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
            let body = bytes[start...]
            if let text = String(validating: body, as: UTF8.self) { return .success(text) }
            let (line, column) = firstInvalidUTF8(body)
            return .failure(.invalidUTF8(line: line, column: column))
        case .gb18030, .latin1, .windows1251:
            return convert(bytes, from: encoding)
        }
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

    /// Converts with iconv; a multi-byte encoding grows by at most half in UTF-8, a
    /// single-byte one at most doubles.
    private static func convert(_ bytes: [UInt8], from encoding: TextEncoding) -> Result<String, TextDecodingProblem> {
        guard let (output, complete) = iconvConvert(bytes, from: encoding.iconvName, to: "UTF-8") else {
            return .failure(.invalidEncoding(encoding, line: 1, column: 1))
        }
        if !complete {
            let good = String(decoding: output, as: UTF8.self)
            let lines = TextLines.split(good)
            return .failure(.invalidEncoding(encoding, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1))
        }
        return .success(String(decoding: output, as: UTF8.self))
    }
}

/// Turns text into the bytes of a record file's encoding, for rows `dossier new` appends.
public enum TextEncoder {
    /// `text` in `encoding`; nil when the encoding has no byte sequence for one of its
    /// characters (a Chinese title in a Windows-1251 file).
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
/// know an encoding. Neither encoding takes more than twice the bytes of the other.
private func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> ([UInt8], Bool)? {
    if bytes.isEmpty { return ([], true) }
    let converter = iconv_open(target, source)
    if converter == iconv_t(bitPattern: -1) { return nil }
    defer { iconv_close(converter) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
    var inLeft = input.count
    var outLeft = output.count
    let result: Int = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        }
    }
    return (Array(output[0..<(output.count - outLeft)]), result != -1 && inLeft == 0)
}
