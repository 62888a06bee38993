/// JSON written directly as text: keys in the order given, two-space indentation, empty
/// arrays and objects as `[]` and `{}`. Exports list their keys sorted, so files are
/// stable and diff well.
package enum JSONText {
    package indirect enum Value {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    package static func pretty(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out
    }

    /// A top-level array written as `pretty` writes it, one element at a time, so a large
    /// export (data/issues.json: 44 MB at 50,000 issues) never holds every element's value
    /// tree at once, only the text so far.
    package struct ArrayWriter {
        private var out = "["
        private var count = 0

        package init() {}

        package mutating func append(_ value: Value) {
            if count > 0 { out += "," }
            out += "\n  "
            write(value, indent: 2, to: &out)
            count += 1
        }

        /// The text, as `pretty(.array(elements))` and then `suffix`; the writer starts a
        /// new, empty array after, and no longer holds the text (which is not copied).
        package mutating func finish(suffix: String = "") -> String {
            out += count == 0 ? "]" : "\n]"
            out += suffix
            let text = out
            out = "["
            count = 0
            return text
        }
    }

    /// On one line, without spaces, as JSONEncoder writes it.
    package static func compact(_ value: Value) -> String {
        var out = ""
        write(value, indent: nil, to: &out)
        return out
    }

    /// `indent` nil writes on one line.
    private static func write(_ value: Value, indent: Int?, to out: inout String) {
        /// A line break and the indentation for `depth`, when pretty.
        func breakLine(_ depth: Int) {
            if indent != nil { out += "\n" + String(repeating: " ", count: depth) }
        }
        let depth = indent ?? 0
        switch value {
        case .string(let text): quote(text, to: &out)
        case .int(let number): out += String(number)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                out += String(Int(number))
            } else if number.isFinite {
                out += String(number)
            } else {
                out += "null"
            }
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                breakLine(depth + 2)
                write(item, indent: indent.map { $0 + 2 }, to: &out)
            }
            breakLine(depth)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { out += "," }
                breakLine(depth + 2)
                quote(key, to: &out)
                out += indent == nil ? ":" : ": "
                write(item, indent: indent.map { $0 + 2 }, to: &out)
            }
            breakLine(depth)
            out += "}"
        }
    }

    /// JSON made safe inside a script: a "</" (which could end a script element) becomes
    /// "<\/", and U+2028 and U+2029 (line breaks to older JavaScript) are escaped. One pass
    /// over the UTF-8 bytes, copying the runs between changes whole; the text is returned
    /// as it is when there is nothing to change. (Appending scalar by scalar was 23 % of a
    /// full build at S, for the issue list's row scripts.)
    package static func scriptSafe(_ json: String) -> String {
        var json = json
        let changed: [UInt8]? = json.withUTF8 { bytes in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: StaticString
                let length: Int
                if byte == UInt8(ascii: "/"), index > 0, bytes[index - 1] == UInt8(ascii: "<") {
                    (escape, length) = ("\\/", 1)
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    // U+2028 is E2 80 A8 in UTF-8, U+2029 E2 80 A9.
                    (escape, length) = (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
                } else {
                    index += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 16 + 8) }
                out.append(contentsOf: bytes[copied..<index])
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                index += length
                copied = index
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: bytes[copied...])
            return out
        }
        return changed.map { String(decoding: $0, as: UTF8.self) } ?? json
    }

    /// `text` as a JavaScript string literal (a JSON string made `scriptSafe`).
    package static func scriptString(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        quote(text, to: &out)
        return scriptSafe(out)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as is
    /// (byte runs copied whole: the text is mostly plain).
    static func quote(_ text: String, to out: inout String) {
        out += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
        out += "\""
    }
}
